/**
 * The worker's one connection to the log database, opened lazily (nothing at start-up that can wait) and
 * reopened after a `versionchange` close. Appends from concurrent messages are coalesced into one
 * `ingestEvents` transaction per tick; each caller gets back exactly its own events' fate.
 */
import type { LogEvent } from '../core/log/types';
import { type IngestResult, ingestEvents, LOCAL_ORIGIN } from '../storage/ingest';
import { type LogDB, openLogDB } from '../storage/open';
import { teamModeOn } from './team/config';
import { SYNC_KEYS } from './team/state';

let dbPromise: Promise<LogDB> | null = null;

export function db(): Promise<LogDB> {
  if (!dbPromise) {
    dbPromise = openLogDB({ onClosed: () => (dbPromise = null) });
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}

export interface EventFate {
  /** Ids now safely in the log: the sender may forget them. */
  readonly acked: string[];
  /** Refused and kept aside in `rejected`: the sender must forget them too (retrying cannot help). */
  readonly rejected: { id: string; reason: string }[];
}

type Guard = (e: LogEvent) => string | null;
type RawGuard = (raw: unknown, e: LogEvent) => string | null;

interface Pending {
  events: readonly unknown[];
  guard: RawGuard | undefined;
  resolve: (fate: EventFate) => void;
  reject: (err: unknown) => void;
}
let queue: Pending[] = [];
let scheduled = false;

async function flush(): Promise<void> {
  scheduled = false;
  const batch = queue;
  queue = [];
  // Each sender's guard applies to its own events only (the tab an event came from matters).
  const guardOf = new Map<unknown, RawGuard | undefined>();
  for (const p of batch) for (const e of p.events) guardOf.set(e, p.guard);
  try {
    const result: IngestResult = await ingestEvents(await db(), batch.flatMap((p) => p.events), LOCAL_ORIGIN, {
      guardRaw: (raw, e) => guardOf.get(raw)?.(raw, e) ?? null,
      // Team mode off: no publish-queue row per event; its backfill queues this history when switched on.
      unqueuedMarker: (await teamModeOn()) ? undefined : SYNC_KEYS.backfill,
    });
    const stored = new Set(result.stored);
    const refused = new Map(result.rejected.map((r) => [r.id, r.reason]));
    for (const p of batch) {
      const ids = p.events.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
      p.resolve({
        acked: ids.filter((id) => stored.has(id)),
        rejected: ids.flatMap((id) => (refused.has(id) && !stored.has(id) ? [{ id, reason: refused.get(id)! }] : [])),
      });
    }
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
}

/** Resolves once the batch's transaction has committed, with what was stored and what was refused. */
export function enqueueEvents(events: readonly unknown[], guard?: Guard, guardRaw?: RawGuard): Promise<EventFate> {
  const combined: RawGuard | undefined =
    guard || guardRaw ? (raw, e) => guard?.(e) ?? guardRaw?.(raw, e) ?? null : undefined;
  return new Promise((resolve, reject) => {
    queue.push({ events, guard: combined, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  });
}
