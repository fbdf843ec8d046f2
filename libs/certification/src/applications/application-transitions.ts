import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/shared';
import { enqueue } from '@app/queue';
import { APPLICATION_FOLLOW_UP } from '../follow-up-work';
import { applicationNotice } from '../notices';
import type { Actor } from '../actor';
import { ApplicationAction, applicationMachine, ApplicationStatus } from './application-status.machine';
import { ApplicationState, recordApplicationEvent } from './application-records';

const CLOSING: readonly ApplicationStatus[] = ['rejected', 'withdrawn', 'granted', 'refused'];

/**
 * The one place an application's status is written: asks the state machine, updates only if
 * the row still has the version that was read (of concurrent actions exactly one wins), appends
 * the timeline entry and records the work the transition causes.
 */
@Injectable()
export class ApplicationTransitions {
  async apply(
    tx: EntityManager,
    app: ApplicationState,
    action: ApplicationAction,
    actor: Actor,
    reason: string | null,
    changes: Record<string, unknown> = {},
  ): Promise<ApplicationStatus> {
    const to = applicationMachine.next(app.status, action);
    const values: Record<string, unknown> = { ...changes, status: to };
    if (CLOSING.includes(to)) values.closed_at = new Date();
    const columns = Object.keys(values);
    const set = columns.map((c, i) => `${c} = $${i + 3}`).join(', ');
    const updated: { id: string }[] = await tx.query(
      `WITH changed AS (
         UPDATE applications SET ${set}, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 RETURNING id)
       SELECT id FROM changed`,
      [app.id, app.version, ...columns.map((c) => values[c])],
    );
    if (!updated.length) {
      const [now] = await tx.query('SELECT status FROM applications WHERE id = $1', [app.id]);
      throw new DomainError(
        'CONCURRENT_MODIFICATION',
        `application ${app.number} was changed by someone else while '${action}' was being taken; it is now '${now?.status}'`,
        { state: now?.status, action },
      );
    }
    await recordApplicationEvent(tx, { applicationId: app.id, action, from: app.status, to, actor, reason });
    const followUp = APPLICATION_FOLLOW_UP[action];
    if (followUp) await enqueue(tx, followUp(app));
    const notice = applicationNotice(app, action, reason);
    if (notice) await enqueue(tx, notice);
    return to;
  }
}
