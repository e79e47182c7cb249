/**
 * Change detection that works from an isolated world: content scripts cannot see the page's own
 * `history.pushState` calls, so we combine (1) the Navigation API's `currententrychange` where present,
 * (2) a cheap 1 s URL check as fallback, (3) a MutationObserver on the adapter's *narrow* targets (the
 * conversation log, the header) and (4), only while a ticket URL has no rendered ticket yet, a
 * body-subtree observer that disconnects as soon as the ticket root appears. The whole document is
 * never observed for the life of the page.
 */
import type { SiteAdapter } from '../sites/adapter';

const DEBOUNCE_MS = 200;
const URL_POLL_MS = 1_000;

export function watchPage(adapter: SiteAdapter, onChange: (reason: 'url' | 'dom') => void, signal: AbortSignal): void {
  let lastUrl = location.href;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let narrow: MutationObserver | null = null;
  let waiting: MutationObserver | null = null;
  let observed: Element[] = [];

  // Throttle, not debounce: under a constant stream of page mutations a debounce would never fire (new
  // messages would go unread), and re-arming a timer per mutation is itself work on the page's thread.
  const fire = (reason: 'url' | 'dom') => {
    if (debounce && reason === 'dom') return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      if (!signal.aborted) {
        onChange(reason);
        retarget();
      }
    }, reason === 'url' ? 0 : DEBOUNCE_MS);
  };

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
        if (debounce) clearTimeout(debounce);
        debounce = null;
        onChange('dom');
        retarget();
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
    if (debounce) clearTimeout(debounce);
    narrow?.disconnect();
    waiting?.disconnect();
  });
  retarget();
}
