/**
 * Publishes the queue (`pub:<eventId>` rows in the `sync` store) in batches: read a batch, publish every
 * event with `Nats-Msg-Id` = its id, wait for the acks, then delete exactly the rows whose event was
 * acknowledged (`duplicate: true` counts: the stream already has it). A row is deleted only after its
 * ack, so a worker stop, browser kill or server restart at any point leaves it queued (never skipped);
 * re-publishing it is absorbed by the stream's duplicate window and, beyond that, by readers that
 * de-duplicate by event id.
 */
import { publishSubject, type TeamConfig } from '../../core/team/config';
import { encodeEvent } from '../../core/team/wire';
import type { LogDB } from '../../storage/open';
import type { TeamConnection } from './connection';
import { PUB_RANGE } from './state';

export const PUBLISH_BATCH = 1_000;

export interface PublishResult {
  readonly published: number;
  readonly duplicates: number;
}

export async function publishQueue(
  db: LogDB,
  conn: TeamConnection,
  config: TeamConfig,
  onBatch: (batch: PublishResult) => Promise<void> = async () => {},
): Promise<PublishResult> {
  const subject = publishSubject(config);
  let published = 0;
  let duplicates = 0;
  for (;;) {
    const keys = (await db.getAllKeys('sync', PUB_RANGE(), PUBLISH_BATCH)) as string[];
    if (keys.length === 0) break;
    const ids = keys.map((k) => k.slice(4));
    const tx = db.transaction('events', 'readonly');
    const events = await Promise.all(ids.map((id) => tx.store.get(id)));
    // Oldest first, so a lead reading mid-drain sees a consistent prefix of each rep's day.
    const order = ids.map((id, i) => ({ id, e: events[i] })).sort((a, b) => (a.e?.at ?? 0) - (b.e?.at ?? 0));
    const acks = await Promise.allSettled(
      order.map(({ e }) => (e ? conn.step(conn.js.publish(subject, encodeEvent(e, config.repId), { msgID: e.id }), 'waiting for acks') : null)),
    );
    const done: string[] = [];
    const batch = { published: 0, duplicates: 0 };
    let firstError: unknown = null;
    acks.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        // `null`: the event itself is gone (retention purged it) — nothing left to publish.
        done.push(`pub:${order[i]?.id}`);
        if (r.value) {
          batch.published++;
          if (r.value.duplicate) batch.duplicates++;
        }
      } else if (firstError === null) firstError = r.reason;
    });
    if (done.length > 0) {
      const del = db.transaction('sync', 'readwrite');
      for (const k of done) del.store.delete(k);
      await del.done;
    }
    published += batch.published;
    duplicates += batch.duplicates;
    await onBatch(batch);
    if (firstError !== null) throw firstError;
  }
  return { published, duplicates };
}
