import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interval95, posterior, probGreater, quantile } from './beta';

/** Exact P(B > A) for integer Beta parameters (Evan Miller's closed form), in log space. */
function exactProbGreater(aA: number, bA: number, aB: number, bB: number): number {
  const lgamma = (x: number): number => {
    // Integers only here: log((x-1)!).
    let s = 0;
    for (let k = 2; k < x; k++) s += Math.log(k);
    return s;
  };
  const lbeta = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
  let total = 0;
  for (let i = 0; i < aB; i++) total += Math.exp(lbeta(aA + i, bA + bB) - Math.log(bB + i) - lbeta(1 + i, bB) - lbeta(aA, bA));
  return total;
}

/** Exact Beta CDF for integer parameters: I_x(a, b) = P(Binomial(a+b−1, x) ≥ a). */
function exactCdf(a: number, b: number, x: number): number {
  const n = a + b - 1;
  let p = 0;
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    if (k >= a) p += Math.exp(logC + k * Math.log(x) + (n - k) * Math.log1p(-x));
  }
  return p;
}

describe('Beta posteriors on a grid', () => {
  it('matches the closed form of P(B > A) to three decimals', () => {
    const cases: [number, number, number, number][] = [
      [10, 40, 18, 32],
      [1, 1, 1, 1],
      [3, 2, 1, 5],
      [120, 280, 150, 250],
      [600, 1400, 640, 1360],
    ];
    for (const [aA, bA, aB, bB] of cases) {
      expect(probGreater({ alpha: aB, beta: bB }, { alpha: aA, beta: bA })).toBeCloseTo(exactProbGreater(aA, bA, aB, bB), 3);
    }
  });

  it('quantiles match the exact CDF', () => {
    for (const [a, b] of [
      [2, 9],
      [31, 71],
      [400, 600],
      [1, 1],
    ] as const) {
      for (const q of [0.025, 0.5, 0.975]) expect(exactCdf(a, b, quantile({ alpha: a, beta: b }, q))).toBeCloseTo(q, 3);
    }
  });

  it('is symmetric, deterministic, and the interval holds the observed rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (s1, f1, s2, f2) => {
        const a = posterior(s1, s1 + f1);
        const b = posterior(s2, s2 + f2);
        const p = probGreater(b, a);
        expect(p + probGreater(a, b)).toBeCloseTo(1, 6);
        expect(probGreater(b, a)).toBe(p);
        const { low, high } = interval95(a);
        expect(low).toBeLessThan(high);
        if (s1 + f1 > 0) {
          expect(low).toBeLessThanOrEqual(s1 / (s1 + f1) + 1e-9);
          expect(high).toBeGreaterThanOrEqual(s1 / (s1 + f1) - 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps 0% and 100% inside the interval (one-sided at the edges)', () => {
    expect(interval95(posterior(0, 20)).low).toBe(0);
    expect(interval95(posterior(0, 20)).high).toBeCloseTo(1 - 0.05 ** (1 / 21), 3);
    expect(interval95(posterior(20, 20)).high).toBe(1);
  });

  it('stays accurate for 100,000 trials', () => {
    const a = posterior(30_000, 100_000);
    const b = posterior(30_400, 100_000);
    // Normal approximation: difference 0.004, sd sqrt(2·0.3·0.7/1e5) ≈ 0.00205 → z ≈ 1.95.
    expect(probGreater(b, a)).toBeCloseTo(0.9744, 2);
    const { low, high } = interval95(a);
    expect(low).toBeCloseTo(0.3 - 1.96 * Math.sqrt(0.21 / 100_000), 4);
    expect(high).toBeCloseTo(0.3 + 1.96 * Math.sqrt(0.21 / 100_000), 4);
  });
});
