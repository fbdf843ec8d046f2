import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed surveillance or special audit may end in a scope reduction (issue 11: suspend, reduce the
 * scope or withdraw): the certificate decision records the models it took out, and only that outcome
 * names models.
 */
export class ScopeReductionDecision1764192600000 implements MigrationInterface {
  name = 'ScopeReductionDecision1764192600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate_decisions
      DROP CONSTRAINT ck__certificate_decisions__outcome,
      ADD CONSTRAINT ck__certificate_decisions__outcome CHECK (outcome IN ('suspend', 'reduce_scope', 'withdraw', 'maintain')),
      ADD COLUMN models text[],
      ADD CONSTRAINT ck__certificate_decisions__models CHECK ((outcome = 'reduce_scope') = (models IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The older outcomes cannot hold a scope reduction: those decisions go (the certificate's history keeps the reduction).
    await q.query(`DELETE FROM certificate_decisions WHERE outcome = 'reduce_scope'`);
    await q.query(`ALTER TABLE certificate_decisions
      DROP CONSTRAINT ck__certificate_decisions__models,
      DROP COLUMN models,
      DROP CONSTRAINT ck__certificate_decisions__outcome,
      ADD CONSTRAINT ck__certificate_decisions__outcome CHECK (outcome IN ('suspend', 'withdraw', 'maintain'))`);
  }
}
