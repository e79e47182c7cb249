/**
 * The bootstrap behind figure 11's judgment (bench/lib/stats.ts): an interval that covers the true ratio,
 * narrows with more samples, keeps pairs together, and comes out the same for the same samples.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/lib/data';
import { bootstrapInterval, geometricMean, median } from '../../bench/lib/stats';

/** Loads like figure 11's: ~30 ms with an 18% spread, the "with" side `effect` times slower. */
function loads(n: number, effect: number, seed: number): { ext: number[]; base: number[] } {
  const random = rng(seed);
  const load = () => 30 * (1 + 0.18 * (random() + random() + random() - 1.5) * 2);
  return { ext: Array.from({ length: n }, () => load() * effect), base: Array.from({ length: n }, load) };
}
const ratioOver = (ext: number[], base: number[]) => ([pick]: readonly (readonly number[])[]) =>
  median(pick!.map((i) => ext[i]!))! / median(pick!.map((i) => base[i]!))!;

describe('bootstrap interval', () => {
  it('gives the same interval for the same samples, and another with another seed', () => {
    const { ext, base } = loads(40, 1, 7);
    const a = bootstrapInterval([40], ratioOver(ext, base));
    expect(bootstrapInterval([40], ratioOver(ext, base))).toEqual(a);
    expect(bootstrapInterval([40], ratioOver(ext, base), { seed: 2 })).not.toEqual(a);
  });

  it('puts a 20% slower side wholly above 1.05×, and an equal side across 1.0×', () => {
    const slow = loads(40, 1.2, 3);
    expect(bootstrapInterval([40], ratioOver(slow.ext, slow.base))[0]).toBeGreaterThan(1.05);
    const same = loads(40, 1, 3);
    const [lo, hi] = bootstrapInterval([40], ratioOver(same.ext, same.base));
    expect(lo).toBeLessThan(1);
    expect(hi).toBeGreaterThan(1);
  });

  it('narrows with more samples, and over groups pooled by geometric mean', () => {
    const width = ([lo, hi]: [number, number]) => hi - lo;
    const few = loads(10, 1, 5);
    const many = loads(160, 1, 5);
    expect(width(bootstrapInterval([160], ratioOver(many.ext, many.base)))).toBeLessThan(width(bootstrapInterval([10], ratioOver(few.ext, few.base))));
    const groups = Array.from({ length: 10 }, (_, k) => loads(40, 1, k * 7919 + 13));
    const pooled = bootstrapInterval(
      groups.map(() => 40),
      (picks) => geometricMean(groups.map((g, k) => ratioOver(g.ext, g.base)([picks[k]!]))),
    );
    const one = bootstrapInterval([40], ratioOver(groups[0]!.ext, groups[0]!.base));
    expect(width(pooled)).toBeLessThan(width(one) / 2);
    expect(pooled[0]).toBeLessThan(1);
    expect(pooled[1]).toBeGreaterThan(1);
  });

  it('keeps pairs together: resampling one index list per group', () => {
    const seen: number[][] = [];
    bootstrapInterval([3, 5], (picks) => {
      seen.push(picks.map((p) => p.length));
      expect(picks[0]!.every((i) => i >= 0 && i < 3)).toBe(true);
      expect(picks[1]!.every((i) => i >= 0 && i < 5)).toBe(true);
      return 0;
    }, { resamples: 10 });
    expect(seen).toEqual(Array.from({ length: 10 }, () => [3, 5]));
  });

  it('geometric mean cancels 0.9× against 1/0.9×', () => {
    expect(geometricMean([0.9, 1 / 0.9])).toBeCloseTo(1, 12);
  });
});
