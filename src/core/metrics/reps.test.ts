import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../log/types';
import { makeAttempt, makeInteraction, makeWrapup, offered, T0 } from './fixtures';
import { funnel } from './funnel';
import { REP_SORT_KEYS, repRows, repSortValue, sortRepRows } from './reps';
import { medianSecondsResolutionToOffer, resolutionFirstAdherence } from './timing';

describe('reps table', () => {
  const interactions = [
    makeInteraction({ id: 'a1', repId: 'ana' }),
    makeInteraction({ id: 'a2', repId: 'ana' }),
    makeInteraction({ id: 'a3', repId: 'ana', resolvedAt: null }),
    makeInteraction({ id: 'b1', repId: 'ben' }),
  ];
  const attempts = [
    offered('accepted', { interactionId: 'a1', repId: 'ana' }, T0, 60_000),
    offered('declined', { interactionId: 'a2', repId: 'ana' }, T0, 120_000),
    makeAttempt({ interactionId: 'a2', moveId: 'm2', repId: 'ana', outcome: 'not-a-fit', skipReason: 'time-pressure', outcomeAt: T0 }),
    // Ben offers before resolution: a resolution-first breach.
    { ...offered('offered', { interactionId: 'b1', repId: 'ben' }), resolutionConfirmedAt: T0 + 3_600_000 },
  ];
  const wrapups = [makeWrapup({ interactionId: 'a1', vesAchieveMore: 5, vesConfidence: 5, effort: 6 }), makeWrapup({ interactionId: 'a2', vesAchieveMore: 3, vesConfidence: 5, effort: 3 })];

  it('gives each rep their own interactions, offer share, acceptance, skips, scores and median', () => {
    const rows = repRows(interactions, attempts, wrapups);
    expect(rows.map((r) => r.repId)).toEqual(['ana', 'ben']);
    const ana = rows[0]!;
    expect(ana.interactions).toBe(3);
    expect(ana.offerShare).toBeCloseTo(2 / 3);
    expect(ana.band).toBe('above');
    expect(ana.acceptance).toBe(0.5);
    expect(ana.resolutionFirst).toBe(1);
    expect(ana.skips).toEqual({ 'customer-upset': 0, 'time-pressure': 1, 'already-knows': 0, other: 0 });
    expect(ana.scores.ves).toEqual({ yes: 1, answered: 2, share: 0.5 });
    expect(ana.scores.ces).toEqual({ yes: 1, answered: 2, share: 0.5 });
    expect(ana.medianToOffer).toBe(90);
    const ben = rows[1]!;
    expect(ben.resolutionFirst).toBe(0);
    expect(ben.acceptance).toBe(0);
    expect(ben.scores.ves.share).toBeNull();
  });

  it('sorts by any column, either way, rows without a value last', () => {
    const rows = repRows(interactions, attempts, wrapups);
    fc.assert(
      fc.property(fc.constantFrom(...REP_SORT_KEYS), fc.constantFrom('asc' as const, 'desc' as const), fc.shuffledSubarray(rows), (key, dir, subset) => {
        const sorted = sortRepRows(subset, key, dir);
        expect(sorted).toHaveLength(subset.length);
        const values = sorted.map((r) => repSortValue(r, key));
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        const present = values.filter((v) => v !== null);
        for (let i = 1; i < present.length; i++) {
          const [x, y] = [present[i - 1]!, present[i]!];
          if (typeof x === 'number' && typeof y === 'number') expect(dir === 'asc' ? x <= y : x >= y).toBe(true);
        }
      }),
    );
    expect(sortRepRows(rows, 'ves', 'asc').map((r) => r.repId)).toEqual(['ana', 'ben']);
    expect(sortRepRows(rows, 'medianToOffer', 'asc').map((r) => r.repId)).toEqual(['ben', 'ana']);
  });

  it('agrees, rep by rep, with the team-wide funnel, adherence and median run on that rep alone', () => {
    const reps = ['ana', 'ben', 'cy'];
    const attemptArb = fc.record({
      i: fc.integer({ min: 0, max: 12 }),
      move: fc.constantFrom('m1', 'm2'),
      outcome: fc.constantFrom(...OUTCOMES, null),
      offerOffset: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: -60_000, max: 600_000 })), { nil: null }),
      resolved: fc.boolean(),
      shown: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...reps), fc.boolean()), { minLength: 13, maxLength: 13 }), fc.array(attemptArb, { maxLength: 60 }), (ints, raw) => {
        const interactions = ints.map(([repId, resolved], i) => makeInteraction({ id: `i${i}`, repId, resolvedAt: resolved ? T0 : null }));
        const seen = new Set<string>();
        const attempts = raw.flatMap((r) => {
          const id = `i${r.i}:${r.move}`;
          if (seen.has(id)) return [];
          seen.add(id);
          return [
            makeAttempt({
              interactionId: `i${r.i}`,
              moveId: r.move,
              repId: ints[r.i]![0],
              outcome: r.outcome,
              shownAt: r.shown ? T0 : null,
              offeredAt: r.offerOffset === null ? null : T0 + r.offerOffset,
              resolutionConfirmedAt: r.resolved ? T0 : null,
            }),
          ];
        });
        const rows = repRows(interactions, attempts, []);
        for (const row of rows) {
          const mine = attempts.filter((a) => a.repId === row.repId);
          const f = funnel(
            interactions.filter((i) => i.repId === row.repId),
            mine,
          );
          expect(row.interactions).toBe(f.interactions);
          expect(row.offerShare).toBe(f.offeredShare);
          expect(row.band).toBe(f.band);
          expect(row.resolutionFirst).toBe(resolutionFirstAdherence(mine).share);
          expect(row.medianToOffer).toBe(medianSecondsResolutionToOffer(mine));
        }
      }),
    );
  });
});
