/**
 * The one way events enter the log, whoever brings them: the rep's own pages ('local'), a merged backup
 * ('merge'), team mode's pull from the server ('team'). Each event is validated on its own; a bad one is
 * kept aside in the `rejected` store with its reason and never blocks the others. Good events are stored
 * idempotently (by id) and every interaction they touch is re-projected from *all* its stored events
 * (`project` in core), so the derived stores never depend on arrival order.
 *
 * In the same transaction, each freshly stored 'local' event gets a `pub:<id>` row in the `sync` store:
 * team mode's publish queue (team mode deletes the row once the server acknowledged it) — unless team
 * mode is off (`unqueuedMarker`), when its history backfill will queue them instead.
 */
import { type IDBPTransaction, unwrap, wrap } from 'idb';
import * as v from 'valibot';
import { project } from '../core/log/project';
import type { Interaction, LogEvent } from '../core/log/types';
import { issueMessage, issuePath, logEventSchema } from '../core/log/validate';
import type { LogDB } from './open';
import type { RejectedEvent, ResolvePlusDB } from './schema';
import { readTeamRecords, TEAM_EVENTS, teamEventIds, teamEventsOf } from './team-log';
import { request, transactionDone } from './idb-requests';

export const INGEST_STORES = ['events', 'interactions', 'attempts', 'wrapups', 'rejected', 'sync', TEAM_EVENTS] as const;
/** The ingest transaction, for a caller's writes that must commit with the batch (`storeValidEvents`' `alongside`). */
export type IngestTx = IDBPTransaction<ResolvePlusDB, (typeof INGEST_STORES)[number][], 'readwrite'>;
/** The rep's own events: the only ones team mode publishes. */
export const LOCAL_ORIGIN = 'local';
const MAX_RAW = 4_000;

export interface IngestResult {
  /** Ids now safely in the log (stored now or before). */
  readonly stored: string[];
  /** How many of `stored` were new (the rest were already in the log). */
  readonly fresh: number;
  readonly rejected: { id: string; reason: string }[];
}

export interface IngestOptions {
  /** The `source` of interactions first seen here; default 'local' for the rep's own, else the origin. */
  readonly source?: string;
  /** Extra rules of the caller (the worker's bounds and origin binding): a reason refuses the event. */
  readonly guard?: (e: LogEvent) => string | null;
  /** Like `guard`, also given the raw value as passed in (the worker maps it back to its sender). */
  readonly guardRaw?: (raw: unknown, e: LogEvent) => string | null;
  readonly now?: number;
  /**
   * For the rep's own events while team mode is off: no `pub:` row per event (nobody publishes them);
   * instead this `sync` key — team mode's "history already queued" marker — is deleted in the same
   * transaction, so whenever team mode runs next it queues them with the rest of the history. Events
   * whose interaction has no start yet are queued anyway (the history is chosen by interaction).
   */
  readonly unqueuedMarker?: string;
}

/** Validates, stores and projects `events`; one readwrite transaction, all or nothing on failure. */
export async function ingestEvents(db: LogDB, events: readonly unknown[], origin: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const now = opts.now ?? Date.now();
  const rejected: RejectedEvent[] = [];
  const valid = new Map<string, LogEvent>();
  for (const raw of events) {
    const parsed = v.safeParse(logEventSchema, raw);
    let reason: string | null = null;
    if (!parsed.success) {
      const issue = parsed.issues[0];
      reason = issue ? `${issuePath(issue) || 'event'}: ${issueMessage(issue)}` : 'invalid event';
    } else reason = opts.guard?.(parsed.output) ?? opts.guardRaw?.(raw, parsed.output) ?? null;
    if (reason === null && parsed.success) valid.set(parsed.output.id, parsed.output);
    else rejected.push({ id: rejectedId(raw), at: now, reason: reason ?? 'invalid event', origin, raw: rawText(raw) });
  }
  return storeValidEvents(db, [...valid.values()], rejected, origin, opts.source, now, opts.unqueuedMarker);
}

/**
 * Stores events that already passed `logEventSchema` (team mode decodes each message with it, so a
 * second parse would only cost time), plus refusals to keep aside. Unique ids expected.
 *
 * One transaction with as few waits as possible, because this is the logging hot path:
 *  1. one read per interaction the batch names (its stored events and its record), not one per event;
 *  2. `add` (not get-then-put) for every event of the batch, queued right behind those reads without
 *     waiting for them, then the projection and every derived and queue row, nothing awaited in between;
 *  3. an id already stored (a batch resent after the worker stopped before it could answer, or — never
 *     from our own pages — the same id under another interaction) makes its `add` fail with
 *     ConstraintError, which aborts that transaction: the batch is then stored again carefully — events
 *     already stored skipped, adds awaited, an id taken elsewhere counted as already stored (the first
 *     copy wins), projection from the events really added. Idempotent by event id either way.
 * `alongside` writes the caller's own rows in the same transaction, after the batch's (team mode's pull
 * cursor and counters: they commit with the events they describe, and a batch costs one commit, not two).
 */
export async function storeValidEvents(
  db: LogDB,
  unique: readonly LogEvent[],
  rejected: readonly RejectedEvent[],
  origin: string,
  source: string | undefined,
  now: number,
  unqueuedMarker?: string,
  alongside?: (tx: IngestTx) => Promise<void>,
): Promise<IngestResult> {
  const batch: Batch = { unique, rejected, origin, source, now, unqueuedMarker, alongside };
  try {
    return await storeOnce(db, batch, 'optimistic');
  } catch (err) {
    if ((err as { name?: unknown } | null)?.name !== 'ConstraintError') throw err;
    return storeOnce(db, batch, 'careful');
  }
}

interface Batch {
  readonly unique: readonly LogEvent[];
  readonly rejected: readonly RejectedEvent[];
  readonly origin: string;
  readonly source: string | undefined;
  readonly now: number;
  readonly unqueuedMarker: string | undefined;
  readonly alongside: ((tx: IngestTx) => Promise<void>) | undefined;
}

async function storeOnce(db: LogDB, batch: Batch, mode: 'optimistic' | 'careful'): Promise<IngestResult> {
  const { unique, rejected, origin, source, now, unqueuedMarker, alongside } = batch;
  if (unique.length === 0 && rejected.length === 0 && !alongside) return { stored: [], fresh: 0, rejected: [] };
  // The raw transaction (no idb wrapper): no promise per request, and no `done` promise left unobserved on abort.
  const tx = unwrap(db).transaction(INGEST_STORES, 'readwrite');
  const done = transactionDone(tx);
  done.catch(() => {}); // observed below; this only keeps an early abort from being reported as unhandled
  try {
    const eventStore = tx.objectStore('events');
    const claimed = [...new Set(unique.map((e) => e.interactionId))];
    const byInteraction = eventStore.index('by-interaction');
    const interactionStore = tx.objectStore('interactions');
    const reads = Promise.all([
      Promise.all(claimed.map((id) => request<LogEvent[]>(byInteraction.getAll(id)))),
      Promise.all(claimed.map((id) => request<Interaction | undefined>(interactionStore.get(id)))),
      // Team-pulled events of these interactions (schema v6): part of their projection, and never stored twice.
      readTeamRecords(tx, claimed),
    ]);
    let fresh: readonly LogEvent[] = unique;
    if (mode === 'optimistic') {
      // Queued right behind the reads, which still see the log as it was (a transaction runs its requests
      // in order): the worker copies the events into their requests while the database answers the reads.
      // An id already stored (a resent batch, or the same id under another interaction) fails its `add`
      // with ConstraintError, which aborts the transaction; the caller then goes careful.
      for (const e of unique) eventStore.add(e);
    }
    const [storedByInteraction, rows, teamRecords] = await reads;
    const storedOf = new Map(claimed.map((id, i) => [id, [...(storedByInteraction[i] as LogEvent[]), ...teamEventsOf(teamRecords[i])]]));
    const pulledIds = teamEventIds(teamRecords);
    // An event already pulled from the team (a lead re-importing a backup): stored carefully, i.e. skipped.
    if (mode === 'optimistic' && unique.some((e) => pulledIds.has(e.id))) throw new DOMException('event already pulled from the team', 'ConstraintError');
    const sourceOf = sourceLookup(claimed, rows, source ?? (origin === LOCAL_ORIGIN ? 'local' : origin));
    if (mode === 'careful') {
      const storedIds = new Set<string>();
      for (const list of storedByInteraction) for (const e of list) storedIds.add(e.id);
      for (const id of pulledIds) storedIds.add(id);
      const candidates = unique.filter((e) => !storedIds.has(e.id));
      const wasAdded = await Promise.all(candidates.map((e) => addIfAbsent(eventStore, e)));
      fresh = candidates.filter((_, i) => wasAdded[i]);
    }
    const touched = new Set(fresh.map((e) => e.interactionId));
    const projection = project([...[...touched].flatMap((id) => storedOf.get(id) ?? []), ...fresh], sourceOf);
    const rejectedStore = tx.objectStore('rejected');
    for (const r of rejected) rejectedStore.put(r);
    if (origin === LOCAL_ORIGIN && fresh.length > 0) {
      const sync = tx.objectStore('sync');
      let queued = fresh;
      if (unqueuedMarker !== undefined) {
        sync.delete(unqueuedMarker);
        const started = new Set(projection.interactions.map((i) => i.id));
        queued = fresh.filter((e) => !started.has(e.interactionId));
      }
      for (const e of queued) sync.put({ key: `pub:${e.id}`, value: { at: e.at }, updatedAt: now });
    }
    for (const i of projection.interactions) interactionStore.put(i);
    const attempts = tx.objectStore('attempts');
    for (const a of projection.attempts) attempts.put(a);
    const wrapups = tx.objectStore('wrapups');
    for (const w of projection.wrapups) wrapups.put(w);
    if (alongside) {
      const wrapped = wrap(tx) as unknown as IngestTx;
      wrapped.done.catch(() => {}); // `done` above is the one observed
      // A failed `add` aborts the transaction: its ConstraintError (`done`, first) must win over the
      // AbortError the caller's pending reads get next, so the careful retry still happens.
      await Promise.all([done, alongside(wrapped)]);
    }
    await done;
    return { stored: unique.map((e) => e.id), fresh: fresh.length, rejected: rejected.map(({ id, reason }) => ({ id, reason })) };
  } catch (err) {
    // All or nothing: a request that failed must not let the transaction commit the requests before it.
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    // A failed `add` may abort the transaction before a later request is made, which then throws
    // TransactionInactiveError: report the cause, so the caller can tell a taken id from a real failure.
    const cause = await done.then(
      () => err,
      (aborted: unknown) => ((aborted as { name?: unknown } | null)?.name === 'ConstraintError' ? aborted : err),
    );
    throw cause;
  }
}

/** Stores `e` unless its id is taken: resolves false (and the transaction goes on) when it is; rejects on any other error. */
function addIfAbsent(store: IDBObjectStore, e: LogEvent): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = store.add(e);
    req.onsuccess = () => resolve(true);
    req.onerror = (ev) => {
      if (req.error?.name !== 'ConstraintError') return reject(req.error);
      // Handled: the transaction must neither abort nor see the error.
      ev.preventDefault();
      ev.stopPropagation();
      resolve(false);
    };
  });
}

/** An interaction keeps the source it was first stored with (a local record merged again stays local). */
function sourceLookup(ids: readonly string[], rows: readonly (Interaction | undefined)[], fallback: string) {
  const known = new Map<string, string>();
  ids.forEach((id, i) => {
    const row = rows[i];
    if (row) known.set(id, row.source);
  });
  return (id: string) => known.get(id) ?? fallback;
}

function rejectedId(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  // The event's own id lets the sender match the refusal to its outbox entry.
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : `rejected:${crypto.randomUUID()}`;
}

function rawText(raw: unknown): string {
  try {
    return (JSON.stringify(raw) ?? String(raw)).slice(0, MAX_RAW);
  } catch {
    return String(raw).slice(0, MAX_RAW);
  }
}

export interface RebuildCounts {
  readonly events: number;
  readonly interactions: number;
  readonly attempts: number;
  readonly wrapups: number;
}

/**
 * "Rebuild from log": recomputes every derived record from `events` and `team-events` in one transaction. Records of
 * interactions that have no events at all (imported from CSV, which carries no events) are kept as they
 * are — there is nothing to rebuild them from, and dropping them would lose a rep's figures.
 */
export async function rebuildFromLog(db: LogDB): Promise<RebuildCounts> {
  const tx = db.transaction(['events', 'interactions', 'attempts', 'wrapups', TEAM_EVENTS], 'readwrite');
  const [ownEvents, interactions, attempts, wrapups, teamRecords] = await Promise.all([
    tx.objectStore('events').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('attempts').getAll(),
    tx.objectStore('wrapups').getAll(),
    tx.objectStore(TEAM_EVENTS).getAll(),
  ]);
  const events = [...ownEvents, ...teamRecords.flatMap((r) => teamEventsOf(r))];
  const logged = new Set(events.map((e) => e.interactionId));
  const sources = new Map(interactions.map((i) => [i.id, i.source]));
  const projection = project(events, (id) => sources.get(id) ?? 'local');
  await Promise.all([tx.objectStore('interactions').clear(), tx.objectStore('attempts').clear(), tx.objectStore('wrapups').clear()]);
  const keep = <T>(rows: T[], id: (r: T) => string) => rows.filter((r) => !logged.has(id(r)));
  for (const i of [...keep(interactions, (r) => r.id), ...projection.interactions]) tx.objectStore('interactions').put(i);
  for (const a of [...keep(attempts, (r) => r.interactionId), ...projection.attempts]) tx.objectStore('attempts').put(a);
  for (const w of [...keep(wrapups, (r) => r.interactionId), ...projection.wrapups]) tx.objectStore('wrapups').put(w);
  await tx.done;
  return { events: events.length, interactions: projection.interactions.length, attempts: projection.attempts.length, wrapups: projection.wrapups.length };
}

/** Events refused so far, newest first (options page health and export). */
export async function listRejected(db: LogDB, limit = 1_000): Promise<{ total: number; rows: RejectedEvent[] }> {
  const tx = db.transaction('rejected', 'readonly');
  const total = await tx.store.count();
  const rows: RejectedEvent[] = [];
  for await (const cursor of tx.store.index('by-at').iterate(null, 'prev')) {
    rows.push(cursor.value);
    if (rows.length >= limit) break;
  }
  return { total, rows };
}
