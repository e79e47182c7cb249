/**
 * Periodic work on `alarms` (never a keep-alive): a daily retention cleanup and a frequent outbox drain
 * that stores events whose page went away before they were acknowledged.
 */
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';
import { purgeBindingsBefore } from '../storage/bindings';
import { openInteractionIds, purgeBefore } from '../storage/log-repo';
import { db, enqueueEvents } from './db';
import { drainOutboxes } from './outbox-drain';
import { retentionDays } from './config';

const DAY = 86_400_000;
export const ALARMS = { retention: 'retention-daily', drain: 'outbox-drain' } as const;

export async function scheduleMaintenance(): Promise<void> {
  if (!(await browser.alarms.get(ALARMS.retention))) {
    await browser.alarms.create(ALARMS.retention, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
  }
  if (!(await browser.alarms.get(ALARMS.drain))) {
    await browser.alarms.create(ALARMS.drain, { periodInMinutes: 1 });
  }
}

/** Deletes log records and per-ticket panel state older than the retention window. */
export async function cleanup(now = Date.now()): Promise<number> {
  const cutoff = now - (await retentionDays()) * DAY;
  const removed = await purgeBefore(await db(), cutoff);
  await purgeBindingsBefore(await db(), cutoff);
  // Interactions left open for over a day (browser crashed, tab never closed cleanly) end as abandoned.
  const stale = await openInteractionIds(await db(), now - DAY);
  if (stale.length) {
    await enqueueEvents(stale.map((interactionId) => ({ id: `abandon:${interactionId}`, at: now, interactionId, type: 'interaction-ended', reason: 'abandoned' }) as const));
  }
  const all = await browser.storage.local.get(null);
  const oldTickets = Object.entries(all)
    .filter(([k, v]) => k.startsWith(KEYS.ticketPrefix) && typeof (v as { touchedAt?: number })?.touchedAt === 'number' && (v as { touchedAt: number }).touchedAt < now - 7 * DAY)
    .map(([k]) => k);
  if (oldTickets.length) await browser.storage.local.remove(oldTickets);
  return removed;
}

export async function runMaintenance(name: string): Promise<void> {
  if (name === ALARMS.retention) await cleanup();
  if (name === ALARMS.drain) await drainOutboxes();
}
