import { describe, expect, it } from 'vitest';
import { hash32, sampleIds, sessionSample } from './sample';

function memoryStore(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  } as Storage;
}

const ids = Array.from({ length: 200 }, (_, i) => `i${i}:m1`);

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
    const first = sessionSample(ids, 10, store, () => 0.5);
    const more = [...ids, ...Array.from({ length: 500 }, (_, i) => `new${i}:m1`)];
    expect(sessionSample(more, 10, store)).toEqual(first);
    const gone = first[0]!;
    const after = sessionSample(more.filter((id) => id !== gone), 10, store);
    expect(after).toHaveLength(10);
    expect(after).not.toContain(gone);
    expect(after.slice(0, 9)).toEqual(first.slice(1));
  });

  it('survives a damaged stored entry', () => {
    const store = memoryStore();
    store.setItem('rp:review-sample', '{not json');
    expect(sessionSample(ids, 5, store)).toHaveLength(5);
  });
});
