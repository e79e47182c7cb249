/**
 * Puts the helpdesk's content script into its tab once the page has loaded, instead of declaring it in
 * the manifest: Chromium holds a page's load event back for every manifest-declared content script (even
 * an empty one), and the panel cannot show a ticket before the helpdesk renders it anyway (figure 11).
 *
 * - `complete` (the load event has run) for a URL of HELPDESK_SCRIPTS → inject that helpdesk's bundle; for
 *   a URL of a granted custom site (custom-sites.ts) → the custom-site bundle, which wins over a built-in
 *   helpdesk's on the same URL; on a host an admin's site names, no built-in bundle at all (custom-sites.ts).
 * - `loading` arms a fallback: a page whose load never comes (a stalled image, a long poll) still gets
 *   the panel FALLBACK_MS later. executeScript then waits for the document to be idle (after
 *   DOMContentLoaded), and the content script itself waits up to 500 ms more for load (src/content/index.ts).
 * - `complete` can come again for the same document (same-document navigations, a late frame) and the
 *   fallback may race it: in a tab this worker has injected before, a tiny probe asks first whether our
 *   isolated world already runs the bundle, so the ~90 kB bundle is not evaluated again; and the bundle
 *   itself mounts at most one panel per page (window.__resolvePlus in src/content/index.ts) whatever runs twice.
 */
import browser from 'webextension-polyfill';
import { customSitesAt } from './custom-sites';
import { helpdeskScriptFor, type InjectedScript } from './helpdesk-scripts';

/** How long after navigation starts a page still loading gets the panel anyway. */
export const FALLBACK_MS = 1500;

const fallbacks = new Map<number, ReturnType<typeof setTimeout>>();
/** Injections per tab run one after another, so the probe sees the previous injection. */
const queues = new Map<number, Promise<void>>();
/** Tabs this worker instance has injected into: later documents there are probed first. */
const injectedBefore = new Set<number>();

/** Runs in our isolated world: is the content script already there? (The page's own `window` is another world.) */
function bundleIsRunning(): boolean {
  // A page element with id="__resolvePlus" shows through window's named properties: only our promise counts.
  return (window as unknown as { __resolvePlus?: unknown }).__resolvePlus instanceof Promise;
}

/** Which bundle a tab's URL gets, if any. Answers come in the order asked (one shared read of the granted sites). */
async function scriptFor(url: string | undefined): Promise<InjectedScript | null> {
  const custom = await customSitesAt(url);
  if (custom === 'host-taken') return null;
  return custom ?? helpdeskScriptFor(url);
}

async function injectNow(tabId: number, script: InjectedScript): Promise<void> {
  const target = { tabId, frameIds: [0] };
  if (injectedBefore.has(tabId)) {
    const [probe] = await browser.scripting.executeScript({ target, func: bundleIsRunning });
    if (probe?.result === true) return;
  }
  await browser.scripting.executeScript({ target, files: [script.file] });
  injectedBefore.add(tabId);
}

function inject(tabId: number, script: InjectedScript): Promise<void> {
  // A tab closed or navigated away meanwhile, or a page Chromium will not script (an error page): nothing to do.
  const next = (queues.get(tabId) ?? Promise.resolve()).then(() => injectNow(tabId, script)).catch(() => {});
  queues.set(tabId, next);
  void next.then(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

function disarm(tabId: number): void {
  clearTimeout(fallbacks.get(tabId));
  fallbacks.delete(tabId);
}

/** tabs.onUpdated: registered synchronously at the worker's top level (src/background/index.ts) so it wakes the worker. */
export function onTabUpdated(tabId: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab): void {
  // The URL may arrive in its own update while the tab is loading: treat it like the start of loading.
  const status = change.status ?? (change.url ? tab.status : undefined);
  if (!status) return;
  if (status !== 'complete' && status !== 'loading') return;
  // tab.url is visible for the helpdesks' hosts without the "tabs" permission: host_permissions cover
  // them, and a custom site's granted host the same way. The lookups resolve in the order of the updates.
  void scriptFor(tab.url).then((script) => {
    disarm(tabId);
    if (status === 'complete') {
      if (script) void inject(tabId, script);
      return;
    }
    if (!script) return;
    fallbacks.set(
      tabId,
      setTimeout(() => {
        fallbacks.delete(tabId);
        // Still on a page of the same helpdesk? (Its own updates would have re-armed or disarmed us.)
        void browser.tabs
          .get(tabId)
          .then(async (t) => ((await scriptFor(t.url))?.id === script.id ? inject(tabId, script) : undefined))
          .catch(() => {});
      }, FALLBACK_MS),
    );
  });
}

/**
 * runtime.onInstalled with reason "install": helpdesk tabs already open (or opened while the worker was
 * first starting, before its listeners existed) get the panel without a reload. Not on "update": the
 * previous version's script may still hold the page (its panel cut off from the worker), and a second
 * one would be refused by it (see the README's note on updates).
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (t) => {
      const script = await scriptFor(t.url);
      return t.id !== undefined && script ? inject(t.id, script) : undefined;
    }),
  );
}

/** tabs.onRemoved: forget the tab. */
export function forgetTab(tabId: number): void {
  disarm(tabId);
  injectedBefore.delete(tabId);
}
