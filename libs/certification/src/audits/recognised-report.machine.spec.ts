import { ExpectedLifecycle, walkMachines } from '../../../../test/support/machine-walk';
import { recognisedReportMachine } from './recognised-report.machine';

/** The lifecycle written out independently of the table, so a slip in the table fails here. */
const EXPECTED: ExpectedLifecycle = {
  presented: { accept: 'accepted', refuse: 'refused', withdraw: 'withdrawn' },
  accepted: {},
  refused: {},
  withdrawn: {},
};

describe('recognised report machine', () => {
  walkMachines([[recognisedReportMachine, EXPECTED]]);
});
