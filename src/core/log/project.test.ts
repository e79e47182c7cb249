import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project } from './project';
import type { LogEvent } from './types';

const T0 = Date.UTC(2026, 10, 1, 9);
const KEY = 'c'.repeat(64);
const move = (moveId: string) => ({ moveId, moveKind: 'usage-tip', moveTitle: `Move ${moveId}` }) as const;
const start = (interactionId: string, at: number, repId = 'sam'): LogEvent => ({
  id: `${interactionId}-start-${at}`,
  at,
  interactionId,
  type: 'interaction-started',
  helpdesk: 'zendesk',
  ticketId: '4521',
  customerKey: KEY,
  channel: 'chat',
  repId,
  playbookId: 'default',
  playbookVersion: 3,
  variant: '',
});

/** Events of a few interactions, with times that collide on purpose (ties are broken by id). */
const arbEvent: fc.Arbitrary<LogEvent> = fc
  .record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    interactionId: fc.constantFrom('i1', 'i2', 'i3'),
    at: fc.integer({ min: T0, max: T0 + 20 }),
    kind: fc.integer({ min: 0, max: 8 }),
    moveId: fc.constantFrom('m1', 'm2'),
    stepId: fc.constantFrom('s1', 's2'),
    outcome: fc.constantFrom('offered', 'accepted', 'declined', 'not-a-fit' as const),
    score: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    reason: fc.constantFrom('closed', 'abandoned' as const),
  })
  .map(({ n, interactionId, at, kind, moveId, stepId, outcome, score, reason }): LogEvent => {
    const base = { id: `e${n}`, at, interactionId };
    switch (kind) {
      case 0:
        return { ...start(interactionId, at, `rep${n % 3}`), id: base.id };
      case 1:
        return { ...base, type: 'step-completed', stepId, auto: n % 2 === 0 };
      case 2:
        return { ...base, type: 'step-undone', stepId };
      case 3:
        return { ...base, type: 'resolution-confirmed' };
      case 4:
        return { ...base, type: 'move-shown', ...move(moveId) };
      case 5:
        return { ...base, type: 'move-offered', via: 'copy', ...move(moveId) };
      case 6:
        return { ...base, type: 'move-outcome', outcome, skipReason: outcome === 'not-a-fit' ? 'other' : null, ...move(moveId) };
      case 7:
        return { ...base, type: 'wrapup', vesAchieveMore: score, vesConfidence: null, effort: score };
      default:
        return n % 5 === 0 ? { ...base, type: 'steps-missed', stepIds: [stepId] } : { ...base, type: 'interaction-ended', reason };
    }
  });

/** Records in a canonical order, so two projections compare by content. */
function canonical(p: ReturnType<typeof project>) {
  const byId = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return {
    interactions: byId(p.interactions, (r) => r.id),
    attempts: byId(p.attempts, (r) => r.id),
    wrapups: byId(p.wrapups, (r) => r.interactionId),
  };
}

describe('project', () => {
  it('gives identical records for any permutation and duplication of the same events', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbEvent, { selector: (e) => e.id, maxLength: 40 }).chain((events) =>
          fc.tuple(
            fc.constant(events),
            // A shuffled copy with some events repeated (retries, merged copies of the same log).
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            fc.array(fc.nat({ max: Math.max(0, events.length - 1) }), { maxLength: 10 }),
          ),
        ),
        ([events, shuffled, repeats]) => {
          const duplicated = [...shuffled, ...repeats.flatMap((i) => (events[i] ? [events[i]] : []))];
          expect(canonical(project(duplicated))).toEqual(canonical(project(events)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a step and a resolution that were logged before their start arrived', () => {
    const early: LogEvent[] = [
      { id: 'a', at: T0 - 50, interactionId: 'i1', type: 'step-completed', stepId: 'verify', auto: false },
      { id: 'b', at: T0 - 40, interactionId: 'i1', type: 'resolution-confirmed' },
    ];
    expect(project(early).interactions).toEqual([]);
    const [i] = project([...early, start('i1', T0)]).interactions;
    expect(i).toMatchObject({ steps: { verify: T0 - 50 }, resolvedAt: T0 - 40, startedAt: T0 });
  });

  it('lets the latest outcome in time win, not the latest to arrive', () => {
    const accepted: LogEvent = { id: 'z-first', at: T0 + 10, interactionId: 'i1', type: 'move-outcome', outcome: 'accepted', skipReason: null, ...move('m1') };
    const declined: LogEvent = { id: 'a-second', at: T0 + 20, interactionId: 'i1', type: 'move-outcome', outcome: 'declined', skipReason: null, ...move('m1') };
    // The later decision arrives first (another tab's retry); it still wins.
    const [a] = project([start('i1', T0), declined, accepted]).attempts;
    expect(a).toMatchObject({ outcome: 'declined', outcomeAt: T0 + 20 });
  });

  it('keeps the first start: a later start cannot rewrite the rep or the date', () => {
    const forged = { ...start('i1', T0 + 5, 'mallory'), id: 'forged' };
    const [i] = project([forged, start('i1', T0)]).interactions;
    expect(i).toMatchObject({ repId: 'sam', startedAt: T0 });
  });

  it('fills an attempt logged before its start with the interaction fields and its resolution time', () => {
    const early: LogEvent = { id: 'm', at: T0 - 5, interactionId: 'i1', type: 'move-offered', via: 'copy', ...move('m1') };
    const resolved: LogEvent = { id: 'r', at: T0 + 50, interactionId: 'i1', type: 'resolution-confirmed' };
    expect(project([early])).toMatchObject({ attempts: [{ ticketId: '', outcome: 'offered' }] });
    const [a] = project([early, start('i1', T0), resolved]).attempts;
    expect(a).toMatchObject({ ticketId: '4521', repId: 'sam', resolutionConfirmedAt: T0 + 50, offeredAt: T0 - 5 });
  });

  it('lets a closed end beat the worker’s abandoned guess in either order', () => {
    const closed: LogEvent = { id: 'c', at: T0 + 30, interactionId: 'i1', type: 'interaction-ended', reason: 'closed' };
    const abandoned: LogEvent = { id: 'abandon:i1', at: T0 + 40, interactionId: 'i1', type: 'interaction-ended', reason: 'abandoned' };
    expect(project([start('i1', T0), abandoned, closed]).interactions[0]).toMatchObject({ endReason: 'closed', endedAt: T0 + 30 });
  });

  it('records required steps left open at finish, minus any ticked afterwards', () => {
    const missed: LogEvent = { id: 'm', at: T0 + 10, interactionId: 'i1', type: 'steps-missed', stepIds: ['verify', 'note'] };
    const late: LogEvent = { id: 'l', at: T0 + 20, interactionId: 'i1', type: 'step-completed', stepId: 'note', auto: false };
    expect(project([start('i1', T0), missed]).interactions[0]?.requiredMissed).toEqual(['note', 'verify']);
    expect(project([start('i1', T0), missed, late]).interactions[0]?.requiredMissed).toEqual(['verify']);
    expect(project([start('i1', T0)]).interactions[0]).not.toHaveProperty('requiredMissed');
    const complete: LogEvent = { ...missed, stepIds: [] };
    expect(project([start('i1', T0), complete]).interactions[0]?.requiredMissed).toEqual([]);
  });
});
