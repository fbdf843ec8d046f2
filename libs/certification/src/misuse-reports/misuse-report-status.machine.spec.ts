import { DomainError } from '@app/shared';
import { MISUSE_REPORT_STATUSES, misuseReportMachine } from './misuse-report-status.machine';

describe('misuse report status machine', () => {
  const allowed = new Set(['received>reviewing', 'received>closed', 'reviewing>closed', 'closed>reviewing']);

  it.each(MISUSE_REPORT_STATUSES.flatMap((from) => misuseReportMachine.actions.map((action) => [from, action] as const)))(
    'from %s, setting %s is allowed only by the table',
    (from, action) => {
      if (allowed.has(`${from}>${action}`)) {
        expect(misuseReportMachine.next(from, action)).toBe(action);
      } else {
        expect(() => misuseReportMachine.next(from, action)).toThrow(DomainError);
      }
    },
  );

  it('never leads back to received', () => {
    expect(misuseReportMachine.actions).not.toContain('received');
  });
});
