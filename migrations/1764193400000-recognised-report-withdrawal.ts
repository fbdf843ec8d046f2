import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An enterprise may withdraw a recognised report it presented while the auditor has not answered
 * (a wrong report, a newer one): the status gains `withdrawn`, with when and by whom. The partial
 * unique index counts only `presented`, so a withdrawn report frees its requirement for another.
 */
export class RecognisedReportWithdrawal1764193400000 implements MigrationInterface {
  name = 'RecognisedReportWithdrawal1764193400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE recognised_reports DROP CONSTRAINT ck__recognised_reports__status`);
    await q.query(
      `ALTER TABLE recognised_reports ADD CONSTRAINT ck__recognised_reports__status CHECK (status IN ('presented', 'accepted', 'refused', 'withdrawn'))`,
    );
    await q.query(`
      ALTER TABLE recognised_reports
        ADD COLUMN withdrawn_by uuid CONSTRAINT fk__recognised_reports__withdrawn_by REFERENCES users (id),
        ADD COLUMN withdrawn_at timestamptz,
        ADD CONSTRAINT ck__recognised_reports__withdrawal CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM recognised_reports WHERE status = 'withdrawn'`);
    await q.query(`ALTER TABLE recognised_reports DROP CONSTRAINT ck__recognised_reports__withdrawal, DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by`);
    await q.query(`ALTER TABLE recognised_reports DROP CONSTRAINT ck__recognised_reports__status`);
    await q.query(`ALTER TABLE recognised_reports ADD CONSTRAINT ck__recognised_reports__status CHECK (status IN ('presented', 'accepted', 'refused'))`);
  }
}
