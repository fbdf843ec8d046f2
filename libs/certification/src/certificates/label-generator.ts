import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TokenSigner } from '@app/documents';
import { completeOutbox } from '@app/queue';
import { generateLabelCodes } from './label-code';

const CHUNK = 10_000;

/**
 * Generates a label batch in chunks, each its own transaction, so a large batch shows progress,
 * never holds one long transaction, and a restarted job resumes where it stopped.
 */
@Injectable()
export class LabelGenerator {
  private readonly logger = new Logger(LabelGenerator.name);

  constructor(
    private readonly db: DataSource,
    private readonly signer: TokenSigner,
  ) {}

  async generate(batchId: string, outboxId: string): Promise<number> {
    for (;;) {
      const done = await this.db.transaction(async (tx) => {
        const [batch] = await tx.query(`SELECT id, quantity, generated, status FROM label_batches WHERE id = $1 FOR UPDATE`, [batchId]);
        if (!batch || batch.status === 'ready' || batch.generated >= batch.quantity) {
          if (batch && batch.status !== 'ready') {
            await tx.query(`UPDATE label_batches SET status = 'ready', ready_at = now() WHERE id = $1`, [batchId]);
          }
          await completeOutbox(tx, outboxId);
          return true;
        }
        const n = Math.min(CHUNK, batch.quantity - batch.generated);
        const codes = generateLabelCodes(n);
        const tokens = await Promise.all(codes.map((c) => this.signer.sign({ t: 'l', c })));
        const [{ next }] = await tx.query(`SELECT coalesce(max(serial), 0) + 1 AS next FROM label_codes WHERE batch_id = $1`, [batchId]);
        // A collision with an existing code (about 1 in 10^12 per batch) just skips that code.
        const inserted = await tx.query(
          `WITH ins AS (
             INSERT INTO label_codes (code, batch_id, serial, token)
             SELECT t.code, $1, $2 + t.ord - 1, t.token
               FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(code, token, ord)
             ON CONFLICT (code) DO NOTHING RETURNING 1)
           SELECT count(*)::int AS n FROM ins`,
          [batchId, next, codes, tokens],
        );
        await tx.query(`UPDATE label_batches SET generated = generated + $2 WHERE id = $1`, [batchId, inserted[0].n]);
        return false;
      });
      if (done) break;
    }
    const [{ generated }] = await this.db.query(`SELECT generated FROM label_batches WHERE id = $1`, [batchId]);
    this.logger.log({ batchId, generated }, 'label batch ready');
    return generated;
  }
}
