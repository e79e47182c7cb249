import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { DEFAULT_PLAYBOOK_ES } from './default-playbook.es';
import { evaluate } from './engine';
import { lintPlaybook } from './lint';
import { daysBefore, done, input, NOW, ticket } from './test-fixtures';
import { toneCheck } from './tone';
import type { Condition, Playbook } from './types';
import { formatIssueText, parsePlaybookJson } from './validate';

const eligibleIds = (pb: Playbook, overrides: Parameters<typeof input>[0]) => evaluate(pb, input(overrides)).eligible.map((e) => e.move.id);

/** The same structure with every human-language string replaced, to compare translations. */
function skeleton(pb: Playbook) {
  const cond = (c: Condition | undefined): unknown => {
    if (c === undefined) return undefined;
    if ('all' in c) return { all: c.all.map(cond) };
    if ('any' in c) return { any: c.any.map(cond) };
    if ('not' in c) return { not: cond(c.not) };
    if ('customerSays' in c) return 'customerSays';
    if ('agentSays' in c) return 'agentSays';
    return c;
  };
  return {
    id: pb.id,
    version: pb.version,
    settings: pb.settings,
    appliesTo: pb.appliesTo,
    checklist: pb.checklist.map((s) => ({ id: s.id, required: s.required, confirms: s.confirmsResolution, when: cond(s.when), auto: cond(s.autoComplete) })),
    moves: pb.moves.map((m) => ({ id: m.id, kind: m.kind, priority: m.priority, cooldownDays: m.cooldownDays, when: cond(m.when) })),
  };
}

describe('built-in playbooks', () => {
  for (const [name, pb] of [
    ['English', DEFAULT_PLAYBOOK],
    ['Spanish', DEFAULT_PLAYBOOK_ES],
  ] as const) {
    it(`${name}: passes the validator (from JSON), the tone check and lint with zero warnings`, () => {
      const result = parsePlaybookJson(JSON.stringify(pb));
      if (!result.ok) throw new Error(result.errors.map(formatIssueText).join('\n'));
      expect(result.playbook).toEqual(pb);
      for (const m of pb.moves) expect(toneCheck(`${m.title}\n${m.text}`), m.id).toEqual([]);
      expect(lintPlaybook(pb)).toEqual([]);
      expect(pb.moves.length).toBeGreaterThanOrEqual(8);
      expect(new Set(pb.moves.map((m) => m.kind))).toEqual(new Set(['usage-tip', 'confidence']));
      expect(Object.isFrozen(pb.moves[0]?.when)).toBe(true);
    });

    it(`${name}: the checklist works when the page cannot be read`, () => {
      const result = evaluate(pb, input({ context: null, checklist: done('greet', 'verify') }));
      expect(result.steps.map((s) => s.id)).toEqual(pb.checklist.map((s) => s.id));
      expect(result.progress).toEqual({ done: 2, total: 8, requiredDone: 2, requiredTotal: 5 });
      expect(result.autoComplete).toEqual([]);
      expect(evaluate(pb, input({ context: null, checklist: done('confirm-fixed') })).resolutionConfirmed).toBe(true);
    });
  }

  it('Spanish is a translation of the English playbook: same ids, structure, priorities and cooldowns', () => {
    expect(skeleton(DEFAULT_PLAYBOOK_ES)).toEqual(skeleton(DEFAULT_PLAYBOOK));
    expect(DEFAULT_PLAYBOOK_ES.locale).toBe('es');
  });
});

describe('default playbook on real situations', () => {
  const pb = DEFAULT_PLAYBOOK;

  it('damaged blender, VIP, smoothies on chat: warranty reassurance and a care tip, after resolution only', () => {
    const before = evaluate(pb, input({ checklist: done('greet', 'verify', 'resolve') }));
    expect(before.eligible).toEqual([]);
    expect(before.heldBack.filter((h) => h.cause === 'resolution').map((h) => h.moveId)).toEqual(['warranty-reassurance', 'care-tip', 'loyal-thanks']);

    const after = evaluate(pb, input({ checklist: done('greet', 'verify', 'resolve', 'confirm-fixed') }));
    expect(after.eligible.map((e) => e.move.id)).toEqual(['warranty-reassurance', 'care-tip']);
    expect(after.eligible[0]?.reasons).toEqual([
      'Resolution confirmed',
      "Tagged 'damaged'",
      'Not offered to this customer in the last 60 days',
      'After something went wrong, reassurance about what happens next time restores confidence in the purchase.',
    ]);
    expect(after.eligible[0]?.text).toContain('Acme Blender Pro is covered by our warranty');
    expect(after.eligible[1]?.reasons).toContain("Customer mentioned 'blender'");
    expect(after.heldBack.find((h) => h.moveId === 'loyal-thanks')).toMatchObject({ cause: 'limit' });
  });

  it('an upset customer gets the fix and nothing else', () => {
    const context = ticket({ messages: [{ role: 'customer', text: 'This is ridiculous. The jar is cracked AGAIN.' }] });
    const result = evaluate(pb, input({ context, checklist: done('confirm-fixed') }));
    expect(result.eligible).toEqual([]);
    expect(result.heldBack.find((h) => h.moveId === 'warranty-reassurance')?.reason).toBe(
      "Condition not met: excluded because customer mentioned 'ridiculous'",
    );
  });

  it('respects the customer history: cooldowns, a recent "no", and the playbook-wide pause', () => {
    const resolved = { checklist: done('verify', 'confirm-fixed') };
    const warrantyAccepted = { moveId: 'warranty-reassurance', kind: 'confidence', at: daysBefore(10), outcome: 'accepted', offered: true } as const;
    expect(eligibleIds(pb, { ...resolved, history: [warrantyAccepted] })).toEqual(['care-tip', 'loyal-thanks']);

    const declined = { moveId: 'care-tip', kind: 'usage-tip', at: daysBefore(5), outcome: 'declined', offered: true } as const;
    const afterNo = evaluate(pb, input({ ...resolved, history: [declined] }));
    expect(afterNo.eligible).toEqual([]);
    expect(afterNo.heldBack[0]?.reason).toBe("Condition not met: excluded because an earlier VE was declined 5 days ago");

    const offered = { moveId: 'help-centre', kind: 'usage-tip', at: daysBefore(3), outcome: 'offered', offered: true } as const;
    expect(evaluate(pb, input({ ...resolved, history: [offered] })).heldBack[0]?.reason).toBe(
      'A VE move was offered to this customer 3 days ago (pause between VE offers: 7 days)',
    );
    const dismissed = { ...offered, outcome: 'not-a-fit', offered: false } as const;
    expect(eligibleIds(pb, { ...resolved, history: [dismissed] })).toEqual(['warranty-reassurance', 'care-tip']);
  });

  it('auto-completes "confirm" when the agent asks if there is anything else, or the ticket is solved', () => {
    const asked = ticket({ messages: [{ role: 'agent', text: 'Done! Is there anything else I can help you with?' }] });
    expect(evaluate(pb, input({ context: asked })).autoComplete).toEqual(['confirm-fixed']);
    expect(evaluate(pb, input({ context: ticket({ status: 'solved', messages: [] }) })).autoComplete).toEqual(['confirm-fixed']);
    expect(evaluate(pb, input({ context: asked, suppressedAuto: ['confirm-fixed'] })).autoComplete).toEqual([]);
  });

  it('shows the email-only step on email and the phone recap on the phone', () => {
    const applicable = (channel: 'email' | 'phone' | 'chat') =>
      evaluate(pb, input({ context: ticket({ channel }) }))
        .steps.filter((s) => s.applicable)
        .map((s) => s.id);
    expect(applicable('email')).toContain('answer-all');
    expect(applicable('email')).not.toContain('phone-recap');
    expect(applicable('phone')).toContain('phone-recap');
    expect(applicable('chat')).not.toContain('answer-all');
  });

  it('new customer asking how to do something: setup tip first, with the right name', () => {
    const context = ticket({
      tags: ['new-customer'],
      product: 'Acme Cloud',
      messages: [{ role: 'customer', text: 'How do I set up the shared calendar?' }],
    });
    const result = evaluate(pb, input({ context, checklist: done('verify', 'confirm-fixed'), now: NOW }));
    expect(result.eligible.map((e) => e.move.id)).toEqual(['onboarding-setup-tip', 'setup-correct']);
    expect(result.eligible[0]?.text).toContain('make the rest of Acme Cloud much easier');
  });

  it('Spanish: a broken jar and smoothies', () => {
    const context = ticket({
      tags: [],
      product: 'Batidora Acme',
      messages: [{ role: 'customer', text: 'Se me rompió la jarra y la uso para batidos cada mañana.' }],
    });
    const result = evaluate(DEFAULT_PLAYBOOK_ES, input({ context, checklist: done('confirm-fixed') }));
    expect(result.eligible.map((e) => e.move.id)).toEqual(['warranty-reassurance', 'care-tip']);
    expect(result.eligible[0]?.reasons[1]).toBe("Customer mentioned 'rompio'");
    expect(result.eligible[1]?.text).toContain('Batidora Acme siga como nuevo');
  });
});
