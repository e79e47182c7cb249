/** What the dashboard reads: settings (CSV BOM default; from the worker) and the worker's storage problem flag (`storage.local`). */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../../core/settings/settings';
import { send } from '../../messaging/client';
import { KEYS } from '../../shared/storage-keys';

export interface StorageProblem {
  readonly message: string;
  readonly at: number | null;
}

export function asStorageProblem(value: unknown): StorageProblem | null {
  if (value === undefined || value === null || value === false) return null;
  if (typeof value === 'object') {
    const { message, at } = value as { message?: unknown; at?: unknown };
    return { message: typeof message === 'string' ? message.slice(0, 300) : '', at: typeof at === 'number' ? at : null };
  }
  return { message: typeof value === 'string' ? value.slice(0, 300) : '', at: null };
}

/** A `storage.local` value kept current through `onChanged` (the worker sets and clears the flags). */
function useStored<T>(key: string, map: (raw: unknown) => T, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((r) => live && setValue(map(r[key])));
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && key in changes) setValue(map(changes[key]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  return value;
}

/** The rep's settings from the worker's trusted config store, re-read whenever the worker's change counter moves. */
export function useSettings(): Settings {
  const counter = useStored(KEYS.configChanged, (raw) => raw, undefined as unknown);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    void send('config/options', {})
      .then((c) => live && setSettings(migrateSettings(c.settings)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [counter]);
  return settings;
}
export const useStorageProblem = (): StorageProblem | null => useStored(KEYS.storageProblem, asStorageProblem, null);
