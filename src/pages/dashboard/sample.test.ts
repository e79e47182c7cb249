import { describe, expect, it } from 'vitest';
import { hash32, sampleEvenly, sampleIds, sessionSample } from './sample';

function memoryStore(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  } as Storage;
}

const ids = Array.from({ length: 200 }, (_, i) => `i${i}:m1`);
const one = (xs: readonly string[]) => xs.map((id) => ({ id, group: 'rep' }));

describe('review sample', () => {
  it('hashes deterministically', () => {
    expect(hash32('abc')).toBe(hash32('abc'));
    expect(hash32('abc')).not.toBe(hash32('abd'));
  });

  it('picks n distinct ids, the same ones for the same seed, other ones for another seed', () => {
    const a = sampleIds(ids, 's1', 10);
    expect(new Set(a).size).toBe(10);
    expect(sampleIds([...ids].reverse(), 's1', 10)).toEqual(a);
    expect(sampleIds(ids, 's2', 10)).not.toEqual(a);
    expect(sampleIds(ids.slice(0, 3), 's1', 10)).toHaveLength(3);
  });

  it('stays stable within a session even when more attempts arrive, and tops up when one disappears', () => {
    const store = memoryStore();
    const first = sessionSample(one(ids), 10, store, () => 0.5);
    const more = [...ids, ...Array.from({ length: 500 }, (_, i) => `new${i}:m1`)];
    expect(sessionSample(one(more), 10, store)).toEqual(first);
    const gone = first[0]!;
    const after = sessionSample(one(more.filter((id) => id !== gone)), 10, store);
    expect(after).toHaveLength(10);
    expect(after).not.toContain(gone);
    expect(after.slice(0, 9)).toEqual(first.slice(1));
  });

  it('survives a damaged stored entry', () => {
    const store = memoryStore();
    store.setItem('rp:review-sample', '{not json');
    expect(sessionSample(one(ids), 5, store)).toHaveLength(5);
  });

  it('spreads the queue evenly over reps, however unevenly they log', () => {
    // ana logs 300 offers, ben 20, cy 3: a uniform pick would be almost all ana.
    const candidates = [
      ...Array.from({ length: 300 }, (_, i) => ({ id: `ana-${i}`, group: 'ana' })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `ben-${i}`, group: 'ben' })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `cy-${i}`, group: 'cy' })),
    ];
    const count = (picked: string[]) => ['ana', 'ben', 'cy'].map((r) => picked.filter((id) => id.startsWith(`${r}-`)).length);
    expect(count(sampleEvenly(candidates, 'seed', 9))).toEqual([3, 3, 3]);
    // cy runs out after three: the others share the rest.
    const twelve = count(sampleEvenly(candidates, 'seed', 12));
    expect(twelve[2]).toBe(3);
    expect(twelve[0]! + twelve[1]!).toBe(9);
    expect(Math.abs(twelve[0]! - twelve[1]!)).toBeLessThanOrEqual(1);
  });

  it('re-spreads after the filter narrowed to one rep and widened again', () => {
    const store = memoryStore();
    const ana = Array.from({ length: 50 }, (_, i) => ({ id: `ana-${i}`, group: 'ana' }));
    const ben = Array.from({ length: 50 }, (_, i) => ({ id: `ben-${i}`, group: 'ben' }));
    expect(sessionSample(ana, 10, store, () => 0.1).every((id) => id.startsWith('ana-'))).toBe(true);
    const both = sessionSample([...ana, ...ben], 10, store);
    expect(both.filter((id) => id.startsWith('ana-'))).toHaveLength(5);
    expect(both.filter((id) => id.startsWith('ben-'))).toHaveLength(5);
  });
});
