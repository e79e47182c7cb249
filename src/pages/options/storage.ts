/** The options page's reads and writes of extension storage. Writes are read-modify-write of the latest value. */
import browser from 'webextension-polyfill';
import { type ManagedPolicy, managedPolicy } from '../../background/policy';
import { migrateSettings, type Settings } from '../../core/settings/settings';
import { send } from '../../messaging/client';
import type { ActivePlaybooks } from '../../messaging/protocol';
import { uiLocale } from '../../shared/i18n';
import { KEYS } from '../../shared/storage-keys';
import { type PlaybookStore, readPlaybookStore } from './versions';

export async function loadSettings(): Promise<Settings> {
  return migrateSettings((await browser.storage.local.get(KEYS.settings))[KEYS.settings]);
}

/** Merges `patch(latest)` into the settings stored now and writes the current shape. */
export async function updateSettings(patch: (latest: Settings) => Partial<Settings>): Promise<Settings> {
  const latest = await loadSettings();
  const next = migrateSettings({ ...latest, ...patch(latest) });
  await browser.storage.local.set({ [KEYS.settings]: next });
  return next;
}

export async function loadPlaybookStore(): Promise<PlaybookStore> {
  return readPlaybookStore((await browser.storage.local.get(KEYS.playbooks))[KEYS.playbooks]);
}

export async function writePlaybookStore(store: PlaybookStore): Promise<void> {
  await browser.storage.local.set({ [KEYS.playbooks]: store });
}

/** The playbook in force and where it comes from, as the worker answers content scripts. */
export function activePlaybook(): Promise<ActivePlaybooks> {
  return send('playbook/active', { locale: uiLocale() });
}

/** The enterprise policy (`storage.managed`), `{}` where there is none or the browser refuses. */
export function loadPolicy(): Promise<ManagedPolicy> {
  return managedPolicy();
}

export async function loadSalt(): Promise<string | null> {
  const v = (await browser.storage.local.get(KEYS.hashSalt))[KEYS.hashSalt];
  return typeof v === 'string' && v !== '' ? v : null;
}

export async function writeSalt(salt: string): Promise<void> {
  await browser.storage.local.set({ [KEYS.hashSalt]: salt });
}

export async function loadAll(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}
