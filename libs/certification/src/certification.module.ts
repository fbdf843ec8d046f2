import { Module } from '@nestjs/common';
import { SchemeModule } from '@app/scheme';
import { ApplicationTransitions } from './applications/application-transitions';
import { ApplicationsService } from './applications/applications.service';
import { AuditPlanner } from './audits/audit-planner';
import { AuditsService } from './audits/audits.service';
import { DecisionsService } from './decisions/decisions.service';

@Module({
  imports: [SchemeModule],
  providers: [ApplicationsService, ApplicationTransitions, AuditPlanner, AuditsService, DecisionsService],
  exports: [ApplicationsService, AuditPlanner, AuditsService, DecisionsService],
})
export class CertificationModule {}
