/**
 * Events a page wrote to the outbox but never got acknowledged (tab closed, page reloaded, browser quit
 * between write and send) are stored by the worker itself: on start-up and on a periodic alarm it drains
 * every `outbox:<eventId>` entry through the same ingestion and trust rules as live events.
 *
 * `storage.local` is writable by every content script, so an entry is taken only when it is signed
 * (src/messaging/outbox-mac.ts) with the key the worker issued for that interaction, and the event passes
 * the trust rules (src/core/log/trust.ts). Each entry is removed once it is stored *or* refused (a refused
 * one is kept aside in `rejected` with its reason), so one poisoned entry never stalls those behind it.
 */
import browser from 'webextension-polyfill';
import { refusal, stampRep } from '../core/log/trust';
import type { LogEvent } from '../core/log/types';
import { macMatches } from './mac-keys';
import { KEYS } from '../shared/storage-keys';
import { getBindings } from '../storage/bindings';
import { db, enqueueEvents } from './db';
import { trustedRepId } from './rep-id';

const BATCH = 500;
const MAX_ENTRY = 8_000;

interface Checked {
  readonly key: string;
  /** The event as parsed (or the raw value when it could not be parsed), handed to ingestion. */
  readonly value: unknown;
  /** Why the entry is refused before validation, or null. */
  readonly problem: string | null;
}

async function check(entries: readonly [string, unknown][]): Promise<Checked[]> {
  const parsed = entries.map(([key, value]) => {
    const entry = value as { json?: unknown; mac?: unknown } | null;
    if (typeof entry?.json !== 'string' || typeof entry.mac !== 'string' || entry.json.length > MAX_ENTRY) return { key, value, event: null };
    try {
      return { key, value, event: JSON.parse(entry.json) as unknown, json: entry.json, mac: entry.mac };
    } catch {
      return { key, value, event: null };
    }
  });
  const ids = parsed.map((p) => (p.event as { interactionId?: unknown } | null)?.interactionId).filter((x): x is string => typeof x === 'string');
  const bindings = await getBindings(await db(), ids);
  const repId = await trustedRepId();
  return Promise.all(
    parsed.map(async (p): Promise<Checked> => {
      if (p.event === null || !('json' in p)) return { key: p.key, value: p.value, problem: 'unsigned or unreadable outbox entry' };
      const e = p.event as Partial<LogEvent>;
      const b = typeof e.interactionId === 'string' ? bindings.get(e.interactionId) : undefined;
      if (!b) return { key: p.key, value: p.event, problem: 'unknown interaction (not issued by the extension)' };
      if (!(await macMatches(b.macKey, p.json, p.mac))) return { key: p.key, value: p.event, problem: 'outbox entry not signed by the tab that opened the interaction' };
      if (p.key !== KEYS.outboxPrefix + e.id) return { key: p.key, value: p.event, problem: 'outbox key does not match the event id' };
      return { key: p.key, value: stampRep(p.event, repId), problem: null };
    }),
  );
}

export async function drainOutboxes(): Promise<number> {
  const all = await browser.storage.local.get(null);
  const entries = Object.entries(all).filter(([key]) => key.startsWith(KEYS.outboxPrefix));
  let stored = 0;
  for (let i = 0; i < entries.length; i += BATCH) {
    const checked = await check(entries.slice(i, i + BATCH));
    const byValue = new Map(checked.map((c) => [c.value, c]));
    const d = await db();
    const ids = checked.map((c) => (c.value as { interactionId?: unknown } | null)?.interactionId).filter((x): x is string => typeof x === 'string');
    const bindings = await getBindings(d, ids);
    const now = Date.now();
    const fate = await enqueueEvents(
      checked.map((c) => c.value),
      undefined,
      (raw, e) => byValue.get(raw)?.problem ?? refusal(e, null, bindings.get(e.interactionId), now),
    );
    const settled = new Set([...fate.acked, ...fate.rejected.map((r) => r.id)]);
    const done = checked.filter((c) => {
      const id = (c.value as { id?: unknown } | null)?.id;
      // Without a usable id the entry was refused under a generated id: it is settled too.
      return typeof id !== 'string' || settled.has(id) || c.problem !== null;
    });
    await browser.storage.local.remove(done.map((c) => c.key));
    stored += fate.acked.length;
  }
  return stored;
}
