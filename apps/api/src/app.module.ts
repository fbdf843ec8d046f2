import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, IdentityModule } from '@app/identity';
import { PersistenceModule } from '@app/persistence';
import { RedisModule } from '@app/persistence';
import { ConfigModule } from '@app/shared';
import { LoggingModule } from './logging.module';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { OrganizationsController } from './identity/organizations.controller';
import { UsersController } from './identity/users.controller';
import { ApiKeysController } from './identity/api-keys.controller';

@Module({
  imports: [ConfigModule, LoggingModule, PersistenceModule, RedisModule, IdentityModule],
  controllers: [HealthController, AuthController, OrganizationsController, UsersController, ApiKeysController],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AppModule {}
