/**
 * Reviews on the team stream. Lead side: a saved review is queued (`rev:<attemptId>` in the `sync`
 * store) and published at the next sync on the lead's review subject; the row goes only after its ack.
 * Rep side: the pull keeps a review only when it is of an attempt of this browser's own (stored here
 * from a local event, not pulled from the team) — `team:review:<attemptId>` — and the popup shows the
 * newest notes.
 */
import type { TeamConfig } from '../../core/team/config';
import { encodeReview, latestReviews, type ReceivedReview, reviewSubject, type TeamReview } from '../../core/team/review';
import type { LogDB } from '../../storage/open';
import type { Review } from '../../storage/schema';
import type { TeamConnection } from './connection';

export const REVIEW_QUEUE_PREFIX = 'rev:';
export const RECEIVED_PREFIX = 'team:review:';
const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
/** What the popup shows. */
export const POPUP_REVIEWS = 3;

/** Called after a review is saved: only a lead's reviews go to the stream. */
export async function queueReview(db: LogDB, config: TeamConfig | null, review: Review): Promise<boolean> {
  if (config?.role !== 'lead') return false;
  await db.put('sync', { key: `${REVIEW_QUEUE_PREFIX}${review.attemptId}`, value: review, updatedAt: Date.now() });
  return true;
}

/**
 * When team mode comes on, a lead's reviews saved before it are queued too, so the reps whose attempts
 * they are see those notes. A review saved again since (already queued, newer) is left as it is.
 */
export async function queueEarlierReviews(db: LogDB, config: TeamConfig): Promise<number> {
  if (config.role !== 'lead') return 0;
  const tx = db.transaction(['reviews', 'sync'], 'readwrite');
  const sync = tx.objectStore('sync');
  let queued = 0;
  for (const review of await tx.objectStore('reviews').getAll()) {
    const key = `${REVIEW_QUEUE_PREFIX}${review.attemptId}`;
    const already = (await sync.get(key))?.value as { reviewedAt?: number } | undefined;
    if ((already?.reviewedAt ?? -1) >= review.reviewedAt) continue;
    await sync.put({ key, value: review, updatedAt: Date.now() });
    queued++;
  }
  await tx.done;
  return queued;
}

export async function publishReviews(db: LogDB, conn: TeamConnection, config: TeamConfig): Promise<number> {
  if (config.role !== 'lead') return 0;
  const rows = await db.getAll('sync', range(REVIEW_QUEUE_PREFIX));
  let sent = 0;
  for (const row of rows) {
    const r = row.value as TeamReview;
    await conn.step(conn.js.publish(reviewSubject(config), encodeReview(r), { msgID: `review:${r.attemptId}:${r.reviewedAt}` }), 'waiting for acks');
    // A newer save of the same review while this one was in flight keeps its row.
    const tx = db.transaction('sync', 'readwrite');
    const now = await tx.store.get(row.key);
    if ((now?.value as TeamReview | undefined)?.reviewedAt === r.reviewedAt) await tx.store.delete(row.key);
    await tx.done;
    sent++;
  }
  return sent;
}

/** The rep's newest received notes. */
export async function receivedReviews(db: LogDB): Promise<ReceivedReview[]> {
  const rows = await db.getAll('sync', range(RECEIVED_PREFIX));
  return latestReviews(
    rows.map((r) => r.value as ReceivedReview),
    POPUP_REVIEWS,
  );
}
