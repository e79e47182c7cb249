import { describe, expect, it } from 'vitest';
import { makeAttempt } from '../../core/metrics/fixtures';
import type { LogEvent } from '../../core/log/types';
import { countRows, mergeChunks } from './merge-chunks';

const events = Array.from({ length: 7 }, (_, i): LogEvent => ({ id: `e${i}`, at: 1_700_000_000_000, interactionId: 'i1', type: 'resolution-confirmed' }));
const attempts = Array.from({ length: 6 }, (_, i) => makeAttempt({ interactionId: `i${i}` }));

describe('merge chunks', () => {
  it('never exceeds the cap, keeps every row once, in order, events first', () => {
    const chunks = [...mergeChunks({ events, attempts }, 5)];
    expect(chunks.map(countRows)).toEqual([5, 5, 3]);
    expect(chunks.flatMap((c) => c.events ?? []).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(chunks.flatMap((c) => c.attempts ?? [])).toEqual(attempts);
    expect(chunks[1]).toMatchObject({ events: events.slice(5), attempts: attempts.slice(0, 3) });
  });

  it('yields nothing for nothing', () => {
    expect([...mergeChunks({})]).toEqual([]);
    expect([...mergeChunks({ attempts: [] })]).toEqual([]);
  });
});
