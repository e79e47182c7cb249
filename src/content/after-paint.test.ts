/**
 * after-paint.ts: queued work runs once the next frame has painted, in the order it was queued, and
 * still runs when no frame comes (a hidden tab); one failing job does not drop the jobs behind it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, whenPainted } from './after-paint';

// The page's events (pagehide), as a tab has them; registered on first use.
const pageEvents = new Map<string, () => void>();
(globalThis as unknown as Globals).addEventListener = (type, fn) => pageEvents.set(type, fn);

type Globals = {
  requestAnimationFrame?: (cb: () => void) => number;
  document?: { visibilityState: string };
  addEventListener?: (type: string, fn: () => void) => void;
};
const g = globalThis as unknown as Globals;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A page that draws a frame only when the test says so. */
function fakeFrames(): () => void {
  const waiting: (() => void)[] = [];
  g.requestAnimationFrame = (cb) => waiting.push(cb);
  g.document = { visibilityState: 'visible' };
  return () => {
    for (const cb of waiting.splice(0)) cb();
  };
}

afterEach(() => {
  delete g.requestAnimationFrame;
  delete g.document;
  vi.restoreAllMocks();
});

describe('afterNextPaint', () => {
  it('waits for the next frame, then runs the jobs in the order they were queued', async () => {
    const frame = fakeFrames();
    const ran: string[] = [];
    afterNextPaint(() => ran.push('save tick 1'));
    afterNextPaint(() => ran.push('ask worker'));
    afterNextPaint(() => ran.push('save tick 2'));
    await tick(20);
    expect(ran).toEqual([]); // no frame yet: nothing ran in the click's task or the tasks after it
    frame();
    expect(ran).toEqual([]); // the frame's callback runs before the paint: still nothing
    await tick(5);
    expect(ran).toEqual(['save tick 1', 'ask worker', 'save tick 2']);
  });

  it('runs a job queued by a job after the following frame, not in the same flush', async () => {
    const frame = fakeFrames();
    const ran: string[] = [];
    afterNextPaint(() => {
      ran.push('first');
      afterNextPaint(() => ran.push('second'));
    });
    frame();
    await tick(5);
    expect(ran).toEqual(['first']);
    frame();
    await tick(5);
    expect(ran).toEqual(['first', 'second']);
  });

  it("an earlier frame's late timer does not run the jobs queued after that frame early", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const frame = fakeFrames();
      const ran: string[] = [];
      afterNextPaint(() => ran.push('first'));
      frame();
      await vi.waitUntil(() => ran.length === 1); // painted: the first arming's stand-in timer is still pending
      vi.advanceTimersByTime(60);
      afterNextPaint(() => ran.push('second')); // waits for the next frame (or its own timer, 100 ms from now)
      vi.advanceTimersByTime(50); // the first arming's timer fires
      expect(ran).toEqual(['first']);
      vi.advanceTimersByTime(60); // no frame came: the second's own timer runs it
      expect(ran).toEqual(['first', 'second']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('still runs the jobs when no frame comes (a hidden tab draws none)', async () => {
    fakeFrames(); // frames are requested but never drawn
    const ran: string[] = [];
    afterNextPaint(() => ran.push('save tick'));
    await tick(200);
    expect(ran).toEqual(['save tick']);
  });

  it('runs at once on a timer where there are no frames at all', async () => {
    const job = whenPainted(() => 'saved');
    await expect(job).resolves.toBe('saved');
  });

  it('does not drop the jobs behind one that throws, and does not run a cancelled one', async () => {
    const frame = fakeFrames();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ran: string[] = [];
    afterNextPaint(() => {
      throw new Error('storage full');
    });
    const cancel = afterNextPaint(() => ran.push('cancelled question'));
    const saved = whenPainted(() => ran.push('save tick'));
    cancel();
    frame();
    await saved;
    expect(ran).toEqual(['save tick']);
  });

  it('runs the jobs at once when the tab is closing, without waiting for a frame', async () => {
    fakeFrames(); // no frame will come before the tab goes
    const ran: string[] = [];
    afterNextPaint(() => ran.push('save tick'));
    pageEvents.get('pagehide')?.();
    expect(ran).toEqual(['save tick']);
  });
});
