import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/identity';
import { DomainError } from '@app/shared';

/** What an evidence file can be attached to, and the case (application) that thing belongs to. */
export interface EvidenceTarget {
  column: 'nonconformity_id' | 'finding_id' | 'application_event_id';
  id: string;
  applicationId: string;
}

const FIELD = 'evidenceFileIds';

/**
 * Attaches the caller's organization's files to the target, in the transaction of the change
 * that names them. A file of another organization, or none, is refused as if it did not exist;
 * one attached to something else is a 409; one already on this target stays. The rows are
 * locked, so of two requests attaching one file to two things, the second sees the first's.
 */
export async function attachEvidenceFiles(tx: EntityManager, caller: Principal, fileIds: string[] | undefined, target: EvidenceTarget): Promise<void> {
  const ids = [...new Set(fileIds ?? [])];
  if (!ids.length) return;
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM evidence_files
      WHERE id = ANY($1::uuid[]) AND organization_id = $2 ORDER BY id FOR UPDATE`,
    [ids, caller.organizationId],
  );
  const found = new Map(rows.map((r) => [r.id, r]));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    throw new DomainError(
      'RULE_VIOLATION',
      `${FIELD}: no evidence file uploaded by your organization with id ${unknown.join(', ')}`,
      { rule: 'evidence_not_yours', ids: unknown.join(', '), unknown },
      [{ field: FIELD, reasons: unknown.map((id) => `${id} is not an evidence file uploaded by your organization`) }],
    );
  }
  const [elsewhere] = await tx.query(
    `SELECT array_agg(id ORDER BY id)::text[] AS ids FROM evidence_files
      WHERE id = ANY($1::uuid[]) AND application_id IS NOT NULL AND ${target.column} IS DISTINCT FROM $2`,
    [ids, target.id],
  );
  if (elsewhere?.ids?.length) {
    throw new DomainError('CONSTRAINT_VIOLATION', `${FIELD}: ${elsewhere.ids.join(', ')} is attached to something else already`, { attached: elsewhere.ids }, [
      { field: FIELD, reasons: (elsewhere.ids as string[]).map((id) => `${id} is attached to something else already; upload it again to attach it here`) },
    ]);
  }
  await tx.query(
    `UPDATE evidence_files SET application_id = $2, ${target.column} = $3, attached_at = coalesce(attached_at, now())
      WHERE id = ANY($1::uuid[])`,
    [ids, target.applicationId, target.id],
  );
}

/**
 * The target's files become exactly `fileIds`: the ones no longer listed go back to their
 * uploader alone (unattached, so the sweep of abandoned uploads removes them in time).
 */
export async function replaceEvidenceFiles(tx: EntityManager, caller: Principal, fileIds: string[], target: EvidenceTarget): Promise<void> {
  await tx.query(
    `UPDATE evidence_files SET application_id = NULL, ${target.column} = NULL, attached_at = NULL
      WHERE ${target.column} = $1 AND NOT (id = ANY($2::uuid[]))`,
    [target.id, fileIds],
  );
  await attachEvidenceFiles(tx, caller, fileIds, target);
}

/** A JSON array of EvidenceFileRef for the files matching `condition` (on alias ef), oldest attachment first. */
export function evidenceFilesJson(condition: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', ef.id, 'fileName', ef.file_name, 'contentType', ef.content_type, 'size', ef.size)
                                    ORDER BY ef.attached_at, ef.id), '[]')
             FROM evidence_files ef WHERE ${condition})`;
}
