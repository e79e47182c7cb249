/** Order statistics for benchmark samples (nearest-rank percentiles, as most tools report them). */
import { rng } from './data';

export function percentile(samples: readonly number[], p: number): number | null {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.ceil((p / 100) * xs.length);
  return xs[Math.min(xs.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number | null => {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
};

export const max = (samples: readonly number[]): number | null => (samples.length ? Math.max(...samples) : null);

export function round(x: number | null, digits = 2): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Percentile bootstrap: `statistic` over groups of samples resampled with replacement, each group on its
 * own and by index (so paired samples stay paired), `resamples` times; the central `level` of what it
 * gave. `sizes` are the groups' sample counts; `statistic` gets one list of picked indexes per group.
 */
export function bootstrapInterval(
  sizes: readonly number[],
  statistic: (picks: readonly (readonly number[])[]) => number,
  { resamples = 2000, level = 0.9, seed = 1 }: { resamples?: number; level?: number; seed?: number } = {},
): [number, number] {
  // Seeded (mulberry32): a bootstrap over the same samples gives the same interval every time.
  const random = rng(seed);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    values.push(statistic(sizes.map((n) => Array.from({ length: n }, () => Math.floor(random() * n)))));
  }
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [values[Math.floor(tail * resamples)]!, values[Math.min(resamples - 1, Math.ceil((1 - tail) * resamples) - 1)]!];
}

/** Geometric mean: the typical ratio across groups, where 0.9× and 1/0.9× cancel as they should. */
export const geometricMean = (xs: readonly number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
