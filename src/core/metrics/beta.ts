/**
 * Beta posteriors computed deterministically on a grid (no random sampling, so a page reload and a
 * test get the same digits). With a uniform prior, `s` successes in `n` trials give Beta(s+1, n−s+1).
 * The grid spans ±12 standard deviations of the distributions involved (clipped to [0, 1]) with
 * GRID_POINTS midpoints, so it stays fine even for 100,000 trials, where the density is a needle.
 */

export interface Beta {
  readonly alpha: number;
  readonly beta: number;
}

const GRID_POINTS = 8_000;
const SPAN_SD = 12;

export function posterior(successes: number, trials: number): Beta {
  return { alpha: successes + 1, beta: trials - successes + 1 };
}

function meanSd(d: Beta): { mean: number; sd: number } {
  const n = d.alpha + d.beta;
  return { mean: d.alpha / n, sd: Math.sqrt((d.alpha * d.beta) / (n * n * (n + 1))) };
}

function span(ds: readonly Beta[]): { lo: number; hi: number } {
  let lo = 1;
  let hi = 0;
  for (const d of ds) {
    const { mean, sd } = meanSd(d);
    lo = Math.min(lo, mean - SPAN_SD * sd);
    hi = Math.max(hi, mean + SPAN_SD * sd);
  }
  return { lo: Math.max(0, lo), hi: Math.min(1, hi) };
}

/** Normalised probability mass of `d` in each grid cell (midpoint rule, log space against overflow). */
function masses(d: Beta, lo: number, step: number): Float64Array {
  const logs = new Float64Array(GRID_POINTS);
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < GRID_POINTS; i++) {
    const x = lo + (i + 0.5) * step;
    const v = (d.alpha - 1) * Math.log(x) + (d.beta - 1) * Math.log1p(-x);
    logs[i] = v;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let i = 0; i < GRID_POINTS; i++) {
    const w = Math.exp(logs[i]! - max);
    logs[i] = w;
    sum += w;
  }
  for (let i = 0; i < GRID_POINTS; i++) logs[i]! /= sum;
  return logs;
}

/** The `q` quantile of `d` (0 < q < 1), interpolated inside the grid cell where the CDF crosses q. */
export function quantile(d: Beta, q: number): number {
  const { lo, hi } = span([d]);
  const step = (hi - lo) / GRID_POINTS;
  const w = masses(d, lo, step);
  let cdf = 0;
  for (let i = 0; i < GRID_POINTS; i++) {
    const next = cdf + w[i]!;
    if (next >= q) return lo + (i + (q - cdf) / w[i]!) * step;
    cdf = next;
  }
  return hi;
}

/**
 * 95% credible interval: equal-tailed, except at the edges — with no successes (or no failures) the
 * observed 0% (100%) must be inside, so the interval is one-sided there: [0, 95th percentile].
 */
export function interval95(d: Beta): { low: number; high: number } {
  const noSuccesses = d.alpha === 1 && d.beta > 1;
  const noFailures = d.beta === 1 && d.alpha > 1;
  if (noSuccesses) return { low: 0, high: quantile(d, 0.95) };
  if (noFailures) return { low: quantile(d, 0.05), high: 1 };
  return { low: quantile(d, 0.025), high: quantile(d, 0.975) };
}

/** P(X_b > X_a) for independent X_a ~ a, X_b ~ b: Σ over cells of b's mass × a's CDF at the cell's middle. */
export function probGreater(b: Beta, a: Beta): number {
  const { lo, hi } = span([a, b]);
  const step = (hi - lo) / GRID_POINTS;
  const wa = masses(a, lo, step);
  const wb = masses(b, lo, step);
  let cdfA = 0;
  let p = 0;
  for (let i = 0; i < GRID_POINTS; i++) {
    p += wb[i]! * (cdfA + wa[i]! / 2);
    cdfA += wa[i]!;
  }
  return Math.min(1, Math.max(0, p));
}
