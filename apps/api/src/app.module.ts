import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard, IdentityModule } from '@app/identity';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { ConfigModule } from '@app/shared';
import { CertificationHttpModule } from './certification/certification-http.module';
import { ConsoleHttpModule } from './console/console-http.module';
import { CreditHttpModule } from './credit/credit-http.module';
import { HealthHttpModule } from './health/health-http.module';
import { InspectionsHttpModule } from './inspections/inspections-http.module';
import { LaboratoriesHttpModule } from './laboratories/laboratories-http.module';
import { IdentityHttpModule } from './identity/identity-http.module';
import { LoggingModule } from './logging.module';
import { NotificationsHttpModule } from './notifications/notifications-http.module';
import { OperationsHttpModule } from './operations/operations-http.module';
import { PublicHttpModule } from './public/public-http.module';
import { PublicRateLimitGuard } from './public/rate-limit/public-rate-limit.guard';
import { RegistryHttpModule } from './registry/registry-http.module';
import { SchemeHttpModule } from './scheme/scheme-http.module';

/** The HTTP application: one module per context (each imports the library it serves), and the global guards. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    PersistenceModule,
    RedisModule,
    IdentityModule,
    HealthHttpModule,
    IdentityHttpModule,
    SchemeHttpModule,
    CertificationHttpModule,
    RegistryHttpModule,
    OperationsHttpModule,
    NotificationsHttpModule,
    CreditHttpModule,
    InspectionsHttpModule,
    LaboratoriesHttpModule,
    ConsoleHttpModule,
    PublicHttpModule,
  ],
  // Guards run in this order: access first, then the public rate limit (which counts only public routes).
  providers: [
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_GUARD, useExisting: PublicRateLimitGuard },
  ],
})
export class AppModule {}
