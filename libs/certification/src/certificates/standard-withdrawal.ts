import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { completeOutbox, enqueue, notify } from '@app/queue';
import { NIL_UUID } from '@app/persistence';
import { flagStandardWithdrawal } from '@app/scheme';

/** Certificates flagged per job: a keyset page; the job enqueues the next one. */
const WITHDRAWAL_PAGE = 1000;

/**
 * A withdrawn standard's live certificates are flagged (standard_withdrawn_at, withdrawn_standard_id)
 * and each certificate's body is told: there is no new version to move to, so what the certificate
 * needs (suspension, a new standard, withdrawal) is the body's decision, not the platform's.
 */
@Injectable()
export class StandardWithdrawals {
  private readonly logger = new Logger(StandardWithdrawals.name);

  constructor(private readonly db: DataSource) {}

  /** One page of the standard's live certificates; idempotent (a flagged certificate is skipped, a notification has its key). */
  async flag(standardId: string, after: string | undefined, outboxId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [standard] = await tx.query(`SELECT code, version FROM standards WHERE id = $1 AND status = 'withdrawn'`, [standardId]);
      if (!standard) {
        await completeOutbox(tx, outboxId);
        return 0;
      }
      const page: { id: string }[] = await tx.query(
        `SELECT c.id FROM certificates c WHERE c.standard_id = $1 AND c.status IN ('valid', 'suspended') AND c.id > $2::uuid
          ORDER BY c.id LIMIT ${WITHDRAWAL_PAGE}`,
        [standardId, after ?? NIL_UUID],
      );
      const flagged: { id: string; number: string; certification_body_id: string }[] = await tx.query(
        `WITH flagged AS (
           UPDATE certificates SET standard_withdrawn_at = now(), withdrawn_standard_id = $2, version = version + 1, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND standard_withdrawn_at IS NULL
            RETURNING id, number, certification_body_id)
         SELECT * FROM flagged`,
        [page.map((c) => c.id), standardId],
      );
      for (const c of flagged) {
        await enqueue(
          tx,
          notify(
            {
              event: 'standard_withdrawn',
              key: `standard-withdrawn:${c.id}:${standardId}`,
              audience: [{ organizationId: c.certification_body_id, roles: ['cb_admin'] }],
              subjectNumber: c.number,
              link: `/console/certificates/${c.id}`,
              params: { standard: `${standard.code}—${standard.version}` },
            },
            c.certification_body_id,
          ),
        );
      }
      if (page.length === WITHDRAWAL_PAGE) await enqueue(tx, flagStandardWithdrawal(standardId, page[page.length - 1].id));
      await completeOutbox(tx, outboxId);
      this.logger.log({ standardId, certificates: flagged.length }, 'withdrawn standard flagged on certificates');
      return flagged.length;
    });
  }
}
