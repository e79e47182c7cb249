import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, readConfig, writeConfig } from '../storage/config-repo';
import { openLogDB } from '../storage/open';
import { type ConfigBackend, type LegacyArea, LEGACY_KEYS, moveLegacyConfig } from './config-migrate';
import { createSaltKeeper } from './config-salt';

let n = 0;
async function idbBackend(opts: { readDelayMs?: number } = {}): Promise<ConfigBackend & { writes: string[] }> {
  const db = await openLogDB({ name: `config-${++n}` });
  const writes: string[] = [];
  return {
    writes,
    async read(key) {
      // A slow first read widens the window two first callers race in.
      if (opts.readDelayMs) await new Promise((r) => setTimeout(r, opts.readDelayMs));
      return readConfig(db, key);
    },
    async write(key, value) {
      writes.push(key);
      await writeConfig(db, key, value);
    },
  };
}

function memoryArea(initial: Record<string, unknown>): LegacyArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

describe('customer-key salt', () => {
  it('is created once when two first calls race, and both hash with the salt that is kept', async () => {
    const backend = await idbBackend({ readDelayMs: 20 });
    const keeper = createSaltKeeper(backend, async () => null);
    const [a, b, c] = await Promise.all([keeper.current(), keeper.current(), keeper.current()]);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await backend.read(CONFIG_KEYS.salt)).toBe(a);
    expect(backend.writes.filter((k) => k === CONFIG_KEYS.salt)).toHaveLength(1);
    // A new worker life (new keeper) reads the same salt back.
    expect(await createSaltKeeper(backend, async () => null).current()).toBe(a);
  });

  it('uses a valid policy salt over its own, and keeps an imported salt', async () => {
    const backend = await idbBackend();
    let policy: string | null = 'ab'.repeat(16);
    const keeper = createSaltKeeper(backend, async () => policy);
    expect(await keeper.current()).toBe('ab'.repeat(16));
    expect(await keeper.local()).toBeNull(); // the policy's salt is not copied into the store
    await keeper.set('00112233445566778899AABBCCDDEEFF');
    policy = null;
    expect(await keeper.current()).toBe('00112233445566778899aabbccddeeff');
    await expect(keeper.set('not-a-salt')).rejects.toThrow(/16 to 128 hexadecimal/);
    expect(await keeper.current()).toBe('00112233445566778899aabbccddeeff');
  });
});

describe('moving legacy storage.local config into the config store', () => {
  const legacy = {
    settings: { schemaVersion: 3, repId: 'maria.s', retentionDays: 90 },
    playbooks: { current: { id: 'x' }, history: [], savedAt: {} },
    hashSalt: '0123456789abcdef0123',
    policyMirror: { retentionDays: 30 },
    'ticket:zendesk:1': { keep: true },
  };

  it('copies each value, then deletes it from storage.local, once', async () => {
    const backend = await idbBackend();
    const area = memoryArea(legacy);
    expect((await moveLegacyConfig(backend, area)).sort()).toEqual([...LEGACY_KEYS].sort());
    expect(await backend.read(CONFIG_KEYS.settings)).toEqual(legacy.settings);
    expect(await backend.read(CONFIG_KEYS.playbooks)).toEqual(legacy.playbooks);
    expect(await backend.read(CONFIG_KEYS.salt)).toBe(legacy.hashSalt);
    expect(await backend.read(CONFIG_KEYS.policyMirror)).toEqual(legacy.policyMirror);
    expect(Object.keys(area.data)).toEqual(['ticket:zendesk:1']); // non-config keys untouched

    // A content script writes the old keys afterwards: they are never imported.
    area.data.settings = { schemaVersion: 3, retentionDays: 1 };
    area.data.hashSalt = 'ff'.repeat(16);
    expect(await moveLegacyConfig(backend, area)).toEqual([]);
    expect(await backend.read(CONFIG_KEYS.settings)).toEqual(legacy.settings);
    expect(await backend.read(CONFIG_KEYS.salt)).toBe(legacy.hashSalt);
  });

  it('keeps a value already in the config store, and marks a fresh install as moved', async () => {
    const backend = await idbBackend();
    await backend.write(CONFIG_KEYS.salt, 'aa'.repeat(16));
    const area = memoryArea({ hashSalt: 'bb'.repeat(16) });
    await moveLegacyConfig(backend, area);
    expect(await backend.read(CONFIG_KEYS.salt)).toBe('aa'.repeat(16));
    expect(area.data).toEqual({});

    const fresh = await idbBackend();
    expect(await moveLegacyConfig(fresh, memoryArea({}))).toEqual([]);
    expect(await fresh.read(CONFIG_KEYS.legacyMoved)).toEqual(expect.any(Number));
    // Values planted after a fresh install are ignored too.
    expect(await moveLegacyConfig(fresh, memoryArea({ settings: { retentionDays: 1 } }))).toEqual([]);
    expect(await fresh.read(CONFIG_KEYS.settings)).toBeUndefined();
  });

  it('a failed copy deletes nothing and the next run moves it', async () => {
    const backend = await idbBackend();
    const area = memoryArea({ settings: legacy.settings });
    const failing: ConfigBackend = { read: backend.read, write: async () => Promise.reject(new Error('QuotaExceededError')) };
    await expect(moveLegacyConfig(failing, area)).rejects.toThrow('QuotaExceededError');
    expect(area.data.settings).toEqual(legacy.settings);
    await moveLegacyConfig(backend, area);
    expect(await backend.read(CONFIG_KEYS.settings)).toEqual(legacy.settings);
    expect(area.data).toEqual({});
  });
});
