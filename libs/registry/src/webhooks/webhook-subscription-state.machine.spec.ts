import { DomainError } from '@app/shared';
import { WEBHOOK_SUBSCRIPTION_STATES, webhookSubscriptionMachine } from './webhook-subscription-state.machine';

describe('webhook subscription state machine', () => {
  const allowed: Record<string, string> = {
    'active>pause': 'paused',
    'paused>resume': 'active',
    'active>deactivate': 'deactivated',
    'paused>deactivate': 'deactivated',
  };

  it.each(WEBHOOK_SUBSCRIPTION_STATES.flatMap((from) => webhookSubscriptionMachine.actions.map((action) => [from, action] as const)))(
    'from %s, %s is allowed only by the table',
    (from, action) => {
      const to = allowed[`${from}>${action}`];
      if (to) expect(webhookSubscriptionMachine.next(from, action)).toBe(to);
      else expect(() => webhookSubscriptionMachine.next(from, action)).toThrow(DomainError);
    },
  );

  it('names the state in a refusal', () => {
    expect(() => webhookSubscriptionMachine.next('active', 'resume')).toThrow("webhook subscription is 'active': 'resume' is allowed only when it is 'paused'");
  });

  it('never leaves deactivated', () => {
    expect(webhookSubscriptionMachine.allowedActions('deactivated')).toEqual([]);
  });
});
