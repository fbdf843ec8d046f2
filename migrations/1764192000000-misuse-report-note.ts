import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The handler's note on a misuse report: what was found and done when it was taken into review or
 * closed. The reporter never sees it (only the certification body and the regulator read reports).
 */
export class MisuseReportNote1764192000000 implements MigrationInterface {
  name = 'MisuseReportNote1764192000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE misuse_reports ADD COLUMN handling_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE misuse_reports DROP COLUMN handling_note`);
  }
}
