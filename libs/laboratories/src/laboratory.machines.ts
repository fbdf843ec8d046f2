import { StateMachine } from '@app/shared';

export const LABORATORY_STATUSES = ['accredited', 'suspended', 'withdrawn'] as const;
export type LaboratoryStatus = (typeof LABORATORY_STATUSES)[number];
/** What the public register shows: a withdrawn laboratory's accreditation is over, and it leaves the public register. */
export const PUBLIC_LABORATORY_STATUSES = ['accredited', 'suspended'] as const satisfies readonly LaboratoryStatus[];
export type PublicLaboratoryStatus = (typeof PUBLIC_LABORATORY_STATUSES)[number];

/**
 * A laboratory's CNAS accreditation as the register mirrors it: CNAS suspends and reinstates, or
 * withdraws for good. Only an accredited laboratory's reports back a finding.
 */
export const laboratoryMachine = new StateMachine('laboratory', LABORATORY_STATUSES, {
  suspend: { from: ['accredited'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'accredited' },
  withdraw: { from: ['accredited', 'suspended'], to: 'withdrawn' },
  /** Editing the record or its scope lines: a withdrawn laboratory's record stays as it was. */
  edit: { from: ['accredited', 'suspended'] },
});
export type LaboratoryAction = (typeof laboratoryMachine.actions)[number];

export const AGREEMENT_STATUSES = ['in_force', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A recognition agreement is in force (within its dates) until the regulator terminates it, for good. */
export const agreementMachine = new StateMachine('recognition agreement', AGREEMENT_STATUSES, {
  terminate: { from: ['in_force'], to: 'terminated' },
});
