/** `BENCH_ONLY`: which figure groups a benchmark run measures (bench/lib/all.ts). */
import { describe, expect, it } from 'vitest';
import { benchOnlyFromEnv, FIGURE_GROUPS } from '../../bench/lib/all';

describe('BENCH_ONLY', () => {
  it('runs everything when unset or blank', () => {
    expect(benchOnlyFromEnv({})).toBeUndefined();
    expect(benchOnlyFromEnv({ BENCH_ONLY: '  ' })).toBeUndefined();
  });

  it('takes comma-separated group ids, spaces allowed', () => {
    expect([...(benchOnlyFromEnv({ BENCH_ONLY: '2, 3,4,11' }) ?? [])]).toEqual(['2', '3', '4', '11']);
    expect([...(benchOnlyFromEnv({ BENCH_ONLY: '7c' }) ?? [])]).toEqual(['7c']);
  });

  it('refuses an unknown id and names the valid groups (a typo must not measure nothing)', () => {
    expect(() => benchOnlyFromEnv({ BENCH_ONLY: '2,2b' })).toThrow(/unknown figure group 2b; groups are 1, 5, 8/);
    expect(() => benchOnlyFromEnv({ BENCH_ONLY: ',' })).toThrow(/none given/);
  });

  it('knows every group runAll logs', () => {
    expect(FIGURE_GROUPS).toEqual(expect.arrayContaining(['1', '2', '3', '4', '6', '7', '7c', '8', '9', '10', '11', '12']));
  });
});
