/**
 * Content script entry: on a recognised helpdesk page, start the controller and mount the panel.
 * Does nothing at all on pages no adapter matches.
 */
import { browser } from '../shared/ext';
import { migrateSettings } from '../core/settings/settings';
import type { HelpdeskId } from '../core/ticket/types';
import { parseCommand } from '../messaging/commands';
import { KEYS } from '../shared/storage-keys';
import type { SiteAdapter } from '../sites/adapter';
import { loadAdapterFor } from '../sites/sites';
import { createController } from './controller';
import { mountPanel } from './mount';
import type { PanelPrefs } from './panel/App';
import { createStore } from './store';

async function main(): Promise<void> {
  // One panel per page, even if the script is injected twice (custom-site registration + manifest).
  const flag = '__resolvePlusLoaded';
  if ((window as unknown as Record<string, boolean>)[flag]) return;
  (window as unknown as Record<string, boolean>)[flag] = true;

  const settings = migrateSettings((await browser.storage.local.get(KEYS.settings))[KEYS.settings]);
  const custom: SiteAdapter[] = [];
  if (settings.customSites.length > 0) {
    // Loaded only where an admin defined custom sites: it brings the schema library with it.
    const { createCustomAdapter, parseCustomSite } = await import('../sites/adapters/custom');
    for (const raw of settings.customSites) {
      const parsed = parseCustomSite(raw);
      if (parsed.ok) custom.push(createCustomAdapter(parsed.config));
    }
  }
  // Sites an administrator switched off by policy stay off whatever the rep's own settings say.
  const policy = (await browser.storage.local.get(KEYS.policyMirror))[KEYS.policyMirror] as { disabledSites?: unknown } | undefined;
  const policyOff = Array.isArray(policy?.disabledSites) ? policy.disabledSites.filter((x): x is HelpdeskId => typeof x === 'string') : [];
  const adapter = await loadAdapterFor(new URL(location.href), custom, new Set([...settings.disabledSites, ...policyOff]));
  if (!adapter) return;

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
  const shadow = mountPanel(controller, prefs, settings.theme, composerTop, signal);

  const onMessage = (message: unknown) => {
    // Validated like every message: a malformed or unknown command does nothing.
    const command = parseCommand(message);
    if (!command) return;
    if (command === 'toggle-panel') prefs.set((p) => ({ ...p, hidden: !p.hidden }));
    if (command === 'tick-next-step') void controller.actions.tickNextStep();
    const top = controller.model.get().evaluation?.eligible[0];
    if (command === 'insert-top-move' && top) void controller.actions.offer(top.move.id, 'insert');
    if (command === 'record-outcome' && top) {
      prefs.set((p) => ({ ...p, hidden: false, collapsed: false }));
      // Focus the top move's outcome buttons; keys 1–4 (or a click) then record the outcome.
      requestAnimationFrame(() => (shadow.querySelector('[data-outcomes] button') as HTMLElement | null)?.focus());
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  await controller.start();
}

void main();
