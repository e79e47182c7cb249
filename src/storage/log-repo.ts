/**
 * Repository functions over the log database. Writes are idempotent by event id (the same event twice is
 * one record) and batched: one readwrite transaction per batch, because per-record transactions are ~10×
 * slower in Chromium (shared/reference/toolchain.md).
 */
import type { Attempt, Interaction, LogEvent, Wrapup } from '../core/log/types';
import { type HistoryAttempt, toHistoryAttempt } from '../core/playbook/history';
import { ingestEvents, LOCAL_ORIGIN } from './ingest';
import type { LogDB } from './open';
import type { Review } from './schema';
import { pruneTeamEvents, TEAM_EVENTS, teamEventsOf } from './team-log';

const STORES = ['events', 'interactions', 'attempts', 'wrapups'] as const;

/**
 * Stores the rep's own (already valid) events and re-projects what they touch; returns the ids now
 * safely stored. A thin wrapper over `ingestEvents`, kept for callers that hold typed events; events
 * refused by validation are kept aside in `rejected` and are simply not in the returned list.
 */
export async function appendEvents(db: LogDB, events: readonly LogEvent[], source = 'local'): Promise<string[]> {
  const origin = source === 'local' ? LOCAL_ORIGIN : 'merge';
  return (await ingestEvents(db, events, origin, { source })).stored;
}

/** This customer's attempts from other interactions (frequency cap), across merged logs, in the engine's one history shape. */
export async function customerHistory(db: LogDB, customerKey: string, excludeInteraction: string): Promise<HistoryAttempt[]> {
  if (!customerKey) return [];
  const rows = await db.getAllFromIndex('attempts', 'by-customer', customerKey);
  return rows.filter((a) => a.interactionId !== excludeInteraction).map(toHistoryAttempt);
}

export interface Timeline {
  readonly interaction: Interaction | undefined;
  readonly events: LogEvent[];
  readonly attempts: Attempt[];
  readonly wrapup: Wrapup | undefined;
}

export async function timeline(db: LogDB, interactionId: string): Promise<Timeline> {
  const tx = db.transaction(['events', 'interactions', 'attempts', 'wrapups', TEAM_EVENTS], 'readonly');
  const [interaction, ownEvents, attempts, wrapup, pulled] = await Promise.all([
    tx.objectStore('interactions').get(interactionId),
    tx.objectStore('events').index('by-interaction').getAll(interactionId),
    tx.objectStore('attempts').index('by-interaction').getAll(interactionId),
    tx.objectStore('wrapups').get(interactionId),
    tx.objectStore(TEAM_EVENTS).get(interactionId),
  ]);
  const events = [...ownEvents, ...teamEventsOf(pulled)];
  events.sort((a, b) => a.at - b.at);
  return { interaction, events, attempts, wrapup };
}

export interface Snapshot {
  readonly events: LogEvent[];
  readonly interactions: Interaction[];
  readonly attempts: Attempt[];
  readonly wrapups: Wrapup[];
  /** Present in merges of backups that carry the team lead's reviews. */
  readonly reviews?: Review[];
}

export async function readAll(db: LogDB): Promise<Snapshot> {
  const tx = db.transaction([...STORES, TEAM_EVENTS] as const, 'readonly');
  const [ownEvents, interactions, attempts, wrapups, pulled] = await Promise.all([
    tx.objectStore('events').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('attempts').getAll(),
    tx.objectStore('wrapups').getAll(),
    tx.objectStore(TEAM_EVENTS).getAll(),
  ]);
  const events = [...ownEvents, ...pulled.flatMap((r) => teamEventsOf(r))];
  return { events, interactions, attempts, wrapups };
}

export interface MergeCounts {
  added: number;
  duplicates: number;
  /** Events refused by validation (kept aside in `rejected`). */
  rejected: number;
}

/**
 * Merges another rep's export or a backup. Events go through `ingestEvents` (validated, idempotent, and
 * every touched interaction re-projected from its events — never a first-wins copy of a derived row).
 * Derived rows are taken only for interactions that have no events at all (a CSV carries no events);
 * for those the first copy wins. Reviews keep the most recent rating.
 */
export async function mergeRecords(db: LogDB, snap: Partial<Snapshot>, source = 'merge'): Promise<MergeCounts> {
  const counts = { added: 0, duplicates: 0, rejected: 0 };
  if (snap.events?.length) {
    const r = await ingestEvents(db, snap.events, 'merge', { source });
    counts.added += r.fresh;
    counts.duplicates += r.stored.length - r.fresh;
    counts.rejected += r.rejected.length;
  }
  const tx = db.transaction([...STORES, 'reviews', TEAM_EVENTS] as const, 'readwrite');
  const logged = new Map<string, Promise<boolean>>();
  const hasEvents = (interactionId: string) => {
    let p = logged.get(interactionId);
    if (!p) {
      p = Promise.all([tx.objectStore('events').index('by-interaction').count(interactionId), tx.objectStore(TEAM_EVENTS).count(interactionId)]).then(
        ([own, pulled]) => own + pulled > 0,
      );
      logged.set(interactionId, p);
    }
    return p;
  };
  const put = async <S extends 'interactions' | 'attempts' | 'wrapups'>(store: S, rows: readonly unknown[] | undefined, key: (r: never) => string, owner: (r: never) => string) => {
    const os = tx.objectStore(store);
    for (const row of rows ?? []) {
      if ((await hasEvents(owner(row as never))) || (await os.getKey(key(row as never))) !== undefined) counts.duplicates++;
      else {
        os.put(row as never);
        counts.added++;
      }
    }
  };
  await put('interactions', snap.interactions, (r: Interaction) => r.id, (r: Interaction) => r.id);
  await put('attempts', snap.attempts, (r: Attempt) => r.id, (r: Attempt) => r.interactionId);
  await put('wrapups', snap.wrapups, (r: Wrapup) => r.interactionId, (r: Wrapup) => r.interactionId);
  for (const review of snap.reviews ?? []) {
    const mine = await tx.objectStore('reviews').get(review.attemptId);
    if (mine && mine.reviewedAt >= review.reviewedAt) counts.duplicates++;
    else {
      tx.objectStore('reviews').put(review);
      counts.added++;
    }
  }
  await tx.done;
  return counts;
}

/** Retention: delete everything that started (or was logged) before `cutoff`. */
export async function purgeBefore(db: LogDB, cutoff: number): Promise<number> {
  const tx = db.transaction([...STORES, 'reviews', TEAM_EVENTS] as const, 'readwrite');
  let removed = 0;
  const range = IDBKeyRange.upperBound(cutoff, true);
  for await (const cursor of tx.objectStore('events').index('by-at').iterate(range)) {
    cursor.delete();
    removed++;
  }
  removed += await pruneTeamEvents(tx.objectStore(TEAM_EVENTS), cutoff);
  for await (const cursor of tx.objectStore('interactions').index('by-started').iterate(range)) {
    tx.objectStore('wrapups').delete(cursor.value.id);
    cursor.delete();
    removed++;
  }
  for await (const cursor of tx.objectStore('attempts').index('by-logged').iterate(range)) {
    tx.objectStore('reviews').delete(cursor.value.id);
    cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}

/** Interactions never ended whose tab is gone: closed as abandoned, never silently dropped. */
export async function openInteractionIds(db: LogDB, startedBefore: number): Promise<string[]> {
  const rows = await db.getAllFromIndex('interactions', 'by-started', IDBKeyRange.upperBound(startedBefore));
  // Only this browser's own: another rep's interaction (pulled from the team stream or merged from a file)
  // is theirs to end; closing it here would publish an "abandoned" under this rep's name.
  return rows.filter((i) => i.endedAt === null && i.source === 'local').map((i) => i.id);
}

export async function saveReview(db: LogDB, review: Review): Promise<void> {
  await db.put('reviews', review);
}
