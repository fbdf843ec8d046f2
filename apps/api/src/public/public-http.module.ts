import { Module } from '@nestjs/common';
import { CertificationModule } from '@app/certification';
import { IdentityModule } from '@app/identity';
import { RegistryModule } from '@app/registry';
import { SchemeModule } from '@app/scheme';
import { ComplaintSubmissionController } from './complaint-submission.controller';
import { PublicGroupStandardsController } from './group-standards.controller';
import { MisuseReportSubmissionController } from './misuse-report-submission.controller';
import { ComplaintPagesController } from './pages/complaint-pages.controller';
import { GroupStandardPagesController } from './pages/group-standard-pages.controller';
import { DeclarationPagesController } from './pages/declaration-pages.controller';
import { RegistryCategories } from './pages/registry-categories';
import { RegistryPagesController } from './pages/registry-pages.controller';
import { VerifyPagesController } from './pages/verify-pages.controller';
import { CommentLimiter, ComplaintLimiter, MisuseReportLimiter } from './rate-limit/misuse-report-limiter';
import { PublicRateLimitGuard } from './rate-limit/public-rate-limit.guard';
import { RegistryController } from './registry.controller';
import { VerificationController } from './verification.controller';

/**
 * Everything anyone may call without credentials: verification, the public registry, misuse-report
 * and complaint submission and the HTML pages, with the public rate limit. The guard is exported so AppModule can
 * make it global (it counts every @Public() route, wherever it is declared).
 */
@Module({
  imports: [IdentityModule, CertificationModule, RegistryModule, SchemeModule],
  controllers: [
    VerificationController,
    RegistryController,
    MisuseReportSubmissionController,
    ComplaintSubmissionController,
    PublicGroupStandardsController,
    VerifyPagesController,
    RegistryPagesController,
    ComplaintPagesController,
    GroupStandardPagesController,
    DeclarationPagesController,
  ],
  providers: [PublicRateLimitGuard, MisuseReportLimiter, ComplaintLimiter, CommentLimiter, RegistryCategories],
  exports: [PublicRateLimitGuard],
})
export class PublicHttpModule {}
