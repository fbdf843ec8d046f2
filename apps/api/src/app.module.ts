import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CertificationModule } from '@app/certification';
import { AccessGuard, IdentityModule } from '@app/identity';
import { PersistenceModule, RedisModule } from '@app/persistence';
import { JobsService } from '@app/queue';
import { RegistryModule } from '@app/registry';
import { SchemeModule } from '@app/scheme';
import { ConfigModule } from '@app/shared';
import { LoggingModule } from './logging.module';
import { OperationsController } from './operations.controller';
import { PublicRateLimitGuard } from './rate-limit/public-rate-limit.guard';
import { CounterfeitSignalsController } from './registry/counterfeit-signals.controller';
import { RegistryController } from './registry/registry.controller';
import { WebhooksController } from './registry/webhooks.controller';
import { CatalogueController } from './scheme/catalogue.controller';
import { AbnormalOperationsController } from './scheme/abnormal-operations.controller';
import { AuthorizationsController } from './scheme/authorizations.controller';
import { CategoriesController } from './scheme/categories.controller';
import { SelfDeclarationsController } from './scheme/self-declarations.controller';
import { StandardsController } from './scheme/standards.controller';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { OrganizationsController } from './identity/organizations.controller';
import { UsersController } from './identity/users.controller';
import { ApiKeysController } from './identity/api-keys.controller';
import { ApplicationsController } from './certification/applications.controller';
import { AuditorConflictsController } from './certification/auditor-conflicts.controller';
import { AuditsController } from './certification/audits.controller';
import { NonconformitiesController } from './certification/nonconformities.controller';
import { CertificatesController } from './certification/certificates.controller';
import { MarkGrantsController } from './certification/mark-grants.controller';
import { VerificationController } from './certification/verification.controller';
import { MisuseReportsController } from './certification/misuse-reports.controller';
import { RegistryPagesController } from './pages/registry-pages.controller';
import { VerifyPagesController } from './pages/verify-pages.controller';
import { MisuseReportLimiter } from './rate-limit/misuse-report-limiter';
import { RegistryCategories } from './pages/registry-categories';

@Module({
  imports: [ConfigModule, LoggingModule, PersistenceModule, RedisModule, IdentityModule, SchemeModule, CertificationModule, RegistryModule],
  controllers: [HealthController, AuthController, OrganizationsController, UsersController, ApiKeysController, ApplicationsController, AuditsController, NonconformitiesController, AuditorConflictsController, CertificatesController, MarkGrantsController, VerificationController, OperationsController,
    CategoriesController, StandardsController, CatalogueController, AuthorizationsController, SelfDeclarationsController, AbnormalOperationsController,
    RegistryController, CounterfeitSignalsController, WebhooksController,
    MisuseReportsController, VerifyPagesController, RegistryPagesController],
  // Guards run in this order: access first, then the public rate limit (which counts only public routes).
  providers: [{ provide: APP_GUARD, useExisting: AccessGuard }, { provide: APP_GUARD, useExisting: PublicRateLimitGuard }, JobsService, PublicRateLimitGuard, MisuseReportLimiter, RegistryCategories],
})
export class AppModule {}
