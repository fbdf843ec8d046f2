import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/shared';
import { ApiKey } from './api-keys/api-key.entity';
import { ApiKeysService } from './api-keys/api-keys.service';
import { AccessGuard } from './auth/access.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PrincipalResolver } from './auth/principal.resolver';
import { Organization } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';

export const identityEntities = [Organization, User, ApiKey];

@Module({
  imports: [
    TypeOrmModule.forFeature(identityEntities),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({
        secret: c.JWT_SECRET,
        signOptions: { expiresIn: c.JWT_TTL as `${number}h`, algorithm: 'HS256' as const, issuer: 'shenzhen-standard' },
        verifyOptions: { algorithms: ['HS256' as const], issuer: 'shenzhen-standard' },
      }),
    }),
  ],
  providers: [AuthService, LoginThrottle, PrincipalResolver, AccessGuard, OrganizationsService, UsersService, ApiKeysService],
  exports: [AuthService, PrincipalResolver, AccessGuard, OrganizationsService, UsersService, ApiKeysService],
})
export class IdentityModule {}
