import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConditionEnv, evaluateCondition, explainMet, explainUnmet } from './condition';
import { factsFor } from './facts';
import { findKeyword, keywordMatcher, normalizeForMatch } from './keywords';
import { arbCondition, arbEnv, daysBefore, done, NOW, ticket } from './test-fixtures';
import type { Condition } from './types';
import { english } from './wording-en';

function env(overrides: Partial<ConditionEnv> = {}): ConditionEnv {
  return {
    facts: factsFor(ticket()),
    checklist: {},
    resolutionConfirmed: false,
    now: NOW,
    startedAt: NOW - 12 * 60_000,
    history: [],
    say: english,
    ...overrides,
  };
}

const holds = (c: Condition, e: ConditionEnv = env()) => evaluateCondition(c, e);
const met = (c: Condition, e: ConditionEnv = env()) => explainMet(c, e);
const unmet = (c: Condition, e: ConditionEnv = env()) => explainUnmet(c, e);

describe('condition logic (properties)', () => {
  it('not(not c) == c', () => {
    fc.assert(
      fc.property(arbCondition(), arbEnv, (c, e) => {
        expect(holds({ not: { not: c } }, e)).toBe(holds(c, e));
      }),
    );
  });

  it('all([]) is true and any([]) is false, with or without page context', () => {
    fc.assert(
      fc.property(arbEnv, (e) => {
        expect(holds({ all: [] }, e)).toBe(true);
        expect(holds({ any: [] }, e)).toBe(false);
      }),
    );
  });

  it("De Morgan's laws hold", () => {
    fc.assert(
      fc.property(fc.array(arbCondition(), { maxLength: 3 }), arbEnv, (cs, e) => {
        expect(holds({ not: { all: cs } }, e)).toBe(holds({ any: cs.map((c) => ({ not: c })) }, e));
        expect(holds({ not: { any: cs } }, e)).toBe(holds({ all: cs.map((c) => ({ not: c })) }, e));
      }),
    );
  });

  it('all/any agree with every/some over their children (Kleene logic)', () => {
    fc.assert(
      fc.property(fc.array(arbCondition(), { maxLength: 4 }), arbEnv, (cs, e) => {
        const rs = cs.map((c) => holds(c, e));
        const all = rs.includes(false) ? false : rs.includes(null) ? null : true;
        const any = rs.includes(true) ? true : rs.includes(null) ? null : false;
        expect(holds({ all: cs }, e)).toBe(all);
        expect(holds({ any: cs }, e)).toBe(any);
      }),
    );
  });

  it('is deterministic and explains every outcome', () => {
    fc.assert(
      fc.property(arbCondition(), arbEnv, (c, e) => {
        const r = holds(c, e);
        // A structurally equal copy (different identity, so compiled afresh) gives the same answer.
        expect(holds(structuredClone(c), e)).toBe(r);
        expect(holds(c, e)).toBe(r);
        if (r === true) expect(Array.isArray(explainMet(c, e))).toBe(true);
        else expect(explainUnmet(c, e).length).toBeGreaterThan(0);
      }),
    );
  });

  it('page leaves are unknown without context; checklist and time leaves still work', () => {
    const e = env({ facts: null, checklist: done('verify') });
    expect(holds({ channel: ['chat'] }, e)).toBe(null);
    expect(holds({ not: { customerSays: { any: ['angry'] } } }, e)).toBe(null);
    expect(holds({ stepDone: 'verify' }, e)).toBe(true);
    expect(holds({ elapsedMinutes: { gte: 10 } }, e)).toBe(true);
    expect(holds({ any: [{ channel: ['chat'] }, { stepDone: 'verify' }] }, e)).toBe(true);
    expect(holds({ all: [{ channel: ['chat'] }, { stepDone: 'nope' }] }, e)).toBe(false);
    expect(explainUnmet({ channel: ['chat'] }, e)).toBe(english('no_context'));
  });
});

describe('leaves', () => {
  it('match ticket fields and explain mismatches', () => {
    const email = env({ facts: factsFor(ticket({ channel: 'email' })) });
    expect(holds({ channel: ['chat'] }, email)).toBe(false);
    expect(unmet({ channel: ['chat'] }, email)).toBe('channel is email, needs chat');
    expect(unmet({ status: ['solved', 'pending'] })).toBe('status is open, needs solved or pending');
    expect(unmet({ helpdesk: ['freshdesk'] })).toBe('helpdesk is zendesk, needs freshdesk');
    expect(met({ channel: ['chat', 'phone'] }, env())).toEqual(['Channel is chat']);
  });

  it('tags: any/all, case-insensitive', () => {
    expect(holds({ tags: { any: ['VIP', 'gold'] } })).toBe(true);
    expect(met({ tags: { any: ['gold', 'vip'] } }, env())).toEqual(["Tagged 'vip'"]);
    expect(holds({ tags: { all: ['vip', 'gold'] } })).toBe(false);
    expect(unmet({ tags: { all: ['vip', 'gold'] } }, env())).toBe("missing tag 'gold'");
    expect(unmet({ tags: { any: ['new-customer'] } }, env())).toBe("not tagged 'new-customer'");
    expect(holds({ tags: { any: ['damaged'], all: ['vip', 'blender'] } })).toBe(true);
  });

  it('product: word-aware, case- and accent-insensitive', () => {
    expect(holds({ product: ['blender'] })).toBe(true);
    expect(holds({ product: ['BLENDER PRO'] })).toBe(true);
    expect(holds({ product: ['blend'] })).toBe(false);
    expect(holds({ product: ['blend*'] })).toBe(true);
    expect(unmet({ product: ['toaster'] })).toBe("product is 'Acme Blender Pro', needs 'toaster'");
    expect(unmet({ product: ['toaster'] }, env({ facts: factsFor(ticket({ product: null })) }))).toBe("no product on the ticket, needs 'toaster'");
  });

  it('customerSays reads customer messages only; agentSays agent messages only (never internal notes)', () => {
    expect(holds({ customerSays: { any: ['cracked'] } })).toBe(true);
    expect(holds({ customerSays: { any: ['replacement'] } })).toBe(false); // the agent said it
    expect(holds({ agentSays: { any: ['replacement jar'] } })).toBe(true);
    expect(holds({ agentSays: { any: ['anything else'] } })).toBe(false); // only in an internal note
    expect(met({ customerSays: { any: ['refund', 'smoothie*'] } }, env())).toEqual(["Customer mentioned 'smoothies'"]);
    expect(unmet({ customerSays: { any: ['refund', 'cancel'] } })).toBe("customer has not mentioned 'refund' or 'cancel'");
  });

  it('elapsedMinutes', () => {
    expect(holds({ elapsedMinutes: { gte: 12 } })).toBe(true);
    expect(holds({ elapsedMinutes: { gte: 13 } })).toBe(false);
    expect(holds({ elapsedMinutes: { lte: 5 } })).toBe(false);
    expect(unmet({ elapsedMinutes: { gte: 15 } })).toBe('12 minutes in, needs at least 15');
    expect(met({ elapsedMinutes: { gte: 5, lte: 20 } }, env())).toEqual(['12 minutes into the interaction']);
  });

  it('stepDone uses step titles in explanations and ignores prototype keys', () => {
    const e = env({ checklist: done('verify'), stepTitles: new Map([['verify', 'Look up the order']]) });
    expect(met({ stepDone: 'verify' }, e)).toEqual(["Step 'Look up the order' done"]);
    expect(holds({ stepDone: 'constructor' }, e)).toBe(false);
    expect(holds({ stepDone: 'to-string' }, e)).toBe(false);
  });

  it('priorAttempts counts only attempts that reached the customer, within the window', () => {
    const history = [
      { moveId: 'care-tip', kind: 'usage-tip', at: daysBefore(2), outcome: 'accepted', offered: true },
      { moveId: 'care-tip', kind: 'usage-tip', at: daysBefore(3), outcome: 'not-a-fit', offered: false },
      { moveId: 'warranty', kind: 'confidence', at: daysBefore(4), outcome: null, offered: true },
      { moveId: 'warranty', kind: 'confidence', at: daysBefore(5), outcome: null, offered: false },
      { moveId: 'warranty', kind: 'confidence', at: daysBefore(40), outcome: 'declined', offered: true },
    ] as const;
    const e = env({ history });
    expect(holds({ priorAttempts: { withinDays: 30, gte: 2, lte: 2 } }, e)).toBe(true);
    expect(holds({ priorAttempts: { withinDays: 60, gte: 3 } }, e)).toBe(true);
    expect(holds({ priorAttempts: { withinDays: 30, kind: 'usage-tip', lte: 0 } }, e)).toBe(false);
    expect(unmet({ priorAttempts: { withinDays: 30, lte: 1 } }, e)).toBe('2 VE offers to this customer in the last 30 days, needs at most 1');
    expect(met({ priorAttempts: { withinDays: 30, gte: 1 } }, e)).toEqual(['2 VE offers to this customer in the last 30 days']);
    expect(met({ priorAttempts: { withinDays: 1, lte: 0 } }, e)).toEqual([]);
  });

  it('priorOutcome finds the latest matching outcome', () => {
    const history = [
      { moveId: 'care-tip', kind: 'usage-tip', at: daysBefore(2), outcome: 'accepted', offered: true },
      { moveId: 'warranty', kind: 'confidence', at: daysBefore(10), outcome: 'declined', offered: true },
    ] as const;
    const e = env({ history });
    expect(met({ priorOutcome: { outcome: ['accepted', 'declined'], withinDays: 30 } }, e)).toEqual(['An earlier VE was accepted 2 days ago']);
    expect(holds({ priorOutcome: { outcome: ['declined'], withinDays: 7 } }, e)).toBe(false);
    expect(unmet({ priorOutcome: { outcome: ['declined'], withinDays: 7, moveId: 'warranty' } }, e)).toBe(
      "'warranty' was not declined in the last 7 days",
    );
  });

  it('explains exclusions through not', () => {
    const c: Condition = { all: [{ tags: { any: ['vip'] } }, { not: { customerSays: { any: ['cracked', 'angry'] } } }] };
    expect(holds(c)).toBe(false);
    expect(unmet(c, env())).toBe("excluded because customer mentioned 'cracked'");
    expect(unmet({ any: [{ channel: ['email'] }, { tags: { any: ['gold'] } }, { status: ['solved'] }] })).toBe(
      "channel is chat, needs email and not tagged 'gold' (and 1 more)",
    );
  });
});

describe('keyword matching', () => {
  const find = (keywords: string[], text: string) => findKeyword(keywordMatcher(keywords), normalizeForMatch(text));

  it('respects word boundaries', () => {
    expect(find(['cancel'], 'I want to cancel.')).toBe('cancel');
    expect(find(['cancel'], 'cancellation policy')).toBe(null);
    expect(find(['plan'], 'airplane')).toBe(null);
    expect(find(['anything else'], 'Is there ANYTHING   else?')).toBe('anything else');
    expect(find(['anything else?'], 'anything else? thanks')).toBe('anything else?');
  });

  it('supports a trailing * as a word prefix', () => {
    expect(find(['smoothie*'], 'I make Smoothies daily')).toBe('smoothies');
    expect(find(['smoothie*'], 'nosmoothies')).toBe(null);
  });

  it('ignores case and accents in both text and keyword', () => {
    expect(find(['devolución'], 'quiero una DEVOLUCION')).toBe('devolución');
    expect(find(['reembolso'], 'Reembólso ya')).toBe('reembolso');
  });

  it('treats playbook text as words, never as a pattern', () => {
    expect(find(['a.b', '(x|y)', '.*'], 'aXb x y anything')).toBe(null);
    expect(find(['c++'], 'I code in C++ daily')).toBe('c++');
    expect(find(['$5'], 'it was $5 off')).toBe('$5');
  });
});

describe('messages whose sender the page did not mark (issue 15 #5)', () => {
  const confirm: Condition = { agentSays: { any: ['anything else'] } };
  const calm: Condition = { not: { customerSays: { any: ['unacceptable'] } } };
  const withMessages = (...messages: { role: 'customer' | 'agent' | 'internal' | 'unknown'; text: string }[]) =>
    env({ facts: factsFor(ticket({ messages })) });

  it("never count as the agent's: a customer's 'anything else?' does not confirm", () => {
    const e = withMessages({ role: 'customer', text: 'It works now.' }, { role: 'unknown', text: 'Is there anything else?' });
    expect(holds(confirm, e)).not.toBe(true);
    expect(unmet(confirm, e)).toBe("'anything else' is only in a message whose sender the page did not show");
    expect(holds(confirm, withMessages({ role: 'agent', text: 'Is there anything else?' }))).toBe(true);
  });

  it('may be the customer: a matching unknown message makes a "not customerSays" exclusion unknown, never true', () => {
    expect(holds(calm, withMessages({ role: 'unknown', text: 'This is unacceptable' }))).toBe(null);
    expect(holds(calm, withMessages({ role: 'unknown', text: 'Thanks a lot' }))).toBe(true);
    expect(holds(calm, withMessages({ role: 'customer', text: 'This is unacceptable' }))).toBe(false);
  });

  it('agentSays holds only when an agent-marked message says it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.constantFrom('customer', 'internal', 'unknown' as const), text: fc.constantFrom('anything else?', 'hi', 'Anything   ELSE') }), {
          maxLength: 5,
        }),
        (messages) => {
          expect(holds(confirm, env({ facts: factsFor(ticket({ messages })) }))).not.toBe(true);
        },
      ),
    );
  });
});
