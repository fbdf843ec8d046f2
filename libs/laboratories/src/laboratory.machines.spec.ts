import { StateMachine } from '@app/shared';
import { ExpectedLifecycle, walkMachines } from '../../../test/support/machine-walk';
import { agreementMachine, laboratoryMachine } from './laboratory.machines';

/** Each lifecycle written out independently of the tables, so a slip in a table fails here. */
const EXPECTED: [StateMachine<string, string>, ExpectedLifecycle][] = [
  [
    laboratoryMachine,
    {
      accredited: { suspend: 'suspended', withdraw: 'withdrawn', edit: 'accredited' },
      suspended: { reinstate: 'accredited', withdraw: 'withdrawn', edit: 'suspended' },
      withdrawn: {},
    },
  ],
  [
    agreementMachine,
    {
      in_force: { terminate: 'terminated' },
      terminated: {},
    },
  ],
];

describe('laboratory state machines', () => {
  walkMachines(EXPECTED);
});
