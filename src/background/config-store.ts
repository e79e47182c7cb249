/**
 * The worker's access to the trusted `config` store: every read waits for the one-time move of legacy
 * `storage.local` values, reads are cached for the worker's life (the worker is the only writer, so the
 * cache cannot go stale), and every write bumps a non-secret counter in `storage.local` so content
 * scripts and pages know to ask again (they watch `KEYS.configChanged`; its value carries no config).
 */
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';
import { readConfig, writeConfig } from '../storage/config-repo';
import { type ConfigBackend, type LegacyArea, moveLegacyConfig } from './config-migrate';
import { db } from './db';

const direct: ConfigBackend = {
  read: async (key) => readConfig(await db(), key),
  write: async (key, value) => writeConfig(await db(), key, value),
};

let moved: Promise<unknown> | null = null;
function legacyMoved(): Promise<unknown> {
  if (!moved) {
    moved = moveLegacyConfig(direct, browser.storage.local as unknown as LegacyArea);
    moved.catch(() => (moved = null));
  }
  return moved;
}

const cache = new Map<string, unknown>();
let changes = 0;

export async function readConfigValue(key: string): Promise<unknown> {
  await legacyMoved();
  if (cache.has(key)) return cache.get(key);
  const seen = changes;
  const value = await direct.read(key);
  // A write that landed while this read was in flight owns the cache entry.
  if (seen === changes) cache.set(key, value);
  return value;
}

export async function writeConfigValue(key: string, value: unknown): Promise<void> {
  await legacyMoved();
  cache.delete(key);
  changes++;
  await direct.write(key, value);
  cache.set(key, value);
  await browser.storage.local.set({ [KEYS.configChanged]: `${Date.now()}.${changes}` });
}

/** Runs `work` after every earlier `serialized` call: read-modify-write of one key never interleaves. */
let chain: Promise<unknown> = Promise.resolve();
export function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => {});
  return next;
}

export const configBackend: ConfigBackend = { read: readConfigValue, write: writeConfigValue };

/** For the migration on update: run it now rather than on first use. */
export const moveLegacyNow = legacyMoved;
