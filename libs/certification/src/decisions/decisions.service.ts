import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '@app/shared';
import type { Principal } from '@app/identity';
import { ApplicationTransitions } from '../applications/application-transitions';
import { readApplication } from '../applications/application-records';
import type { DecisionDto } from './decision.dto';

/**
 * The certification decision (ISO/IEC 17065 7.5): taken by a person with the decision_maker
 * role of the certification body who was not an auditor on the case.
 */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly db: DataSource,
    private readonly transitions: ApplicationTransitions,
  ) {}

  async decide(caller: Principal, applicationId: string, dto: DecisionDto): Promise<{ applicationId: string; outcome: string }> {
    await this.db.transaction(async (tx) => {
      // A decision maker is of a certification body: it sees the application once submitted.
      const app = await readApplication(tx, applicationId, { visibleTo: caller });
      if (!app) throw notFound('application', applicationId);
      if (!caller.userId) {
        throw new DomainError('DECISION_NOT_INDEPENDENT', 'a certification decision is taken by a named decision maker, not an API key');
      }
      const [auditor] = await tx.query(
        `SELECT 1 FROM audit_auditors aa JOIN audits a ON a.id = aa.audit_id WHERE a.application_id = $1 AND aa.auditor_id = $2`,
        [applicationId, caller.userId],
      );
      if (auditor) {
        throw new DomainError(
          'DECISION_NOT_INDEPENDENT',
          'impartiality rule: the certification decision must be taken by someone who was not an auditor on this case',
        );
      }
      await this.transitions.apply(tx, app, dto.outcome === 'granted' ? 'grant' : 'refuse', caller, dto.rationale);
      await tx.query(`INSERT INTO decisions (application_id, outcome, rationale, decided_by) VALUES ($1, $2, $3, $4)`, [
        applicationId,
        dto.outcome,
        dto.rationale,
        caller.userId,
      ]);
    });
    return { applicationId, outcome: dto.outcome };
  }
}
