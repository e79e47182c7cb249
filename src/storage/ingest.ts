/**
 * The one way events enter the log, whoever brings them: the rep's own pages ('local'), a merged backup
 * ('merge'), team mode's pull from the server ('team'). Each event is validated on its own; a bad one is
 * kept aside in the `rejected` store with its reason and never blocks the others. Good events are stored
 * idempotently (by id) and every interaction they touch is re-projected from *all* its stored events
 * (`project` in core), so the derived stores never depend on arrival order.
 *
 * In the same transaction, each freshly stored 'local' event gets a `pub:<id>` row in the `sync` store:
 * team mode's publish queue (team mode deletes the row once the server acknowledged it).
 */
import * as v from 'valibot';
import { project } from '../core/log/project';
import type { Interaction, LogEvent } from '../core/log/types';
import { issueMessage, issuePath, logEventSchema } from '../core/log/validate';
import type { LogDB } from './open';
import type { RejectedEvent } from './schema';

export const INGEST_STORES = ['events', 'interactions', 'attempts', 'wrapups', 'rejected', 'sync'] as const;
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
  if (valid.size === 0 && rejected.length === 0) return { stored: [], fresh: 0, rejected: [] };

  const tx = db.transaction(INGEST_STORES, 'readwrite');
  const eventStore = tx.objectStore('events');
  const unique = [...valid.values()];
  const existing = await Promise.all(unique.map((e) => eventStore.getKey(e.id)));
  const fresh = unique.filter((_, i) => existing[i] === undefined);
  const touched = [...new Set(fresh.map((e) => e.interactionId))];
  const [storedEvents, interactions] = await Promise.all([
    Promise.all(touched.map((id) => eventStore.index('by-interaction').getAll(id))),
    Promise.all(touched.map((id) => tx.objectStore('interactions').get(id))),
  ]);
  const sourceOf = sourceLookup(touched, interactions, opts.source ?? (origin === LOCAL_ORIGIN ? 'local' : origin));
  const projection = project([...storedEvents.flat(), ...fresh], sourceOf);
  try {
    for (const r of rejected) tx.objectStore('rejected').put(r);
    for (const e of fresh) {
      eventStore.put(e);
      if (origin === LOCAL_ORIGIN) tx.objectStore('sync').put({ key: `pub:${e.id}`, value: { at: e.at }, updatedAt: now });
    }
    for (const i of projection.interactions) tx.objectStore('interactions').put(i);
    for (const a of projection.attempts) tx.objectStore('attempts').put(a);
    for (const w of projection.wrapups) tx.objectStore('wrapups').put(w);
  } catch (err) {
    // All or nothing: a put that throws must not let the transaction commit the puts before it.
    tx.abort();
    await tx.done.catch(() => {});
    throw err;
  }
  await tx.done;
  return { stored: unique.map((e) => e.id), fresh: fresh.length, rejected: rejected.map(({ id, reason }) => ({ id, reason })) };
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
 * "Rebuild from log": recomputes every derived record from `events` in one transaction. Records of
 * interactions that have no events at all (imported from CSV, which carries no events) are kept as they
 * are — there is nothing to rebuild them from, and dropping them would lose a rep's figures.
 */
export async function rebuildFromLog(db: LogDB): Promise<RebuildCounts> {
  const tx = db.transaction(['events', 'interactions', 'attempts', 'wrapups'], 'readwrite');
  const [events, interactions, attempts, wrapups] = await Promise.all([
    tx.objectStore('events').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('attempts').getAll(),
    tx.objectStore('wrapups').getAll(),
  ]);
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
