/**
 * Reads the team stream from the last stored sequence with an ordered consumer, in batches: each batch
 * is decoded (malformed messages skipped, counted and kept aside in `rejected`), stored through
 * `storeTeamEvents` (validation + projection, idempotent by event id), then the cursor and per-rep
 * counters move past it. The cursor moves only after the batch's events committed, so a stop in between
 * re-reads that batch — harmless, because storing is idempotent by event id (not by JetStream's window).
 */
import type { JsMsg } from '@nats-io/jetstream';
import { repFromSubject, type TeamConfig } from '../../core/team/config';
import { addToRepStats, type RepStats } from '../../core/team/freshness';
import { decodeEvent } from '../../core/team/wire';
import type { LogDB } from '../../storage/open';
import type { RejectedEvent } from '../../storage/schema';
import type { TeamConnection } from './connection';
import { storeTeamEvents, TEAM_ORIGIN } from './ingest';
import type { PullProgress, TeamStatusRow } from '../../core/team/view';
import { readCursor, readRepStats, SYNC_KEYS } from './state';

export const PULL_BATCH = 2_000;
/** Server-side wait for a batch that is not full (messages deleted, or fewer than announced). */
const FETCH_EXPIRES_MS = 2_000;

/** Identifies the stream a cursor belongs to: another server list or stream name starts from 0. */
export const cursorWhere = (c: TeamConfig) => `${c.servers.join(',')}|${c.stream}`;

export async function pullStream(
  db: LogDB,
  conn: TeamConnection,
  config: TeamConfig,
  onProgress: (p: PullProgress) => void = () => {},
): Promise<{ pulled: number; malformed: number }> {
  const where = cursorWhere(config);
  let cursor = await readCursor(db, where);
  const stream = await conn.step(conn.js.streams.get(config.stream), 'reading the stream');
  const info = await conn.step(stream.info(), 'reading the stream');
  const last = info.state.last_seq;
  // The stream was recreated (its sequence went backwards): read it again from the start.
  if (cursor > last) cursor = 0;
  const total = Math.max(0, last - Math.max(cursor, info.state.first_seq - 1));
  let pulled = 0;
  let malformed = 0;
  onProgress({ done: 0, total });
  if (total === 0) return { pulled, malformed };
  const consumer = await conn.step(conn.js.consumers.get(config.stream, { opt_start_seq: cursor + 1 }), 'creating a consumer');
  // consume() keeps a buffer of messages coming while a batch is being stored: network and IndexedDB overlap.
  const messages = await conn.step(consumer.consume({ max_messages: PULL_BATCH, expires: FETCH_EXPIRES_MS }), 'creating a consumer');
  const incoming = messages[Symbol.asyncIterator]();
  let reps = new Map((await readRepStats(db)).map((r) => [r.repId, r] as const));
  try {
    while (cursor < last) {
      const want = Math.min(PULL_BATCH, last - cursor);
      const msgs = await conn.step(collect(incoming, want), 'reading events', FETCH_EXPIRES_MS + 4_000);
      if (msgs.length === 0) break;
      const events: unknown[] = [];
      const seen: { repId: string; at: number }[] = [];
      const bad: RejectedEvent[] = [];
      for (const m of msgs) {
        const rep = repFromSubject(config.subjectPrefix, m.subject);
        const text = safeText(m);
        const d = decodeEvent(text, rep);
        if (d.ok) {
          events.push(d.event);
          seen.push({ repId: rep as string, at: d.event.at });
        } else {
          bad.push({ id: `team:${where}:${m.seq}`, at: Date.now(), reason: d.reason, origin: TEAM_ORIGIN, raw: text.slice(0, 4000) });
        }
      }
      const { rejected } = await storeTeamEvents(db, events);
      const lastMsg = msgs[msgs.length - 1] as JsMsg;
      cursor = lastMsg.seq;
      reps = addToRepStats(reps, seen);
      pulled += msgs.length;
      malformed += bad.length + rejected.length;
      await saveProgress(db, where, cursor, [...reps.values()], bad, msgs.length, bad.length + rejected.length);
      onProgress({ done: Math.min(total, pulled), total });
      if (lastMsg.info.pending === 0) break;
    }
  } finally {
    // stop(), not close(): close() waits for the server's pull to expire, and nothing more is wanted.
    messages.stop();
  }
  return { pulled, malformed };
}

function safeText(m: JsMsg): string {
  try {
    return m.string();
  } catch {
    return '';
  }
}

/** Reads up to `want` messages, returning early when the server says nothing more is pending. */
async function collect(iter: AsyncIterator<JsMsg>, want: number): Promise<JsMsg[]> {
  const out: JsMsg[] = [];
  while (out.length < want) {
    const r = await iter.next();
    if (r.done) break;
    out.push(r.value);
    if (r.value.info.pending === 0) break;
  }
  return out;
}

async function saveProgress(db: LogDB, where: string, seq: number, reps: RepStats[], bad: RejectedEvent[], pulled: number, malformed: number) {
  const tx = db.transaction(['sync', 'rejected'], 'readwrite');
  const sync = tx.objectStore('sync');
  const now = Date.now();
  sync.put({ key: SYNC_KEYS.cursor, value: { where, seq }, updatedAt: now });
  sync.put({ key: SYNC_KEYS.reps, value: reps, updatedAt: now });
  for (const r of bad) tx.objectStore('rejected').put(r);
  const prev = (await sync.get(SYNC_KEYS.status))?.value as TeamStatusRow | undefined;
  if (prev) sync.put({ key: SYNC_KEYS.status, value: { ...prev, pulled: prev.pulled + pulled, malformed: prev.malformed + malformed }, updatedAt: now });
  else sync.put({ key: SYNC_KEYS.status, value: { pulled, malformed }, updatedAt: now });
  await tx.done;
}
