/**
 * Events a page wrote to the outbox but never got acknowledged (tab closed, page reloaded, browser quit
 * between write and send) are stored by the worker itself: on start-up and on a periodic alarm it drains
 * every `outbox:<eventId>` entry into the database, then removes exactly the entries it stored.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import type { LogEvent } from '../core/log/types';
import { logEventSchema } from '../core/log/validate';
import { KEYS } from '../shared/storage-keys';
import { enqueueEvents } from './db';

const BATCH = 500;

export async function drainOutboxes(): Promise<number> {
  const all = await browser.storage.local.get(null);
  const valid: LogEvent[] = [];
  const invalid: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(KEYS.outboxPrefix)) continue;
    // Outbox entries come from page-side code: validate them like a message before storing.
    if (v.is(logEventSchema, value) && key === KEYS.outboxPrefix + value.id) valid.push(value);
    else invalid.push(key);
  }
  if (invalid.length) await browser.storage.local.remove(invalid);
  valid.sort((a, b) => a.at - b.at); // starts before moves, as they happened
  let stored = 0;
  for (let i = 0; i < valid.length; i += BATCH) {
    const acked = await enqueueEvents(valid.slice(i, i + BATCH));
    await browser.storage.local.remove(acked.map((id) => KEYS.outboxPrefix + id));
    stored += acked.length;
  }
  return stored;
}
