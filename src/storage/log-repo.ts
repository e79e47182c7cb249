/**
 * Repository functions over the log database. Writes are idempotent by event id (the same event twice is
 * one record) and batched: one readwrite transaction per batch, because per-record transactions are ~10×
 * slower in Chromium (shared/reference/toolchain.md).
 */
import { attemptId, backfillAttempt, reduceAttempt, reduceInteraction, reduceWrapup } from '../core/log/reduce';
import type { Attempt, Interaction, LogEvent, Wrapup } from '../core/log/types';
import type { LogDB } from './open';
import type { ResolvePlusDB, Review } from './schema';
import type { IDBPTransaction } from 'idb';

const STORES = ['events', 'interactions', 'attempts', 'wrapups'] as const;

/**
 * Stores events not seen before and updates the derived records. Returns the ids now safely stored.
 * All reads of a batch are issued at once (IndexedDB serves them in order inside the transaction), the
 * records are derived in memory, then written — a request-by-request await would cost an event-loop
 * turn per read and made batches several times slower.
 */
export async function appendEvents(db: LogDB, events: readonly LogEvent[], source = 'local'): Promise<string[]> {
  if (events.length === 0) return [];
  // `sync`: the team-mode publish queue gets its row in the event's own transaction (see below). Only for
  // local events: a large pulled batch must not lock the store pages read team status from.
  const tx = db.transaction(source === 'local' ? ([...STORES, 'sync'] as const) : STORES, 'readwrite');
  const eventStore = tx.objectStore('events');
  const queue = source === 'local' ? (tx as unknown as IDBPTransaction<ResolvePlusDB, ['sync'], 'readwrite'>).objectStore('sync') : null;
  const interactionStore = tx.objectStore('interactions');
  const attemptStore = tx.objectStore('attempts');
  const wrapupStore = tx.objectStore('wrapups');
  const unique = [...new Map(events.map((e) => [e.id, e])).values()];
  const existing = await Promise.all(unique.map((e) => eventStore.getKey(e.id)));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  const interactionIds = [...new Set(fresh.map((e) => e.interactionId))];
  const attemptIds = [
    ...new Set(fresh.flatMap((e) => ('moveId' in e ? [attemptId(e.interactionId, e.moveId)] : []))),
  ];
  const wrapupIds = [...new Set(fresh.filter((e) => e.type === 'wrapup').map((e) => e.interactionId))];
  const startedIds = [...new Set(fresh.filter((e) => e.type === 'interaction-started').map((e) => e.interactionId))];
  const [interactionRows, attemptRows, wrapupRows, earlyAttempts] = await Promise.all([
    Promise.all(interactionIds.map((id) => interactionStore.get(id))),
    Promise.all(attemptIds.map((id) => attemptStore.get(id))),
    Promise.all(wrapupIds.map((id) => wrapupStore.get(id))),
    Promise.all(startedIds.map((id) => attemptStore.index('by-interaction').getAll(id))),
  ]);
  const interactions = new Map(interactionIds.map((id, i) => [id, interactionRows[i]]));
  const attempts = new Map(attemptIds.map((id, i) => [id, attemptRows[i]]));
  const wrapups = new Map(wrapupIds.map((id, i) => [id, wrapupRows[i]]));
  for (const rows of earlyAttempts) for (const a of rows) if (!attempts.has(a.id)) attempts.set(a.id, a);
  const touched = { interactions: new Set<string>(), attempts: new Set<string>(), wrapups: new Set<string>() };

  try {
    writeBatch();
  } catch (err) {
    // All or nothing: a put that throws must not let the transaction commit the puts before it.
    tx.abort();
    await tx.done.catch(() => {});
    throw err;
  }
  await tx.done;
  return unique.map((e) => e.id);

  function writeBatch(): void {
    const queuedAt = Date.now();
    for (const e of fresh) {
      eventStore.put(e);
      // Team mode publishes events logged in this browser (never re-publishes pulled or merged ones).
      queue?.put({ key: `pub:${e.id}`, value: { at: e.at }, updatedAt: queuedAt });
      const before = interactions.get(e.interactionId);
      const after = reduceInteraction(before, e, source);
      if (after && after !== before) {
        interactions.set(e.interactionId, after);
        touched.interactions.add(e.interactionId);
        if (e.type === 'interaction-started' && !before) {
          // Attempts that arrived before their interaction's start take its fields now.
          for (const [id, a] of attempts) {
            if (a && a.interactionId === e.interactionId) {
              attempts.set(id, backfillAttempt(a, after));
              touched.attempts.add(id);
            }
          }
        }
      }
      if (e.type === 'move-shown' || e.type === 'move-offered' || e.type === 'move-outcome') {
        const id = attemptId(e.interactionId, e.moveId);
        const next = reduceAttempt(attempts.get(id), after, e, source);
        if (next) {
          attempts.set(id, next);
          touched.attempts.add(id);
        }
      } else if (e.type === 'wrapup') {
        const next = reduceWrapup(wrapups.get(e.interactionId), e);
        if (next) {
          wrapups.set(e.interactionId, next);
          touched.wrapups.add(e.interactionId);
        }
      }
    }
    for (const id of touched.interactions) interactionStore.put(interactions.get(id)!);
    for (const id of touched.attempts) attemptStore.put(attempts.get(id)!);
    for (const id of touched.wrapups) wrapupStore.put(wrapups.get(id)!);
  }
}

export interface PriorAttempt {
  readonly moveId: string;
  readonly kind: Attempt['moveKind'];
  readonly at: number;
  readonly outcome: Attempt['outcome'];
  /** False for a move that was only shown to a rep: it never reached the customer, so it caps nothing. */
  readonly offered?: boolean;
}

/** This customer's attempts from other interactions (frequency cap), across merged logs. */
export async function customerHistory(db: LogDB, customerKey: string, excludeInteraction: string): Promise<PriorAttempt[]> {
  if (!customerKey) return [];
  const rows = await db.getAllFromIndex('attempts', 'by-customer', customerKey);
  return rows
    .filter((a) => a.interactionId !== excludeInteraction)
    .map((a) => ({
      moveId: a.moveId,
      kind: a.moveKind,
      at: a.offeredAt ?? a.outcomeAt ?? a.loggedAt,
      outcome: a.outcome,
      ...(a.offeredAt === null && a.outcome === null ? { offered: false } : {}),
    }));
}

export interface Timeline {
  readonly interaction: Interaction | undefined;
  readonly events: LogEvent[];
  readonly attempts: Attempt[];
  readonly wrapup: Wrapup | undefined;
}

export async function timeline(db: LogDB, interactionId: string): Promise<Timeline> {
  const tx = db.transaction(['events', 'interactions', 'attempts', 'wrapups'], 'readonly');
  const [interaction, events, attempts, wrapup] = await Promise.all([
    tx.objectStore('interactions').get(interactionId),
    tx.objectStore('events').index('by-interaction').getAll(interactionId),
    tx.objectStore('attempts').index('by-interaction').getAll(interactionId),
    tx.objectStore('wrapups').get(interactionId),
  ]);
  events.sort((a, b) => a.at - b.at);
  return { interaction, events, attempts, wrapup };
}

export interface Snapshot {
  readonly events: LogEvent[];
  readonly interactions: Interaction[];
  readonly attempts: Attempt[];
  readonly wrapups: Wrapup[];
}

export async function readAll(db: LogDB): Promise<Snapshot> {
  const tx = db.transaction(STORES, 'readonly');
  const [events, interactions, attempts, wrapups] = await Promise.all([
    tx.objectStore('events').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('attempts').getAll(),
    tx.objectStore('wrapups').getAll(),
  ]);
  return { events, interactions, attempts, wrapups };
}

export interface MergeCounts {
  added: number;
  duplicates: number;
}

/**
 * Merges records from another rep's export or a backup: de-duplicated by id, existing records are never
 * overwritten (the first copy wins), and the whole merge is one transaction — all or nothing.
 */
export async function mergeRecords(db: LogDB, snap: Partial<Snapshot>): Promise<MergeCounts> {
  const counts = { added: 0, duplicates: 0 };
  const tx = db.transaction(STORES, 'readwrite');
  const put = async <S extends (typeof STORES)[number]>(store: S, rows: readonly unknown[] | undefined, key: (r: never) => string) => {
    const os = tx.objectStore(store);
    for (const row of rows ?? []) {
      if ((await os.getKey(key(row as never))) !== undefined) counts.duplicates++;
      else {
        os.put(row as never);
        counts.added++;
      }
    }
  };
  await put('events', snap.events, (r: LogEvent) => r.id);
  await put('interactions', snap.interactions, (r: Interaction) => r.id);
  await put('attempts', snap.attempts, (r: Attempt) => r.id);
  await put('wrapups', snap.wrapups, (r: Wrapup) => r.interactionId);
  await tx.done;
  return counts;
}

/** Retention: delete everything that started (or was logged) before `cutoff`. */
export async function purgeBefore(db: LogDB, cutoff: number): Promise<number> {
  const tx = db.transaction([...STORES, 'reviews'] as const, 'readwrite');
  let removed = 0;
  const range = IDBKeyRange.upperBound(cutoff, true);
  for await (const cursor of tx.objectStore('events').index('by-at').iterate(range)) {
    cursor.delete();
    removed++;
  }
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
  return rows.filter((i) => i.endedAt === null).map((i) => i.id);
}

export async function saveReview(db: LogDB, review: Review): Promise<void> {
  await db.put('reviews', review);
}
