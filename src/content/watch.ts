/**
 * Change detection that works from an isolated world: content scripts cannot see the page's own
 * `history.pushState` calls, so we combine (1) the Navigation API's `currententrychange` where present,
 * (2) a cheap 1 s URL check as fallback, (3) a MutationObserver on the adapter's *narrow* targets (the
 * conversation log, the header) and (4), only while a ticket URL has no rendered ticket yet, a
 * body-subtree observer that disconnects as soon as the ticket root appears. The whole document is
 * never observed for the life of the page.
 */
import type { SiteAdapter } from '../sites/adapter';

/** At most one DOM-driven re-read per this many ms while the page keeps mutating. */
const THROTTLE_MS = 200;
/** A stream that never pauses backs the wait off, doubling up to this: a flood costs at most one read a second. */
const STREAM_MAX_MS = 1_000;
const URL_POLL_MS = 1_000;

/** When to re-read the page: `fire` on each change; `read` is called at the times described below. */
export interface ReadScheduler {
  fire(reason: 'url' | 'dom'): void;
  /** Reads now (the ticket pane just appeared), cancelling what was due. */
  readNow(reason: 'url' | 'dom'): void;
  cancel(): void;
}

/**
 * Throttle with a leading edge. The first mutation after a quiet period is read at once, inside the
 * page's own mutating task (a MutationObserver callback is its microtask), so the panel's update paints
 * in the same frame as the page's change — a trailing delay made the panel lag the pane by the whole
 * delay. Under a constant stream of mutations, later ones within `throttleMs` wait for one trailing
 * read at lastRead + throttleMs: at most one read per `throttleMs`, never one per mutation, and a
 * stream that never pauses is still read (a debounce would starve). Re-arming a timer per mutation
 * would be work on the page's thread, so a mutation that finds a read already due returns at once.
 * Each trailing read means the page did not pause for a whole wait, so the next wait doubles, up to
 * `maxMs` (each read re-reads the conversation and asks the worker: under 1,000 mutations/s, five a second
 * were ~2% of the page's main thread); a mutation after a whole wait without one is read at once and
 * brings the wait back to `throttleMs`.
 */
export function createReadScheduler(
  read: (reason: 'url' | 'dom') => void,
  throttleMs: number,
  now: () => number = () => performance.now(),
  maxMs = STREAM_MAX_MS,
): ReadScheduler {
  /** A re-read already due (trailing edge, or a URL change): later mutations ride on it. */
  let due: ReturnType<typeof setTimeout> | null = null;
  let lastRead = Number.NEGATIVE_INFINITY;
  let wait = throttleMs;
  const cancel = () => {
    if (due) clearTimeout(due);
    due = null;
  };
  const readNow = (reason: 'url' | 'dom') => {
    cancel();
    // Only DOM reads count against the throttle: the pane a URL change announces must not wait for it.
    if (reason === 'dom') lastRead = now();
    read(reason);
  };
  return {
    fire(reason) {
      if (reason === 'url') {
        // A URL change is read on its own task: the SPA usually renders the new pane right after.
        cancel();
        due = setTimeout(() => readNow('url'), 0);
        return;
      }
      if (due) return;
      const left = lastRead + wait - now();
      if (left <= 0) {
        wait = throttleMs;
        readNow('dom');
      } else {
        due = setTimeout(() => {
          wait = Math.min(maxMs, wait * 2);
          readNow('dom');
        }, left);
      }
    },
    readNow,
    cancel,
  };
}

export function watchPage(adapter: SiteAdapter, onChange: (reason: 'url' | 'dom') => void, signal: AbortSignal): void {
  let lastUrl = location.href;
  let narrow: MutationObserver | null = null;
  let waiting: MutationObserver | null = null;
  let observed: Element[] = [];

  const scheduler = createReadScheduler((reason) => {
    if (signal.aborted) return;
    onChange(reason);
    retarget();
  }, THROTTLE_MS);
  const fire = scheduler.fire;

  function retarget(): void {
    const root = adapter.findTicketRoot(document);
    const targets = root ? (adapter.watchTargets?.(document) ?? [root]) : [];
    if (root) {
      waiting?.disconnect();
      waiting = null;
    } else if (!waiting && adapter.ticketIdFromUrl(new URL(location.href)) !== null && document.body) {
      // The SPA is still rendering this ticket: watch the body only until its root appears.
      waiting = new MutationObserver(() => {
        // The pane just rendered: read it now, not after the throttle delay (the panel should paint with it).
        if (!adapter.findTicketRoot(document)) return;
        scheduler.readNow('dom');
      });
      waiting.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-is-active', 'class', 'hidden', 'aria-selected'] });
    }
    if (targets.length === observed.length && targets.every((t, i) => t === observed[i])) return;
    narrow?.disconnect();
    observed = targets;
    if (!targets.length) return;
    narrow = new MutationObserver(() => fire('dom'));
    // A same-origin iframe (ServiceNow's gsft_main) swaps its whole document on navigation: only its
    // `load` event says the new form is there.
    for (const t of targets) if (t.tagName === 'IFRAME') t.addEventListener('load', () => fire('dom'), { signal });
    // No characterData: frameworks replace text nodes (childList) when a field changes, and per-character
    // records during a busy chat are pure overhead on the page's thread.
    for (const t of targets) narrow.observe(t, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-is-active', 'value', 'class', 'aria-selected'] });
    // The pane switcher usually toggles an attribute on the pane itself or its siblings.
    const parent = targets[targets.length - 1]?.parentElement;
    if (parent) narrow.observe(parent, { attributes: true, subtree: false, childList: true });
  }

  const checkUrl = () => {
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      fire('url');
    }
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', checkUrl, { signal });
  window.addEventListener('popstate', checkUrl, { signal });
  const poll = setInterval(checkUrl, URL_POLL_MS);

  signal.addEventListener('abort', () => {
    clearInterval(poll);
    scheduler.cancel();
    narrow?.disconnect();
    waiting?.disconnect();
  });
  retarget();
}
