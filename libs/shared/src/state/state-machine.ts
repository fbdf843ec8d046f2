import { DomainError } from '../errors/domain-error';

export interface TransitionRule<S extends string> {
  from: readonly S[];
  /** Omitted for actions that change the record but not its state (editing a draft). */
  to?: S;
}

/**
 * A state machine as data: for each action, the states it may start from and the state it leads
 * to. Services ask it for the next state and never assign a status by hand; specs walk the table.
 */
export class StateMachine<S extends string, A extends string> {
  constructor(
    readonly aggregate: string,
    readonly states: readonly S[],
    readonly table: Readonly<Record<A, TransitionRule<S>>>,
  ) {}

  get actions(): A[] {
    return Object.keys(this.table) as A[];
  }

  can(state: S, action: A): boolean {
    return this.table[action].from.includes(state);
  }

  /** The state after `action`, or a 409 naming the current state and the action. */
  next(state: S, action: A): S {
    const rule = this.table[action];
    if (!rule.from.includes(state)) {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        `${this.aggregate} is '${state}': '${action}' is allowed only when it is ${rule.from.map((s) => `'${s}'`).join(' or ')}`,
        { aggregate: this.aggregate, state, action, allowedFrom: rule.from },
      );
    }
    return rule.to ?? state;
  }

  allowedActions(state: S): A[] {
    return this.actions.filter((a) => this.can(state, a));
  }
}
