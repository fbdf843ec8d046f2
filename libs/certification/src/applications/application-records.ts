import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import type { SqlWriter } from '@app/persistence';
import type { Actor } from '../actor';
import { caseScope } from '../tenancy';
import type { ApplicationStatus } from './application-status.machine';
import type { ScopeDto } from './application.dto';

/**
 * The rows of `applications` and `application_events` as the services read and write them: one
 * reader of an application's state, one writer of its timeline.
 */

/** What a transition needs of an application: its state and version and the two sides of its case. */
export interface ApplicationState {
  id: string;
  number: string;
  status: ApplicationStatus;
  version: number;
  enterprise_id: string;
  certification_body_id: string;
}

/** The state and what an edit or a submission checks again: its references and its scope. */
export interface ApplicationRecord extends ApplicationState {
  catalogue_entry_id: string;
  self_declaration_id: string;
  scope: ScopeDto;
}

/**
 * The condition that limits `applications a` to the caller's cases: a certification body sees an
 * application only once it is submitted (a draft is the enterprise's own).
 */
export function applicationScope(caller: Principal, params: unknown[]): string {
  return caseScope(caller, params, 'a', { bodyCondition: 'a.submitted_at IS NOT NULL' });
}

export interface ReadOptions {
  /** Only if the caller may see it (unset: a job reading by id). */
  visibleTo?: Principal;
  /** Lock the row until the transaction ends, so two jobs never move it at once. */
  forUpdate?: boolean;
}

export async function readApplication(tx: EntityManager, id: string, options: ReadOptions = {}): Promise<ApplicationRecord | undefined> {
  const params: unknown[] = [id];
  const visible = options.visibleTo ? applicationScope(options.visibleTo, params) : 'TRUE';
  const [app]: ApplicationRecord[] = await tx.query(
    `SELECT a.id, a.number, a.status, a.version, a.enterprise_id, a.certification_body_id, a.catalogue_entry_id,
            a.self_declaration_id, a.scope
       FROM applications a WHERE a.id = $1 AND ${visible}${options.forUpdate ? ' FOR UPDATE' : ''}`,
    params,
  );
  return app;
}

export interface ApplicationEvent {
  applicationId: string;
  action: string;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  actor: Actor;
  reason: string | null;
  /** When it happened; unset: now (the demo seed backdates the timelines it writes). */
  at?: Date;
}

/** Appends an entry to the application's timeline, in the transaction of the change it records. */
export async function recordApplicationEvent(tx: SqlWriter, e: ApplicationEvent): Promise<void> {
  await recordApplicationEvents(tx, [e]);
}

/**
 * Appends entries to timelines in one statement (the seed and the pipeline bench write many), in
 * the given order. An entry without `at` takes the column's own default, clock_timestamp(), so
 * entries written one by one in a transaction keep distinct times.
 */
export async function recordApplicationEvents(tx: SqlWriter, events: ApplicationEvent[]): Promise<void> {
  const column = <T>(value: (e: ApplicationEvent) => T) => events.map(value);
  await tx.query(
    `INSERT INTO application_events (application_id, action, from_status, to_status, actor_user_id, actor_api_key_id,
                                     actor_organization_id, reason, created_at)
     SELECT e.application_id, e.action, e.from_status, e.to_status, e.actor_user_id, e.actor_api_key_id,
            e.actor_organization_id, e.reason, coalesce(e.at, clock_timestamp())
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::timestamptz[])
              WITH ORDINALITY AS e(application_id, action, from_status, to_status, actor_user_id, actor_api_key_id,
                                   actor_organization_id, reason, at, position)
      ORDER BY e.position`,
    [
      column((e) => e.applicationId),
      column((e) => e.action),
      column((e) => e.from),
      column((e) => e.to),
      column((e) => e.actor.userId),
      column((e) => e.actor.apiKeyId),
      column((e) => e.actor.organizationId),
      column((e) => e.reason),
      column((e) => e.at ?? null),
    ],
  );
}
