/**
 * Events pulled from the team stream, stored one record per interaction (`team-events`, schema v6)
 * instead of one record per event: a lead's first sync of 100,000 events spent three quarters of its
 * write cost on the 100,000 event records (README, figure 12c).
 *
 * The same guarantees as the rep's own log (src/storage/ingest.ts):
 *  - idempotent by event id: a record holds each id once (a re-delivered message or a batch re-read after
 *    a worker stop adds nothing), and an event already in `events` under the same interaction (the lead's
 *    own events come back from the stream; team events stored before v6) is not stored again;
 *  - every interaction a batch adds to is re-projected from *all* its events, both stores, in the batch's
 *    transaction, with the caller's bookkeeping (the pull cursor) committed alongside.
 * An id that a hostile publisher reuses under another interaction lands in that interaction's record only:
 * it can neither replace nor hide the event it copies (benign re-deliveries always carry the same
 * interaction, because they are the same message).
 *
 * Readers of the log read both stores through the helpers below (timeline, rebuild, retention, merge's
 * "has events" check, the dashboard's backup).
 */
import { type IDBPObjectStore, type IDBPTransaction, type StoreNames, unwrap, wrap } from 'idb';
import { project } from '../core/log/project';
import type { Interaction, LogEvent } from '../core/log/types';
import type { LogDB } from './open';
import type { RejectedEvent, ResolvePlusDB, TeamEventsRecord } from './schema';
import { request, transactionDone } from './idb-requests';

export const TEAM_EVENTS = 'team-events';
const TEAM_SOURCE = 'team';

/** Every store a pulled batch writes or reads (the ingest stores plus `team-events`). */
export const TEAM_INGEST_STORES = ['events', 'team-events', 'interactions', 'attempts', 'wrapups', 'rejected', 'sync'] as const;
/** The pull's batch transaction, for the caller's rows that must commit with it (cursor, counters). */
export type TeamIngestTx = IDBPTransaction<ResolvePlusDB, (typeof TEAM_INGEST_STORES)[number][], 'readwrite'>;

/** A record's events (none for a missing record). */
export function teamEventsOf(record: TeamEventsRecord | undefined): readonly LogEvent[] {
  return record?.events ?? [];
}

/**
 * Merges `incoming` (one interaction's events from a batch) into its stored record, by event id: ids in
 * the record or in `local` (that interaction's events in the `events` store) are skipped. Returns the
 * record to put and how many events were new, or null when nothing is new (no write needed).
 */
export function mergeTeamRecord(
  interactionId: string,
  local: readonly LogEvent[],
  record: TeamEventsRecord | undefined,
  incoming: readonly LogEvent[],
): { record: TeamEventsRecord; fresh: number } | null {
  const known = new Set<string>();
  for (const e of local) known.add(e.id);
  for (const e of teamEventsOf(record)) known.add(e.id);
  const fresh: LogEvent[] = [];
  for (const e of incoming) {
    if (known.has(e.id)) continue;
    known.add(e.id);
    fresh.push(e);
  }
  if (fresh.length === 0) return null;
  const events = [...teamEventsOf(record), ...fresh];
  let firstAt = record?.firstAt ?? Number.POSITIVE_INFINITY;
  for (const e of fresh) if (e.at < firstAt) firstAt = e.at;
  return { record: { interactionId, firstAt, events }, fresh: fresh.length };
}

/**
 * Stores a batch of pulled events (already checked by `logEventSchema`): grouped by interaction, each
 * named interaction's record and its `events` rows read once (its derived record only when it has events), merged by event id,
 * the record put once, and the touched interactions re-projected; `rejected` kept aside; `alongside`
 * writes the caller's rows in the same transaction. All or nothing.
 */
export async function storeTeamBatch(
  db: LogDB,
  events: readonly LogEvent[],
  rejected: readonly RejectedEvent[],
  alongside?: (tx: TeamIngestTx) => Promise<void>,
): Promise<{ stored: string[]; fresh: number }> {
  const unique = [...new Map(events.map((e) => [e.id, e] as const)).values()];
  if (unique.length === 0 && rejected.length === 0 && !alongside) return { stored: [], fresh: 0 };
  const byInteraction = new Map<string, LogEvent[]>();
  for (const e of unique) {
    const list = byInteraction.get(e.interactionId);
    if (list) list.push(e);
    else byInteraction.set(e.interactionId, [e]);
  }
  const ids = [...byInteraction.keys()];
  // The raw transaction (as ingest.ts): no promise per write, nothing awaited between the puts.
  const tx = unwrap(db).transaction(TEAM_INGEST_STORES, 'readwrite');
  const done = transactionDone(tx);
  done.catch(() => {}); // observed below
  try {
    const teamStore = tx.objectStore(TEAM_EVENTS);
    const interactionStore = tx.objectStore('interactions');
    const localByInteraction = tx.objectStore('events').index('by-interaction');
    const [local, records] = await Promise.all([
      Promise.all(ids.map((id) => request<LogEvent[]>(localByInteraction.getAll(id)))),
      Promise.all(ids.map((id) => request<TeamEventsRecord | undefined>(teamStore.get(id)))),
    ]);
    // The source an interaction was first stored with is kept: read its row only where it has stored events
    // (own, merged, or pulled). A first sync reads none (a third of its reads). An interaction known only from an
    // imported file (a row without events) takes the team's source once the team's events re-project it.
    const known = ids.filter((_, i) => (local[i]?.length ?? 0) > 0 || records[i] !== undefined);
    const rows = await Promise.all(known.map((id) => request<Interaction | undefined>(interactionStore.get(id))));
    const sources = new Map<string, string>();
    rows.forEach((row, i) => {
      if (row) sources.set(known[i] as string, row.source);
    });
    const touched: LogEvent[] = [];
    let fresh = 0;
    ids.forEach((id, i) => {
      const localEvents = local[i] ?? [];
      const merged = mergeTeamRecord(id, localEvents, records[i], byInteraction.get(id) ?? []);
      if (!merged) return;
      teamStore.put(merged.record);
      fresh += merged.fresh;
      touched.push(...localEvents, ...merged.record.events);
    });
    const projection = project(touched, (id) => sources.get(id) ?? TEAM_SOURCE);
    for (const i of projection.interactions) interactionStore.put(i);
    const attempts = tx.objectStore('attempts');
    for (const a of projection.attempts) attempts.put(a);
    const wrapups = tx.objectStore('wrapups');
    for (const w of projection.wrapups) wrapups.put(w);
    const rejectedStore = tx.objectStore('rejected');
    for (const r of rejected) rejectedStore.put(r);
    if (alongside) {
      const wrapped = wrap(tx) as unknown as TeamIngestTx;
      wrapped.done.catch(() => {}); // `done` above is the one observed
      await Promise.all([done, alongside(wrapped)]);
    }
    await done;
    return { stored: unique.map((e) => e.id), fresh };
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw err;
  }
}

/** `team-events` records of `ids` in an ingest transaction (one read each; the local path's projection and dedupe). */
export function readTeamRecords(tx: IDBTransaction, ids: readonly string[]): Promise<(TeamEventsRecord | undefined)[]> {
  const store = tx.objectStore(TEAM_EVENTS);
  return Promise.all(ids.map((id) => request<TeamEventsRecord | undefined>(store.get(id))));
}

/** The ids held by `records`. */
export function teamEventIds(records: readonly (TeamEventsRecord | undefined)[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) for (const e of teamEventsOf(r)) ids.add(e.id);
  return ids;
}

/**
 * Retention for team records: drops every event older than `cutoff` (as retention drops `events` rows by
 * time), rewriting a record that keeps newer events and deleting one left empty. Returns the events removed.
 */
export async function pruneTeamEvents(
  store: IDBPObjectStore<ResolvePlusDB, ArrayLike<StoreNames<ResolvePlusDB>>, 'team-events', 'readwrite'>,
  cutoff: number,
): Promise<number> {
  let removed = 0;
  for await (const cursor of store.index('by-first').iterate(IDBKeyRange.upperBound(cutoff, true))) {
    const kept = cursor.value.events.filter((e) => e.at >= cutoff);
    removed += cursor.value.events.length - kept.length;
    if (kept.length === 0) cursor.delete();
    else cursor.update({ ...cursor.value, firstAt: Math.min(...kept.map((e) => e.at)), events: kept });
  }
  return removed;
}
