/**
 * The worker's one connection to the log database, opened lazily (nothing at start-up that can wait) and
 * reopened after a `versionchange` close. Appends from concurrent messages are coalesced into one
 * transaction per tick.
 */
import type { LogEvent } from '../core/log/types';
import { appendEvents } from '../storage/log-repo';
import { type LogDB, openLogDB } from '../storage/open';

let dbPromise: Promise<LogDB> | null = null;

export function db(): Promise<LogDB> {
  if (!dbPromise) {
    dbPromise = openLogDB({ onClosed: () => (dbPromise = null) });
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}

interface Pending {
  events: readonly LogEvent[];
  resolve: (ids: string[]) => void;
  reject: (err: unknown) => void;
}
let queue: Pending[] = [];
let scheduled = false;

async function flush(): Promise<void> {
  scheduled = false;
  const batch = queue;
  queue = [];
  try {
    const ids = new Set(await appendEvents(await db(), batch.flatMap((p) => p.events)));
    for (const p of batch) p.resolve(p.events.map((e) => e.id).filter((id) => ids.has(id)));
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
}

/** Resolves with the ids stored (or already stored) once the batch's transaction has committed. */
export function enqueueEvents(events: readonly LogEvent[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    queue.push({ events, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setTimeout(flush, 0);
    }
  });
}
