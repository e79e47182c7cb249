/**
 * The options page's reads and writes of the trusted configuration — all through the worker, which alone
 * writes the config store (src/background/config.ts). Writes are read-modify-write of the latest value.
 */
import browser from 'webextension-polyfill';
import type { ManagedPolicy } from '../../background/policy';
import type { Settings } from '../../core/settings/settings';
import { send } from '../../messaging/client';
import type { ActivePlaybooks, BundleSummary, OptionsConfig } from '../../messaging/protocol';
import { uiLocale } from '../../shared/i18n';
import { type PlaybookStore, readPlaybookStore } from './versions';

export function loadConfig(): Promise<OptionsConfig> {
  return send('config/options', {});
}

export async function loadSettings(): Promise<Settings> {
  return (await loadConfig()).settings;
}

/** Merges `patch(latest)` into the settings stored now; the worker writes the current shape. */
export async function updateSettings(patch: (latest: Settings) => Partial<Settings>): Promise<Settings> {
  const { schemaVersion: _v, disabledSites, customSites, ...rest } = patch(await loadSettings());
  return send('settings/update', {
    ...rest,
    ...(disabledSites ? { disabledSites: [...disabledSites] } : {}),
    ...(customSites ? { customSites: [...customSites] } : {}),
  });
}

export async function loadPlaybookStore(): Promise<PlaybookStore> {
  return readPlaybookStore((await loadConfig()).playbooks);
}

export async function writePlaybookStore(store: PlaybookStore): Promise<void> {
  await send('playbooks/save', { current: store.current, history: [...store.history], savedAt: { ...store.savedAt } });
}

/** The playbook in force and where it comes from, as the worker answers content scripts. */
export function activePlaybook(): Promise<ActivePlaybooks> {
  return send('playbook/active', { locale: uiLocale() });
}

/** The enterprise policy as the worker last read it, `{}` where there is none. */
export async function loadPolicy(): Promise<ManagedPolicy> {
  return (await loadConfig()).policy as ManagedPolicy;
}

export async function loadSalt(): Promise<string | null> {
  return (await loadConfig()).salt;
}

export async function writeSalt(salt: string): Promise<void> {
  await send('salt/set', { salt });
}

export function importTeamBundle(bundle: unknown): Promise<BundleSummary> {
  return send('bundle/import', { bundle });
}

/** Non-secret `storage.local` entries (site health); trusted config is not there. */
export async function loadAll(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}
