/**
 * The content script's body: on a recognised helpdesk page, start the controller and mount the panel.
 * Does nothing at all on pages no adapter matches. Each bundle (src/content/bundles/) calls it with the
 * adapters it carries — one built-in helpdesk, or the admin's custom sites — so a bundle is one
 * self-contained file that loads nothing else (no web-accessible resources to fingerprint).
 */
import { browser } from '../shared/ext';
import type { HelpdeskId } from '../core/ticket/types';
import { parseCommand } from '../messaging/commands';
import { KEYS } from '../shared/storage-keys';
import type { SiteAdapter } from '../sites/adapter';
import { send } from '../messaging/client';
import { provideInserter } from '../sites/insert';
import { resilient } from '../sites/resilient';
import { createController } from './controller';
import { genericFallbacks, lazyArrival, lazyInserter } from './lazy/load';
import { mountPanel } from './mount';
import type { PanelConfig } from '../core/settings/effective';
import type { PanelPrefs } from './panel/App';
import { createStore } from './store';

/** What a bundle brings: its adapters, given the rep's settings (custom sites come from there). */
export type AdapterSource = (settings: PanelConfig) => readonly SiteAdapter[];

/**
 * One panel per page, even when a bundle runs twice in it (injected again by the worker's fallback, or
 * after a same-document navigation): bundles take turns through one promise in our isolated world, and a bundle
 * runs only if none before it claimed the page.
 */
export function runContentScript(adaptersFor: AdapterSource): Promise<boolean> {
  const w = window as unknown as { __resolvePlus?: unknown };
  // Only our own promise counts: a page element with id or name "__resolvePlus" shows through window's
  // named properties in this world too, and must neither stop the panel nor break start-up.
  const before = w.__resolvePlus instanceof Promise ? (w.__resolvePlus as Promise<boolean>) : afterLoad();
  const run = before.then((claimed) => claimed || claimPage(adaptersFor).catch(() => false));
  w.__resolvePlus = run;
  return run;
}

/** How long start-up waits for a page that is slow to fire its load event (a stalled image, a long poll). */
const LOAD_WAIT_CAP_MS = 500;

/**
 * Start-up waits for the page's load event. Chromium injects `document_idle` scripts right after
 * DOMContentLoaded when the load event is still to come, so whatever the script does then — the worker
 * round trips' set-up, mounting and rendering the panel — runs before the page's load event and delays
 * it. Evaluating the bundle is all that happens before load now; the rest runs in a task after the load
 * handlers (not inside one: that would still count as load time), or after LOAD_WAIT_CAP_MS for a page
 * whose load never comes. The panel cannot show a ticket before the helpdesk renders it anyway.
 * Resolves `false`: nothing claimed the page yet.
 */
function afterLoad(): Promise<boolean> {
  if (document.readyState === 'complete') return Promise.resolve(false);
  return new Promise((resolve) => {
    const go = () => {
      clearTimeout(cap);
      window.removeEventListener('load', onLoad);
      resolve(false);
    };
    const onLoad = () => setTimeout(go, 0);
    const cap = setTimeout(go, LOAD_WAIT_CAP_MS);
    window.addEventListener('load', onLoad, { once: true });
  });
}

/** Mounts the panel if one of the adapters fits this page; true when it did. */
async function claimPage(adaptersFor: AdapterSource): Promise<boolean> {
  // Read-only answer from the worker (trusted config is out of this world's reach; see src/background/config.ts).
  const settings = await send('config/panel', {});
  // Which bundle runs on a host an admin's custom site names is the worker's choice (custom-sites.ts).
  // `disabledSites` already includes what policy or a team bundle switched off.
  const disabled = new Set<HelpdeskId>(settings.disabledSites);
  const url = new URL(location.href);
  const found = adaptersFor(settings).find((a) => !disabled.has(a.id) && a.matches(url));
  if (!found) return false;
  // The admin's selector overrides for this helpdesk (policy), served by the worker; none if it is unreachable.
  const overrides = await send('sites/overrides', { helpdesk: found.id }).then((r) => r.overrides, () => ({}));
  // The generic fallbacks (drifted pages only) come with the lazy bundle, loaded the first time a read needs one.
  // So does the code that reads admin selector overrides: an org that sets some loads it before the first
  // read, so that read already honours them (if it cannot load, the page is read without them).
  const fallbacks = genericFallbacks();
  if (Object.values(overrides).some((selectors) => !!selectors?.length)) await lazyArrival();
  const adapter = resilient(found, overrides, fallbacks);
  // The insert strategies come with the lazy bundle too (asked for at resolution, before any move shows).
  provideInserter(lazyInserter);

  const abort = new AbortController();
  const { signal } = abort;
  window.addEventListener('pagehide', (e) => !e.persisted && abort.abort(), { once: true });

  const controller = createController({ adapter, repId: settings.repId || 'unknown', agentName: settings.repName }, signal);
  const prefsKey = KEYS.panelPrefix + adapter.id;
  const saved = (await browser.storage.local.get(prefsKey))[prefsKey] as Partial<PanelPrefs> | undefined;
  const prefs = createStore<PanelPrefs>({ x: null, y: null, collapsed: false, ...saved, hidden: false });
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  prefs.subscribe((p) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void browser.storage.local.set({ [prefsKey]: { x: p.x, y: p.y, collapsed: p.collapsed } }), 300);
  });

  const composerTop = () => adapter.findComposer(document)?.getBoundingClientRect().top ?? null;
  const { root, guard } = mountPanel(controller, prefs, settings.theme, composerTop, signal);

  const onMessage = (message: unknown) => {
    // Validated like every message: a malformed or unknown command does nothing.
    const command = parseCommand(message);
    if (!command) return;
    if (command === 'toggle-panel') prefs.set((p) => ({ ...p, hidden: !p.hidden }));
    if (command === 'tick-next-step') void controller.actions.tickNextStep();
    if (command === 'chats-changed') controller.actions.refreshChats();
    if (command === 'next-chat') void controller.actions.switchChat(1);
    if (command === 'focus-panel') {
      // The rep's own shortcut, from the reply box to the panel: its keys then act (the guard trusts this focus).
      prefs.set((p) => ({ ...p, hidden: false, collapsed: false }));
      requestAnimationFrame(() => {
        const section = root.querySelector<HTMLElement>('section.panel');
        if (section) guard.grantFocus(section);
      });
    }
    const top = controller.model.get().evaluation?.eligible[0];
    if (command === 'insert-top-move' && top) void controller.actions.offer(top.move.id, 'insert');
    if (command === 'record-outcome' && top) {
      prefs.set((p) => ({ ...p, hidden: false, collapsed: false }));
      // Focus the top move's outcome buttons; keys 1–4 (or a click) then record the outcome. The rep's own
      // shortcut gave this focus, so the guard lets keys act on it.
      requestAnimationFrame(() => {
        const button = root.querySelector<HTMLElement>('[data-outcomes] button');
        if (button) guard.grantFocus(button);
      });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  void controller.start();
  return true;
}

