import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOW } from '../playbook/test-fixtures';
import { commandForKey, outcomePrompt, stageOf, stepIndex, suggestOutcome } from './live-chat';
import { applyRepAction } from './ticket-session';
import { freshTicketState, type TicketState } from './types';

const base: TicketState = freshTicketState('i1', NOW, '', '');
const tip = { id: 'tip', kind: 'usage-tip', title: 'Tip' } as const;
const none = { ctrl: false, alt: false, meta: false };

describe('a conversation’s stage', () => {
  it('goes resolving → VE ready → outcome pending → wrap-up → finished', () => {
    expect(stageOf(base, 2)).toBe('resolving');
    const resolved = { ...base, resolvedAt: NOW };
    expect(stageOf(resolved, 2)).toBe('ve-ready');
    const offered = applyRepAction(resolved, { type: 'offered', move: tip, via: 'insert', customerMessages: 2 }, null, NOW).state;
    expect(stageOf(offered, 2)).toBe('outcome-pending');
    const taken = applyRepAction(offered, { type: 'outcome', move: tip, outcome: 'accepted', skipReason: null }, null, NOW).state;
    expect(stageOf(taken, 2)).toBe('wrap-up');
    expect(stageOf({ ...resolved }, 0)).toBe('wrap-up');
    expect(stageOf({ ...taken, ended: true }, 2)).toBe('finished');
  });
});

describe('asking how the customer took an offer', () => {
  const offered = applyRepAction({ ...base, resolvedAt: NOW }, { type: 'offered', move: tip, via: 'insert', customerMessages: 2 }, null, NOW).state;

  it('asks only once the customer wrote after the offer, and stops once the outcome is recorded', () => {
    expect(outcomePrompt(offered, 2)).toBeNull();
    expect(outcomePrompt(offered, 3)).toBe('tip');
    const declined = applyRepAction(offered, { type: 'outcome', move: tip, outcome: 'declined', skipReason: null }, null, NOW).state;
    expect(outcomePrompt(declined, 3)).toBeNull();
  });

  it('a second insert keeps the count from the first offer', () => {
    const again = applyRepAction(offered, { type: 'offered', move: tip, via: 'insert', customerMessages: 3 }, null, NOW + 1).state;
    expect(outcomePrompt(again, 3)).toBe('tip');
  });

  it('suggests from the reply’s words in English and Spanish; a refusal wins over thanks', () => {
    expect(suggestOutcome('Oh great, I will try that tonight!')).toBe('accepted');
    expect(suggestOutcome('No thanks, I already know.')).toBe('declined');
    expect(suggestOutcome('¡Genial, lo probaré!')).toBe('accepted');
    expect(suggestOutcome('No me interesa, gracias')).toBe('declined');
    expect(suggestOutcome('What time do you close?')).toBeNull();
    // Words inside other words do not count ("greatest" is not "great").
    expect(suggestOutcome('the greatest issue is the lid')).toBeNull();
  });

  it('never throws and only answers accepted, declined or null for any text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => [null, 'accepted', 'declined'].includes(suggestOutcome(s))));
  });
});

describe('panel keys', () => {
  it('maps plain keys, ignores chords, and switches letters to reasons while a reason is asked', () => {
    expect(commandForKey('i', none, false)).toEqual({ type: 'insert' });
    expect(commandForKey('i', { ...none, ctrl: true }, false)).toBeNull();
    expect(commandForKey('4', none, false)).toEqual({ type: 'outcome', outcome: 'not-a-fit' });
    expect(commandForKey('c', none, false)).toEqual({ type: 'copy' });
    expect(commandForKey('c', none, true)).toEqual({ type: 'skip-reason', reason: 'already-knows' });
    expect(commandForKey('x', none, false)).toBeNull();
  });

  it('steps through moves with wrap-around (property: always a valid index)', () => {
    expect(stepIndex(1, 1, 2)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 20 }), (c, d, n) => {
      const i = stepIndex(c, d, n);
      return i >= 0 && i < n;
    }));
  });
});

describe('asking the VES in chat', () => {
  const defaults = { intro: 'Two quick questions:', achieveMore: 'I can achieve more with the product (1–5)', confidence: 'I feel more confident in my purchase (1–5)', effort: 'How easy was it (1–7)?' };
  it('uses the playbook’s wording where it has one and the defaults elsewhere', async () => {
    const { vesAskText } = await import('./live-chat');
    expect(vesAskText(undefined, defaults)).toBe('Two quick questions:\n1. I can achieve more with the product (1–5)\n2. I feel more confident in my purchase (1–5)\n3. How easy was it (1–7)?');
    expect(vesAskText({ confidence: 'Me siento más seguro de mi compra', intro: '  ' }, defaults).split('\n')).toEqual([defaults.intro, `1. ${defaults.achieveMore}`, '2. Me siento más seguro de mi compra', `3. ${defaults.effort}`]);
  });
});
