import { Module, Provider } from '@nestjs/common';
import { CertificationModule } from '@app/certification';
import { InspectionsModule } from '@app/inspections';
import { NotificationsModule } from '@app/notifications';
import { SchemeModule } from '@app/scheme';
import { CreditActionsService } from './credit-actions.service';
import { CreditApplicationsService } from './credit-applications.service';
import { CreditRecordService } from './credit-record.service';
import { CreditSweeper } from './credit-sweeper';
import { SeriousViolationsService } from './serious-violations.service';

const services: Provider[] = [SeriousViolationsService, CreditApplicationsService, CreditActionsService, CreditRecordService];

/** The credit record of enterprises (信用记录): listings in force, serious violations, their effects on certificates, the public credit page. */
@Module({ imports: [SchemeModule, CertificationModule, NotificationsModule, InspectionsModule], providers: services, exports: services })
export class CreditModule {}

/** The daily credit sweep: only the worker provides it, beside the notifications queue's own reminder sweep. */
export const CREDIT_SWEEPERS = [CreditSweeper];
