/**
 * When team mode is first switched on in a browser, the events logged here before (origin 'local') are
 * queued once, so the lead sees this rep's history too. Remembered per stream, so switching servers or
 * streams queues history again for the new one, and re-queuing is harmless (same `pub:<id>` keys).
 * A lead's reviews saved before team mode are queued at the same moment (see reviews.ts).
 */
import type { TeamConfig } from '../../core/team/config';
import type { LogDB } from '../../storage/open';
import { queueEarlierReviews } from './reviews';
import { cursorWhere, SYNC_KEYS } from './state';

export async function backfillOnce(db: LogDB, config: TeamConfig): Promise<number> {
  const where = cursorWhere(config);
  const done = (await db.get('sync', SYNC_KEYS.backfill))?.value as string | undefined;
  if (done === where) return 0;
  await queueEarlierReviews(db, config);
  const local = new Set((await db.getAll('interactions')).filter((i) => i.source === 'local').map((i) => i.id));
  const tx = db.transaction(['events', 'sync'], 'readwrite');
  const sync = tx.objectStore('sync');
  let queued = 0;
  const now = Date.now();
  for await (const c of tx.objectStore('events')) {
    if (!local.has(c.value.interactionId)) continue;
    sync.put({ key: `${SYNC_KEYS.pubPrefix}${c.value.id}`, value: { at: c.value.at }, updatedAt: now });
    queued++;
  }
  sync.put({ key: SYNC_KEYS.backfill, value: where, updatedAt: now });
  await tx.done;
  return queued;
}
