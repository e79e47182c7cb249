/**
 * Repository functions over the log database. Writes are idempotent by event id (the same event twice is
 * one record) and batched: one readwrite transaction per batch, because per-record transactions are ~10×
 * slower in Chromium (shared/reference/toolchain.md).
 */
import { attemptId, backfillAttempt, reduceAttempt, reduceInteraction, reduceWrapup } from '../core/log/reduce';
import type { Attempt, Interaction, LogEvent, Wrapup } from '../core/log/types';
import type { LogDB } from './open';
import type { Review } from './schema';

const STORES = ['events', 'interactions', 'attempts', 'wrapups'] as const;

/** Stores events not seen before and updates the derived records. Returns the ids now safely stored. */
export async function appendEvents(db: LogDB, events: readonly LogEvent[], source = 'local'): Promise<string[]> {
  if (events.length === 0) return [];
  const tx = db.transaction(STORES, 'readwrite');
  const eventStore = tx.objectStore('events');
  const interactionStore = tx.objectStore('interactions');
  const attemptStore = tx.objectStore('attempts');
  const wrapupStore = tx.objectStore('wrapups');
  // Cache records touched in this batch so several events on one interaction cost one read each.
  const interactions = new Map<string, Interaction | undefined>();
  const attempts = new Map<string, Attempt | undefined>();
  const seen = new Set<string>();
  const getInteraction = async (id: string) => {
    if (!interactions.has(id)) interactions.set(id, await interactionStore.get(id));
    return interactions.get(id);
  };
  for (const e of events) {
    if (seen.has(e.id) || (await eventStore.getKey(e.id)) !== undefined) {
      seen.add(e.id);
      continue; // already stored: acknowledge again, change nothing
    }
    seen.add(e.id);
    eventStore.put(e);
    const before = await getInteraction(e.interactionId);
    const after = reduceInteraction(before, e, source);
    if (after && after !== before) {
      interactions.set(e.interactionId, after);
      interactionStore.put(after);
      if (e.type === 'interaction-started' && !before) {
        for (const a of await attemptStore.index('by-interaction').getAll(e.interactionId)) {
          const filled = backfillAttempt(a, after);
          attempts.set(a.id, filled);
          attemptStore.put(filled);
        }
      }
    }
    if (e.type === 'move-shown' || e.type === 'move-offered' || e.type === 'move-outcome') {
      const id = attemptId(e.interactionId, e.moveId);
      if (!attempts.has(id)) attempts.set(id, await attemptStore.get(id));
      const next = reduceAttempt(attempts.get(id), after, e, source);
      if (next) {
        attempts.set(id, next);
        attemptStore.put(next);
      }
    } else if (e.type === 'wrapup') {
      const next = reduceWrapup(await wrapupStore.get(e.interactionId), e);
      if (next) wrapupStore.put(next);
    }
  }
  await tx.done;
  return [...seen];
}

export interface PriorAttempt {
  readonly moveId: string;
  readonly kind: Attempt['moveKind'];
  readonly at: number;
  readonly outcome: Attempt['outcome'];
}

/** This customer's attempts from other interactions (frequency cap), across merged logs. */
export async function customerHistory(db: LogDB, customerKey: string, excludeInteraction: string): Promise<PriorAttempt[]> {
  if (!customerKey) return [];
  const rows = await db.getAllFromIndex('attempts', 'by-customer', customerKey);
  return rows
    .filter((a) => a.interactionId !== excludeInteraction)
    .map((a) => ({ moveId: a.moveId, kind: a.moveKind, at: a.offeredAt ?? a.outcomeAt ?? a.loggedAt, outcome: a.outcome }));
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
