import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptArb } from '../csv/arbitraries';
import { band, funnel } from './funnel';
import { makeAttempt, makeInteraction, offered, T0 } from './fixtures';

describe('funnel', () => {
  const interactions = ['i1', 'i2', 'i3', 'i4', 'i6'].map((id) => makeInteraction({ id }));
  interactions.push(makeInteraction({ id: 'i5', resolvedAt: null }));
  const attempts = [
    offered('accepted', { interactionId: 'i1' }),
    makeAttempt({ interactionId: 'i1', moveId: 'm2' }), // shown only, same interaction
    offered('declined', { interactionId: 'i2' }),
    makeAttempt({ interactionId: 'i3' }),
    offered('offered', { interactionId: 'i5' }), // offered but never resolved
    makeAttempt({ interactionId: 'i6', outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'time-pressure' }),
    offered('accepted', { interactionId: 'not-in-the-filter' }),
  ];

  it('counts each stage as a subset of the one before', () => {
    expect(funnel(interactions, attempts)).toEqual({
      interactions: 6,
      resolved: 5,
      veEligible: 4,
      offered: 2,
      accepted: 1,
      offeredShare: 2 / 6,
      band: 'below',
    });
  });

  it('counts an attempt with no shown time but an outcome as shown (CSV imports have none)', () => {
    const f = funnel([makeInteraction()], [offered('accepted', { shownAt: null })]);
    expect([f.veEligible, f.offered, f.accepted, f.band]).toEqual([1, 1, 1, 'above']);
  });

  it('is empty for no interactions', () => {
    expect(funnel([], [])).toEqual({ interactions: 0, resolved: 0, veEligible: 0, offered: 0, accepted: 0, offeredShare: null, band: null });
  });

  it('never grows from one stage to the next, and the share stays in [0, 1]', () => {
    const data = fc.array(attemptArb, { maxLength: 40 }).chain((attempts) =>
      fc.tuple(
        fc.constant(attempts),
        fc.uniqueArray(
          fc.record({ id: fc.oneof(fc.constantFrom(...attempts.map((a) => a.interactionId), 'x'), fc.string()), resolved: fc.boolean() }),
          { selector: (r) => r.id, maxLength: 40 },
        ),
      ),
    );
    fc.assert(
      fc.property(data, ([attempts, ids]) => {
        const f = funnel(
          ids.map(({ id, resolved }) => makeInteraction({ id, resolvedAt: resolved ? T0 : null })),
          attempts,
        );
        const stages = [f.interactions, f.resolved, f.veEligible, f.offered, f.accepted];
        for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeLessThanOrEqual(stages[i - 1]!);
        if (f.offeredShare !== null) expect(f.offeredShare >= 0 && f.offeredShare <= 1).toBe(true);
      }),
    );
  });
});

describe('band', () => {
  it('compares with the 35–50% research band, edges inclusive', () => {
    expect([0, 0.349, 0.35, 0.42, 0.5, 0.501, 1].map(band)).toEqual(['below', 'below', 'within', 'within', 'within', 'above', 'above']);
    expect(band(null)).toBeNull();
  });
});
