/**
 * Work that must happen soon but not before the rep sees the result of a click: it runs after the next
 * frame has painted (a task posted from that frame's animation-frame callback runs once the frame's
 * rendering is done), so a tick paints without waiting for storage writes, event signing or the worker
 * question (figure 4). Jobs run once each, in the order they were queued, so the events and storage
 * writes they make keep the order the rep made them in.
 *
 * A tab that draws no frames (hidden, or a test runner without `requestAnimationFrame`) still runs its
 * jobs: a timer stands in for the frame, so nothing queued here waits for the tab to be shown. A tab
 * that is closing (`pagehide`) runs them at once.
 */

/** Longest wait for a frame before the queued jobs run anyway (a hidden tab draws none). */
const NO_FRAME_MS = 100;

/**
 * The jobs waiting for the next paint, or null when none wait. Each arming has its own array: a late
 * frame or timer of an earlier arming finds another array here and does not run this one's jobs early.
 */
let batch: (() => void)[] | null = null;
let listening = false;

function flush(mine = batch): void {
  if (!mine || mine !== batch) return;
  // Jobs queued by a job start a new batch: they wait for the next frame, like any job queued after this paint.
  batch = null;
  for (const run of mine) {
    try {
      run();
    } catch (err) {
      // One failing job must not drop the ones behind it (a tick's save behind a failed question).
      console.warn('[Resolve Plus] deferred work failed', err);
    }
  }
}

/** Runs `job` after the next paint (see the file comment); the returned function cancels it if it has not run. */
export function afterNextPaint(job: () => void): () => void {
  if (!batch) {
    const mine: (() => void)[] = [];
    batch = mine;
    // A tab closing or navigating away does not wait for a frame: the queued writes start before it goes.
    if (!listening && typeof addEventListener === 'function') {
      listening = true;
      addEventListener('pagehide', () => flush());
    }
    const frames = typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible';
    setTimeout(() => flush(mine), frames ? NO_FRAME_MS : 0);
    if (frames)
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          flush(mine);
        };
        channel.port2.postMessage(null);
      });
  }
  let live = true;
  batch.push(() => live && job());
  return () => {
    live = false;
  };
}

/** `afterNextPaint` as a promise of the job's result (a job that throws rejects it). */
export function whenPainted<T>(job: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    afterNextPaint(() => {
      try {
        resolve(job());
      } catch (err) {
        reject(err);
      }
    });
  });
}
