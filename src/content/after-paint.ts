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

type Job = { run: () => void; cancelled: boolean };

const queue: Job[] = [];
let armed = false;
/** Which arming a frame or timer belongs to: a late one must not run jobs queued for a later frame early. */
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function flush(): void {
  armed = false;
  clearTimeout(timer);
  // Jobs queued by a job wait for the next frame, like any job queued after this frame's paint.
  for (const job of queue.splice(0)) {
    if (job.cancelled) continue;
    try {
      job.run();
    } catch (err) {
      // One failing job must not drop the ones behind it (a tick's save behind a failed question).
      console.warn('[Resolve Plus] deferred work failed', err);
    }
  }
}

let leaving = false;

function arm(): void {
  // A tab closing or navigating away does not wait for a frame: the queued writes start before it goes.
  if (!leaving && typeof addEventListener === 'function') {
    leaving = true;
    addEventListener('pagehide', flush);
  }
  if (armed) return;
  armed = true;
  const mine = ++generation;
  const frames = typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible';
  timer = setTimeout(() => armed && mine === generation && flush(), frames ? NO_FRAME_MS : 0);
  if (!frames) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (armed && mine === generation) flush();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `job` after the next paint (see the file comment); the returned function cancels it if it has not run. */
export function afterNextPaint(job: () => void): () => void {
  const entry: Job = { run: job, cancelled: false };
  queue.push(entry);
  arm();
  return () => {
    entry.cancelled = true;
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
