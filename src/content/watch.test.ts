/** When the content script re-reads a changing page (createReadScheduler in watch.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReadScheduler } from './watch';

describe('re-reading the page after it changes', () => {
  let reads: { reason: string; at: number }[];
  let clock: number;
  const make = () => createReadScheduler((reason) => reads.push({ reason, at: clock }), 200, () => clock);
  /** Advances the fake clock and the fake timers together. */
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i++) {
      clock += 1;
      vi.advanceTimersByTime(1);
    }
  };

  beforeEach(() => {
    vi.useFakeTimers();
    reads = [];
    clock = 10_000;
  });
  afterEach(() => vi.useRealTimers());

  it('reads the first change after a quiet period at once, in the same task (the panel paints with the page)', () => {
    const s = make();
    s.fire('dom');
    expect(reads).toEqual([{ reason: 'dom', at: 10_000 }]);
    advance(1_000);
    s.fire('dom');
    expect(reads).toHaveLength(2);
    expect(reads[1]!.at).toBe(11_000);
  });

  it('a constant stream of mutations is read at waits doubling from 200 ms to 1 s, never once per mutation, and the last change is read', () => {
    const s = make();
    // 1,000 mutations a second for 5 s, then silence.
    for (let ms = 0; ms < 5_000; ms++) {
      s.fire('dom');
      advance(1);
    }
    advance(1_500);
    const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at);
    expect(gaps.slice(0, 4)).toEqual([200, 400, 800, 1_000]);
    expect(gaps.slice(4).every((g) => g === 1_000)).toBe(true);
    expect(reads.length).toBeLessThanOrEqual(8); // 5 s of flood: 7 reads and the one after it, not 25 or 5,000
    // The stream's last mutation (at 14,999) is covered by a read after it.
    expect(reads.at(-1)!.at).toBeGreaterThanOrEqual(14_999);
  });

  it('after the stream pauses for a whole wait, the next change is read at once and the wait is 200 ms again', () => {
    const s = make();
    for (let ms = 0; ms < 3_000; ms++) {
      s.fire('dom');
      advance(1);
    }
    advance(2_000); // quiet: the trailing read covers the stream, then nothing
    const before = reads.length;
    s.fire('dom');
    expect(reads).toHaveLength(before + 1); // at once
    advance(10);
    s.fire('dom');
    advance(190);
    expect(reads).toHaveLength(before + 2); // 200 ms later, not 1 s
  });

  it('a change right after a read waits for the rest of the 200 ms, then is read', () => {
    const s = make();
    s.fire('dom');
    advance(50);
    s.fire('dom');
    s.fire('dom');
    expect(reads).toHaveLength(1);
    advance(149);
    expect(reads).toHaveLength(1);
    advance(1);
    expect(reads.map((r) => r.at)).toEqual([10_000, 10_200]);
  });

  it('a URL change is read on the next task, and mutations meanwhile ride on that read', () => {
    const s = make();
    s.fire('url');
    s.fire('dom');
    expect(reads).toHaveLength(0);
    advance(1);
    expect(reads.map((r) => r.reason)).toEqual(['url']);
  });

  it('a URL read does not count against the throttle: the pane it announces is read at once', () => {
    const s = make();
    advance(300);
    s.fire('url');
    advance(1);
    s.fire('dom');
    expect(reads.map((r) => r.reason)).toEqual(['url', 'dom']);
  });

  it('readNow reads at once and cancels what was due; cancel drops it', () => {
    const s = make();
    s.fire('dom');
    s.fire('dom');
    s.readNow('dom');
    advance(1_000);
    expect(reads).toHaveLength(2);
    s.fire('dom');
    advance(10);
    s.fire('dom');
    s.cancel();
    advance(1_000);
    expect(reads).toHaveLength(3);
  });
});
