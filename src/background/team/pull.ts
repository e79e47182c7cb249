/**
 * Reads the team stream from the last stored sequence with an ordered consumer, in batches: each batch
 * is decoded (malformed messages skipped, counted and kept aside in `rejected`), stored through
 * `storeDecodedTeamEvents` (validated by the decoder, one record per interaction, projected, idempotent by
 * event id), and the cursor and
 * per-rep counters move past it in the same transaction. A stop before that commit re-reads the batch —
 * harmless, because storing is idempotent by event id (not by JetStream's window).
 */
import type { JsMsg } from '@nats-io/jetstream';
import type { LogEvent } from '../../core/log/types';
import { repFromSubject, type TeamConfig } from '../../core/team/config';
import { addToRepStats, type RepStats } from '../../core/team/freshness';
import { decodeHealth, type HealthReport, repFromHealthSubject } from '../../core/team/health';
import { decodeReview, type ReceivedReview, repFromReviewSubject, type TeamReview } from '../../core/team/review';
import { decodeEvent } from '../../core/team/wire';
import type { LogDB } from '../../storage/open';
import type { RejectedEvent } from '../../storage/schema';
import type { TeamConnection } from './connection';
import { HEALTH_PREFIX } from './health';
import { RECEIVED_PREFIX } from './reviews';
import { storeDecodedTeamEvents, TEAM_ORIGIN } from './ingest';
import type { TeamIngestTx } from '../../storage/team-log';
import type { PullProgress, TeamStatusRow } from '../../core/team/view';
import { cursorWhere, readCursor, readRepStats, SYNC_KEYS } from './state';

/** 5,000 was tried (bench 12c): no faster than 2,000 under load, with 2.5× the messages held in memory. */
export const PULL_BATCH = 2_000;
/** Server-side wait for a batch that is not full (messages deleted, or fewer than announced). */
const FETCH_EXPIRES_MS = 2_000;


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
  // Batch N is stored while batch N+1 is read and decoded (the worker's CPU and IndexedDB overlap). Batches
  // still commit one after another, in stream order, and the cursor moves only after its batch committed.
  let storing: Promise<void> = Promise.resolve();
  let read = cursor;
  try {
    while (read < last) {
      const want = Math.min(PULL_BATCH, last - read);
      const msgs = await conn.step(collect(incoming, want), 'reading events', FETCH_EXPIRES_MS + 4_000);
      if (msgs.length === 0) break;
      const events: LogEvent[] = [];
      const seen: { repId: string; at: number }[] = [];
      const bad: RejectedEvent[] = [];
      const health = new Map<string, HealthReport>();
      const reviews: { reviewer: string; review: TeamReview }[] = [];
      for (const m of msgs) {
        const text = safeText(m);
        const healthRep = repFromHealthSubject(config.subjectPrefix, m.subject);
        if (healthRep !== null) {
          const h = decodeHealth(text, healthRep);
          if (h.ok) {
            if ((health.get(h.repId)?.at ?? -1) <= h.report.at) health.set(h.repId, h.report);
          } else bad.push({ id: `team:${where}:${m.seq}`, at: Date.now(), reason: h.reason, origin: TEAM_ORIGIN, raw: text.slice(0, 4000) });
          continue;
        }
        const reviewer = repFromReviewSubject(config.subjectPrefix, m.subject);
        if (reviewer !== null) {
          const r = decodeReview(text, reviewer);
          if (r.ok) reviews.push({ reviewer: r.reviewer, review: r.review });
          else bad.push({ id: `team:${where}:${m.seq}`, at: Date.now(), reason: r.reason, origin: TEAM_ORIGIN, raw: text.slice(0, 4000) });
          continue;
        }
        const rep = repFromSubject(config.subjectPrefix, m.subject);
        // The same schema as ingestEvents' own check: decoded events are stored without a second parse.
        const d = decodeEvent(text, rep);
        if (d.ok) {
          events.push(d.event);
          seen.push({ repId: rep as string, at: d.event.at });
        } else {
          bad.push({ id: `team:${where}:${m.seq}`, at: Date.now(), reason: d.reason, origin: TEAM_ORIGIN, raw: text.slice(0, 4000) });
        }
      }
      const lastMsg = msgs[msgs.length - 1] as JsMsg;
      read = lastMsg.seq;
      const previous = storing;
      storing = (async () => {
        await previous;
        const nextReps = addToRepStats(reps, seen);
        // The cursor and counters commit in the batch's own transaction: one commit per batch, and never
        // a cursor past events that are not stored (nor stored events the counters miss).
        await storeDecodedTeamEvents(db, events, (tx) =>
          saveProgress(tx, where, lastMsg.seq, [...nextReps.values()], bad, msgs.length, bad.length, health, reviews),
        );
        cursor = lastMsg.seq;
        reps = nextReps;
        pulled += msgs.length;
        malformed += bad.length;
        onProgress({ done: Math.min(total, pulled), total });
      })();
      // Rethrown by the next `await previous` or the final `await storing`; this only keeps it from being unhandled meanwhile.
      storing.catch(() => {});
      // At most one batch waits to be stored: the next read starts only when the one before this is in.
      await previous;
      if (lastMsg.info.pending === 0) break;
    }
    await storing;
  } catch (err) {
    // A read that failed while a batch was being stored: let that batch finish (and move the cursor) first.
    await storing.catch(() => {});
    throw err;
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

async function saveProgress(
  tx: TeamIngestTx,
  where: string,
  seq: number,
  reps: RepStats[],
  bad: RejectedEvent[],
  pulled: number,
  malformed: number,
  health: ReadonlyMap<string, HealthReport>,
  reviews: readonly { reviewer: string; review: TeamReview }[],
) {
  const sync = tx.objectStore('sync');
  const now = Date.now();
  // A review is kept only for an attempt of this browser's own (not pulled from the team): the rep's notes.
  for (const { reviewer, review } of reviews) {
    const attempt = await tx.objectStore('attempts').get(review.attemptId);
    if (!attempt || attempt.source === TEAM_ORIGIN) continue;
    const key = `${RECEIVED_PREFIX}${review.attemptId}`;
    const kept = (await sync.get(key))?.value as ReceivedReview | undefined;
    if (kept && kept.reviewedAt > review.reviewedAt) continue;
    const value: ReceivedReview = { ...review, reviewer, moveTitle: attempt.moveTitle, ticketId: attempt.ticketId };
    sync.put({ key, value, updatedAt: now });
  }
  // Each rep's latest site-health report only: a re-read older report never replaces a newer one.
  for (const [repId, report] of health) {
    const key = `${HEALTH_PREFIX}${repId}`;
    const kept = (await sync.get(key))?.value as HealthReport | undefined;
    if (!kept || kept.at <= report.at) sync.put({ key, value: report, updatedAt: now });
  }
  sync.put({ key: SYNC_KEYS.cursor, value: { where, seq }, updatedAt: now });
  sync.put({ key: SYNC_KEYS.reps, value: reps, updatedAt: now });
  for (const r of bad) tx.objectStore('rejected').put(r);
  const prev = (await sync.get(SYNC_KEYS.status))?.value as TeamStatusRow | undefined;
  if (prev) sync.put({ key: SYNC_KEYS.status, value: { ...prev, pulled: prev.pulled + pulled, malformed: prev.malformed + malformed }, updatedAt: now });
  else sync.put({ key: SYNC_KEYS.status, value: { pulled, malformed }, updatedAt: now });
}
