import { describe, expect, it } from 'vitest';
import { abResults, compare, DECISION_PROBABILITY, estimate } from './abtest';
import { probGreater } from './beta';
import { makeInteraction, makeWrapup, offered } from './fixtures';

function arm(variant: string, accepted: number, declined: number, prefix = variant) {
  return [
    ...Array.from({ length: accepted }, (_, i) => offered('accepted', { interactionId: `${prefix}-a${i}`, variant })),
    ...Array.from({ length: declined }, (_, i) => offered('declined', { interactionId: `${prefix}-d${i}`, variant })),
  ];
}

describe('A/B results', () => {
  it('pairs two variants per playbook, ordered by label, with intervals and P(second beats first)', () => {
    const attempts = [...arm('short', 30, 70), ...arm('control', 20, 80), { ...offered('accepted', { interactionId: 'x', variant: '' }) }];
    const [r, ...rest] = abResults(attempts, [], []);
    expect(rest).toEqual([]);
    expect(r!.first.variant).toBe('control');
    expect(r!.second.variant).toBe('short');
    expect(r!.first.acceptance).toMatchObject({ successes: 20, trials: 100, rate: 0.2 });
    expect(r!.first.acceptance.low).toBeLessThan(0.2);
    expect(r!.first.acceptance.high).toBeGreaterThan(0.2);
    expect(r!.acceptance.probSecondBetter).toBeCloseTo(probGreater({ alpha: 31, beta: 71 }, { alpha: 21, beta: 81 }), 10);
    expect(r!.acceptance.probSecondBetter).toBeGreaterThan(0.9);
  });

  it('skips playbooks with one or three variants', () => {
    expect(abResults([...arm('A', 1, 1)], [], [])).toEqual([]);
    expect(abResults([...arm('A', 1, 1), ...arm('B', 1, 1), ...arm('C', 1, 1)], [], [])).toEqual([]);
  });

  it('computes the VES share per variant from the interactions’ wrap-ups', () => {
    const interactions = [
      makeInteraction({ id: 'i1', variant: 'A' }),
      makeInteraction({ id: 'i2', variant: 'A' }),
      makeInteraction({ id: 'i3', variant: 'B' }),
    ];
    const wrapups = [
      makeWrapup({ interactionId: 'i1', vesAchieveMore: 5, vesConfidence: 4 }),
      makeWrapup({ interactionId: 'i2', vesAchieveMore: 2, vesConfidence: 4 }),
      makeWrapup({ interactionId: 'i3', vesAchieveMore: 4, vesConfidence: 4 }),
    ];
    const [r] = abResults([...arm('A', 1, 0), ...arm('B', 0, 1)], interactions, wrapups);
    expect(r!.first.ves).toMatchObject({ successes: 1, trials: 2 });
    expect(r!.second.ves).toMatchObject({ successes: 1, trials: 1 });
  });

  it('says how many more offers a decision needs, and that number is enough when the rates hold', () => {
    const a = estimate(20, 100);
    const b = estimate(26, 100);
    const c = compare(a, b);
    expect(c.decided).toBe(false);
    expect(c.moreNeeded).toBeGreaterThan(0);
    const more = c.moreNeeded!;
    // Rates held at the posterior means, traffic split evenly: just enough, and clearly not half of it.
    const grown = (s: number, n: number, extra: number) => ({ alpha: s + 1 + (extra * (s + 1)) / (n + 2), beta: n - s + 1 + (extra * (n - s + 1)) / (n + 2) });
    expect(probGreater(grown(26, 100, more / 2), grown(20, 100, more / 2))).toBeGreaterThanOrEqual(DECISION_PROBABILITY);
    expect(probGreater(grown(26, 100, more / 4), grown(20, 100, more / 4))).toBeLessThan(DECISION_PROBABILITY);
    expect(compare(estimate(10, 100), estimate(40, 100))).toMatchObject({ decided: true, moreNeeded: 0 });
    expect(compare(estimate(10, 100), estimate(10, 100))).toMatchObject({ decided: false, moreNeeded: null });
  });
});
