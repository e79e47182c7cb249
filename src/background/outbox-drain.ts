/**
 * Events a page wrote to the outbox but never got acknowledged (tab closed, page reloaded, browser quit
 * between write and send) are stored by the worker itself: on start-up and on a periodic alarm it drains
 * every `outbox:<eventId>` entry through the same ingestion as live events. Each entry is removed once it
 * is stored *or* refused (a refused one is kept aside in the `rejected` store with its reason), so one
 * poisoned entry never stalls the entries behind it.
 */
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';
import { enqueueEvents } from './db';

const BATCH = 500;

export async function drainOutboxes(): Promise<number> {
  const all = await browser.storage.local.get(null);
  const entries = Object.entries(all).filter(([key]) => key.startsWith(KEYS.outboxPrefix));
  // Outbox entries come from page-side code: an entry filed under another event's key is refused.
  const keyOf = new Map<unknown, string>(entries.map(([key, value]) => [value, key]));
  const guardRaw = (raw: unknown, e: { id: string }) => (keyOf.get(raw) === KEYS.outboxPrefix + e.id ? null : 'outbox key does not match the event id');
  let stored = 0;
  for (let i = 0; i < entries.length; i += BATCH) {
    const slice = entries.slice(i, i + BATCH);
    const values = slice.map(([, value]) => value);
    const fate = await enqueueEvents(values, undefined, guardRaw);
    const settled = new Set([...fate.acked, ...fate.rejected.map((r) => r.id)]);
    const done = slice.filter(([key, value]) => {
      const id = (value as { id?: unknown } | null)?.id;
      // Without a usable id the entry was refused under a generated id: it is settled too.
      return typeof id !== 'string' || settled.has(id) || key !== KEYS.outboxPrefix + id;
    });
    await browser.storage.local.remove(done.map(([key]) => key));
    stored += fate.acked.length;
  }
  return stored;
}
