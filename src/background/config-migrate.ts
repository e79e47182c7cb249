/**
 * One-time move of trusted values out of `storage.local` (where versions before the config store kept
 * them, readable and writable by content scripts) into the `config` store. Runs once per installation:
 * the `legacyMoved` flag means later values a content script writes under the old keys are never
 * imported. Browser-free (areas are passed in) so it is unit-tested in Node.
 */
import { CONFIG_KEYS } from '../storage/config-repo';

export interface ConfigBackend {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
}

export interface LegacyArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** The `storage.local` keys earlier versions used for trusted values (same names in the config store). */
export const LEGACY_KEYS = [CONFIG_KEYS.settings, CONFIG_KEYS.playbooks, CONFIG_KEYS.salt, CONFIG_KEYS.policyMirror] as const;

/** Returns the keys moved. A value already in the config store is kept (it is newer than the legacy one). */
export async function moveLegacyConfig(config: ConfigBackend, legacy: LegacyArea): Promise<string[]> {
  if ((await config.read(CONFIG_KEYS.legacyMoved)) !== undefined) return [];
  const old = await legacy.get([...LEGACY_KEYS]);
  const found = LEGACY_KEYS.filter((k) => old[k] !== undefined);
  for (const key of found) {
    if ((await config.read(key)) === undefined) await config.write(key, old[key]);
  }
  // Delete only after the copies are committed; the flag last, so a crash in between repeats the move
  // (idempotent) rather than leaving the old values behind.
  if (found.length) await legacy.remove([...found]);
  await config.write(CONFIG_KEYS.legacyMoved, Date.now());
  return [...found];
}
