import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../playbook/engine';
import { input, move, NOW, playbook, step, ticket } from '../playbook/test-fixtures';
import type { Playbook } from '../playbook/types';
import { applyRepAction, settle } from './ticket-session';
import { type Effect, freshTicketState, type TicketState } from './types';

const fresh = (): TicketState => freshTicketState('i1', NOW - 60_000, '', '');
const engine = (pb: Playbook, status: 'open' | 'solved' = 'open') => (s: TicketState) =>
  evaluate(pb, input({ context: ticket({ status }), checklist: s.checklist, suppressedAuto: s.suppressedAuto }));
const emitted = (effects: readonly Effect[]) => effects.flatMap((e) => (e.kind === 'emit' ? [e.body.type === 'step-completed' ? `${e.body.type}:${e.body.stepId}` : e.body.type] : []));

// 'confirm' auto-ticks when the ticket is solved; 'wrap' auto-ticks once 'confirm' is done (a chain).
const chained = playbook({
  checklist: [
    step('fix', { required: true }),
    step('confirm', { required: false, confirmsResolution: true, autoComplete: { status: ['solved'] } }),
    step('wrap', { required: false, autoComplete: { stepDone: 'confirm' } }),
  ],
  moves: [move('tip')],
});

describe('settle (replaces the recompute → commit → recompute recursion)', () => {
  it('follows a chain of auto-ticks to the end, then records resolution and the shown move once', () => {
    const r = settle(fresh(), engine(chained, 'solved'), NOW);
    expect(emitted(r.effects)).toEqual(['step-completed:confirm', 'step-completed:wrap', 'resolution-confirmed', 'move-shown']);
    expect(Object.keys(r.state.checklist).sort()).toEqual(['confirm', 'wrap']);
    expect(r.state.resolvedAt).toBe(NOW);
    expect(r.evaluation.eligible.map((e) => e.move.id)).toEqual(['tip']);
    // Settling a settled state changes nothing and emits nothing (every page refresh runs it).
    const again = settle(r.state, engine(chained, 'solved'), NOW + 1000);
    expect(again.state).toBe(r.state);
    expect(again.effects).toEqual([]);
  });

  it('offers undo for each auto-tick and never re-ticks a step the rep un-ticked', () => {
    const r = settle(fresh(), engine(chained, 'solved'), NOW);
    expect(r.effects.filter((e) => e.kind === 'notice').map((e) => e.kind === 'notice' && e.notice?.undoStep)).toEqual(['confirm', 'wrap']);
    const undone = applyRepAction(r.state, { type: 'toggle-step', stepId: 'confirm' }, r.evaluation, NOW + 1);
    expect(undone.state.suppressedAuto).toEqual(['confirm']);
    const after = settle(undone.state, engine(chained, 'solved'), NOW + 2);
    expect(Object.hasOwn(after.state.checklist, 'confirm')).toBe(false);
    expect(emitted(after.effects)).toEqual([]);
  });

  it('terminates and ticks each step at most once for any playbook shape (property)', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const arbStep = (id: string) =>
      fc.record({ dep: fc.option(fc.constantFrom(...ids), { nil: undefined }) }).map(({ dep }) => step(id, dep ? { autoComplete: { stepDone: dep } } : { autoComplete: { status: ['solved'] } }));
    fc.assert(
      fc.property(fc.tuple(...ids.map(arbStep)), (steps) => {
        const pb = playbook({ checklist: [...steps, step('confirm', { confirmsResolution: true })] });
        const r = settle(fresh(), engine(pb, 'solved'), NOW);
        const ticks = emitted(r.effects).filter((t) => t.startsWith('step-completed'));
        expect(new Set(ticks).size).toBe(ticks.length);
        expect(r.evaluation.autoComplete).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rep actions', () => {
  const tip = { id: 'tip', kind: 'usage-tip', title: 'Tip' } as const;

  it('logs the first offer only, and a later outcome keeps the offer time', () => {
    const once = applyRepAction(fresh(), { type: 'offered', move: tip, via: 'insert' }, null, NOW);
    const twice = applyRepAction(once.state, { type: 'offered', move: tip, via: 'copy' }, null, NOW + 5);
    expect(emitted([...once.effects, ...twice.effects])).toEqual(['move-offered']);
    const accepted = applyRepAction(twice.state, { type: 'outcome', move: tip, outcome: 'accepted', skipReason: null }, null, NOW + 9);
    expect(accepted.state.moves.tip).toEqual({ offeredAt: NOW, outcome: 'accepted', skipReason: null });
  });

  it('a not-a-fit dismissal never gets an offer time', () => {
    const r = applyRepAction(fresh(), { type: 'outcome', move: tip, outcome: 'not-a-fit', skipReason: 'customer-upset' }, null, NOW);
    expect(r.state.moves.tip?.offeredAt).toBeUndefined();
  });

  it('finishing records required steps left unticked, then ends the interaction once', () => {
    const ev = engine(chained)(fresh());
    const r = applyRepAction(fresh(), { type: 'finish' }, ev, NOW);
    expect(r.effects).toEqual([
      { kind: 'emit', body: { type: 'steps-missed', stepIds: ['fix'] } },
      { kind: 'emit', body: { type: 'interaction-ended', reason: 'closed' } },
    ]);
    expect(applyRepAction(r.state, { type: 'finish' }, ev, NOW + 1).effects).toEqual([]);
    const allDone = applyRepAction(fresh(), { type: 'toggle-step', stepId: 'fix' }, ev, NOW);
    expect(applyRepAction(allDone.state, { type: 'finish' }, engine(chained)(allDone.state), NOW).effects[0]).toEqual({ kind: 'emit', body: { type: 'steps-missed', stepIds: [] } });
  });

  it('can tick a step whose id is a prototype name', () => {
    const r = applyRepAction(fresh(), { type: 'toggle-step', stepId: 'constructor' }, null, NOW);
    expect(emitted(r.effects)).toEqual(['step-completed:constructor']);
    expect(emitted(applyRepAction(r.state, { type: 'toggle-step', stepId: 'toString' }, null, NOW).effects)).toEqual(['step-completed:toString']);
  });
});
