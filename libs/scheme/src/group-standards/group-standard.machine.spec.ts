import { walkMachines } from '../../../../test/support/machine-walk';
import { GROUP_STANDARD_STATUSES, groupStandardMachine } from './group-standard.machine';

/** The lifecycle written out independently of the table, so a slip in the table fails here. */
const EXPECTED: Record<(typeof GROUP_STANDARD_STATUSES)[number], Record<string, string>> = {
  proposed: { approve: 'approved' },
  approved: { start_drafting: 'drafting' },
  drafting: { edit_requirements: 'drafting', open_comment: 'public_comment' },
  public_comment: { comment: 'public_comment', close_comment: 'technical_review' },
  technical_review: { return_to_drafting: 'drafting', publish: 'published' },
  published: { start_review: 'review', supersede: 'superseded' },
  review: { confirm: 'published', revise: 'published', withdraw: 'withdrawn', supersede: 'superseded' },
  superseded: {},
  withdrawn: {},
};

describe('group standard lifecycle', () => {
  walkMachines([[groupStandardMachine, EXPECTED]]);
});
