/**
 * Team-mode bookkeeping in the `sync` store (extension-only IndexedDB): the pull cursor, per-rep
 * freshness, counters and the last status pages show. Publish-queue rows (`pub:<eventId>`) live in the
 * same store, written by `appendEvents` in the event's own transaction.
 */
import type { TeamConfig } from '../../core/team/config';
import type { RepStats } from '../../core/team/freshness';
import { EMPTY_STATUS, type TeamStatusRow } from '../../core/team/view';
import type { LogDB } from '../../storage/open';

export const SYNC_KEYS = {
  pubPrefix: 'pub:',
  cursor: 'team:cursor',
  reps: 'team:reps',
  status: 'team:status',
  backfill: 'team:backfill',
} as const;

/** Identifies the stream a cursor belongs to: another server list or stream name starts from 0. */
export const cursorWhere = (c: TeamConfig) => `${c.servers.join(',')}|${c.stream}`;

export const PUB_RANGE = () => IDBKeyRange.bound(SYNC_KEYS.pubPrefix, `${SYNC_KEYS.pubPrefix}\uffff`);

/** Last stream sequence stored, tied to the stream it came from (another stream or server starts at 0). */
export interface PullCursor {
  readonly where: string;
  readonly seq: number;
}

async function readRow<T>(db: LogDB, key: string): Promise<T | undefined> {
  return (await db.get('sync', key))?.value as T | undefined;
}

export const readStatus = async (db: LogDB): Promise<TeamStatusRow> => ({ ...EMPTY_STATUS, ...(await readRow<TeamStatusRow>(db, SYNC_KEYS.status)) });

export async function updateStatus(db: LogDB, patch: (s: TeamStatusRow) => Partial<TeamStatusRow>): Promise<TeamStatusRow> {
  const tx = db.transaction('sync', 'readwrite');
  const prev = { ...EMPTY_STATUS, ...((await tx.store.get(SYNC_KEYS.status))?.value as TeamStatusRow | undefined) };
  const next = { ...prev, ...patch(prev) };
  await tx.store.put({ key: SYNC_KEYS.status, value: next, updatedAt: Date.now() });
  await tx.done;
  return next;
}

export async function readCursor(db: LogDB, where: string): Promise<number> {
  const c = await readRow<PullCursor>(db, SYNC_KEYS.cursor);
  return c && c.where === where && Number.isSafeInteger(c.seq) && c.seq >= 0 ? c.seq : 0;
}

export async function readRepStats(db: LogDB): Promise<RepStats[]> {
  return (await readRow<RepStats[]>(db, SYNC_KEYS.reps)) ?? [];
}

export const pendingPublishCount = (db: LogDB) => db.count('sync', PUB_RANGE());
