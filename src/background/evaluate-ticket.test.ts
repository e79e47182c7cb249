import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { move, NOW, playbook, step, ticket } from '../core/playbook/test-fixtures';
import { english } from '../core/playbook/wording-en';
import { type EvaluateRequest, evaluatePayload } from '../messaging/evaluate-schema';
import { evaluateWith, type InForce } from './evaluate-ticket';

const vesWording = { intro: 'Before you go:', achieveMore: 'More?', confidence: 'Confident?', effort: 'Effort?' };
const inForce = (...playbooks: InForce['playbooks']): InForce => ({ playbooks, agentName: 'Sam', say: english, vesWording });

const request = (over: Partial<EvaluateRequest['state']> = {}, context = ticket()): EvaluateRequest => ({
  ticketId: context.ticketId,
  context,
  state: { startedAt: NOW - 60_000, checklist: {}, suppressedAuto: [], resolvedAt: null, shown: [], variant: '', ...over },
  history: [],
});
const confirmed = { fix: { doneAt: NOW - 1, auto: false }, confirm: { doneAt: NOW, auto: false } };

describe('moves/evaluate in the worker', () => {
  it('runs the first playbook that applies to the ticket and says which one the start event records', () => {
    const email = playbook({ id: 'email', appliesTo: { channels: ['email'] }, checklist: [step('e', { confirmsResolution: true })] });
    const general = playbook({ id: 'general' });
    const a = evaluateWith(inForce(email, general), request(), NOW);
    expect(a.playbookId).toBe('general'); // the ticket is a chat
    expect(a.evaluation.steps.map((s) => s.id)).toEqual(['fix', 'confirm']);
    const b = evaluateWith(inForce(email, general), request({}, ticket({ channel: 'email' })), NOW);
    expect([b.playbookId, b.evaluation.steps.map((s) => s.id)]).toEqual(['email', ['e']]);
  });

  it('settles auto-ticks in one answer: the steps, their events and undo notices, then resolution and moves shown', () => {
    const pb = playbook({
      checklist: [step('fix', { autoComplete: { agentSays: { any: ['replacement'] } } }), step('confirm', { confirmsResolution: true, autoComplete: { stepDone: 'fix' } })],
      moves: [move('tip', { text: 'Hi {customer.firstName}, {agent.name} here.' })],
    });
    const a = evaluateWith(inForce(pb), request(), NOW);
    expect(Object.keys(a.checklist)).toEqual(['fix', 'confirm']);
    expect(a.resolvedAt).toBe(NOW);
    expect(a.shownAt).toEqual({ tip: NOW });
    expect(a.effects.filter((e) => e.kind === 'emit').map((e) => (e.kind === 'emit' ? e.body.type : ''))).toEqual([
      'step-completed',
      'step-completed',
      'resolution-confirmed',
      'move-shown',
    ]);
    expect(a.effects.filter((e) => e.kind === 'notice')).toHaveLength(2);
    expect(a.evaluation.eligible.map((e) => e.text)).toEqual(['Hi Maria, Sam here.']);
    // Asked again about the settled state: nothing new to log.
    const again = evaluateWith(inForce(pb), request({ checklist: a.checklist, resolvedAt: a.resolvedAt, shown: ['tip'] }), NOW);
    expect([again.effects, again.shownAt]).toEqual([[], {}]);
  });

  it('keeps the variant the ticket recorded; a ticket not started yet is assigned by customer', () => {
    const pb = playbook({
      moves: [move('a-move')],
      abTest: { labelA: 'control', labelB: 'short', shareB: 0.5, movesB: [move('b-move')] },
    });
    const customers = Array.from({ length: 40 }, (_, i) => `c${i}@example.com`);
    const variants = customers.map((customerKey) => evaluateWith(inForce(pb), request({ checklist: confirmed }, ticket({ customerKey })), NOW).variant);
    expect(new Set(variants)).toEqual(new Set(['control', 'short']));
    // The same customer on another ticket: the same arm.
    const other = evaluateWith(inForce(pb), request({}, ticket({ customerKey: customers[0] ?? '', ticketId: '999' })), NOW);
    expect(other.variant).toBe(variants[0]);
    // Recorded 'short' wins over the customer's assignment.
    const controlCustomer = customers[variants.indexOf('control')] ?? '';
    const pinned = evaluateWith(inForce(pb), request({ checklist: confirmed, variant: 'short' }, ticket({ customerKey: controlCustomer })), NOW);
    expect([pinned.variant, pinned.evaluation.eligible.map((e) => e.move.id)]).toEqual(['short', ['b-move']]);
  });

  it('says whether the playbook reads the clock (the panel re-asks on a quiet page only then)', () => {
    expect(evaluateWith(inForce(playbook()), request(), NOW).timed).toBe(false);
    const timed = playbook({ moves: [move('late', { when: { not: { elapsedMinutes: { gte: 20 } } } })] });
    expect(evaluateWith(inForce(timed), request(), NOW).timed).toBe(true);
  });

  it('answers the suggested outcome and the "Ask in chat" text with the reading', () => {
    const a = evaluateWith(inForce(playbook({ vesQuestions: { intro: 'One more thing:' } })), request(), NOW);
    expect(a.suggested).toBe('accepted'); // "Thanks! I use it for smoothies every morning."
    expect(a.vesAsk).toBe('One more thing:\n1. More?\n2. Confident?\n3. Effort?');
  });
});

describe('the moves/evaluate payload (what a content script may send)', () => {
  it('accepts what an adapter reads', () => {
    expect(v.safeParse(evaluatePayload, request()).success).toBe(true);
    expect(v.safeParse(evaluatePayload, { ...request(), context: null }).success).toBe(true);
  });

  it('refuses oversized or unknown input with the path that is wrong', () => {
    const huge = ticket({ messages: [{ role: 'customer', text: 'x'.repeat(20_000) }] });
    const r = v.safeParse(evaluatePayload, request({}, huge));
    expect(r.success).toBe(false);
    expect(r.issues?.[0] && v.getDotPath(r.issues[0])).toBe('context.messages.0.text');
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`s${i}`, { doneAt: 1, auto: false }]));
    expect(v.safeParse(evaluatePayload, request({ checklist: tooMany })).success).toBe(false);
    expect(v.safeParse(evaluatePayload, { ...request(), playbooks: [] }).success).toBe(false);
  });
});
