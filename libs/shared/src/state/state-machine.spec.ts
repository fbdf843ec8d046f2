import { DomainError } from '../errors/domain-error';
import { StateMachine } from './state-machine';

describe('StateMachine', () => {
  const door = new StateMachine('door', ['open', 'closed', 'locked'] as const, {
    close: { from: ['open'], to: 'closed' },
    open: { from: ['closed'], to: 'open' },
    lock: { from: ['closed'], to: 'locked' },
  });

  it('gives the next state of an allowed action', () => {
    expect(door.next('open', 'close')).toBe('closed');
    expect(door.allowedActions('closed').sort()).toEqual(['lock', 'open']);
  });

  it('refuses an illegal action with a 409 error naming the state and the action', () => {
    try {
      door.next('locked', 'open');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect((e as DomainError).message).toBe("door is 'locked': 'open' is allowed only when it is 'closed'");
    }
  });
});
