import { Module } from '@nestjs/common';
import { CreditModule } from '@app/credit';
import { CreditActionsController } from './credit-actions.controller';
import { CreditApplicationsController } from './credit-applications.controller';
import { CreditPagesController } from './credit-pages.controller';
import { CreditRecordsController } from './credit-records.controller';
import { PublicSeriousViolationsController } from './public-serious-violations.controller';
import { SeriousViolationsController } from './serious-violations.controller';

/** HTTP of credit: its controllers only; the rules live in @app/credit. */
@Module({
  imports: [CreditModule],
  controllers: [
    SeriousViolationsController,
    CreditApplicationsController,
    CreditActionsController,
    CreditRecordsController,
    CreditPagesController,
    PublicSeriousViolationsController,
  ],
})
export class CreditHttpModule {}
