import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import type { Actor } from './actor';

/** The cases with a timeline table of this shape (`<case>_events`, keyed by `<case>_id`). */
export type TimelineCase = 'complaint' | 'appeal';

export interface TimelineEntryInput {
  action: string;
  from: string | null;
  to: string;
  actor: Actor;
  reason: string | null;
}

/** Appends one entry (who, when, from, to, why) in the transaction of the change it records. */
export async function appendTimeline(tx: EntityManager, kind: TimelineCase, caseId: string, e: TimelineEntryInput): Promise<void> {
  await tx.query(
    `INSERT INTO ${kind}_events (${kind}_id, action, from_status, to_status, reason, actor_user_id, actor_organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [caseId, e.action, e.from, e.to, e.reason, e.actor.userId, e.actor.organizationId],
  );
}

export class CaseTimelineActor {
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the actor's organization (null: the platform itself)" }) organization: string | null;
}

export class CaseTimelineEntry {
  @ApiProperty() action: string;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: CaseTimelineActor }) actor: CaseTimelineActor;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}

export async function readTimeline(db: Pick<EntityManager, 'query'>, kind: TimelineCase, caseId: string): Promise<CaseTimelineEntry[]> {
  return db.query(
    `SELECT e.action, e.from_status AS "from", e.to_status AS "to", e.reason, e.created_at AS at,
            json_build_object('userId', e.actor_user_id, 'displayName', u.display_name, 'organization', o.name_zh) AS actor
       FROM ${kind}_events e LEFT JOIN users u ON u.id = e.actor_user_id LEFT JOIN organizations o ON o.id = e.actor_organization_id
      WHERE e.${kind}_id = $1 ORDER BY e.id`,
    [caseId],
  );
}
