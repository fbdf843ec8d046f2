import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CertificationModule } from '@app/certification';
import { AccessGuard, IdentityModule } from '@app/identity';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { ConfigModule } from '@app/shared';
import { LoggingModule } from './logging.module';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { OrganizationsController } from './identity/organizations.controller';
import { UsersController } from './identity/users.controller';
import { ApiKeysController } from './identity/api-keys.controller';
import { ApplicationsController } from './certification/applications.controller';
import { AuditorConflictsController, AuditsController, NonconformitiesController } from './certification/audits.controller';

@Module({
  imports: [ConfigModule, LoggingModule, PersistenceModule, RedisModule, IdentityModule, CertificationModule],
  controllers: [HealthController, AuthController, OrganizationsController, UsersController, ApiKeysController, ApplicationsController, AuditsController, NonconformitiesController, AuditorConflictsController],
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }],
})
export class AppModule {}
