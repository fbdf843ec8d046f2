import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The periods of a laboratory's CNAS suspensions: from the day CNAS suspended it to the first day it
 * was accredited again (null while still suspended). A test report is judged by the laboratory's
 * accreditation on the report's date, so a report from before a suspension stands and one from
 * within it is refused, even after reinstatement. A laboratory has at most one open suspension.
 */
export class LaboratorySuspensions1764193400500 implements MigrationInterface {
  name = 'LaboratorySuspensions1764193400500';

  async up(q: QueryRunner): Promise<void> {
    // recorded_by is nullable only for the rows this migration writes: laboratories suspended before
    // the dates were kept have no person who recorded their period. Every suspension recorded since names one.
    await q.query(`
      CREATE TABLE laboratory_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        laboratory_id uuid NOT NULL CONSTRAINT fk__laboratory_suspensions__laboratory_id REFERENCES laboratories (id) ON DELETE CASCADE,
        suspended_from date NOT NULL,
        suspended_until date,
        reason text NOT NULL,
        recorded_by uuid CONSTRAINT fk__laboratory_suspensions__recorded_by REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        ended_by uuid CONSTRAINT fk__laboratory_suspensions__ended_by REFERENCES users (id),
        ended_at timestamptz,
        CONSTRAINT ck__laboratory_suspensions__suspended_until CHECK (suspended_until IS NULL OR suspended_until >= suspended_from)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq__laboratory_suspensions__open ON laboratory_suspensions (laboratory_id) WHERE suspended_until IS NULL`);
    await q.query(`CREATE INDEX ix__laboratory_suspensions__laboratory_id ON laboratory_suspensions (laboratory_id, suspended_from)`);
    // The start of a suspension recorded before this table is unknown: it is taken as today (Shenzhen),
    // so reports from before today are not refused for a period nobody wrote down.
    await q.query(`
      INSERT INTO laboratory_suspensions (laboratory_id, suspended_from, reason, recorded_by)
      SELECT id, (now() AT TIME ZONE 'Asia/Shanghai')::date, 'recorded before suspension dates were kept', NULL
        FROM laboratories WHERE status = 'suspended'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE laboratory_suspensions`);
  }
}
