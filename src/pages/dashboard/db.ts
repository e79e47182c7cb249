/**
 * The dashboard's read-only connection to the log database (same extension origin as the worker).
 * Reads only: every write goes through the worker's protocol. The connection closes itself when another
 * context upgrades the schema; the next read then opens a fresh one.
 */
import type { Attempt, Interaction, LogEvent, Wrapup } from '../../core/log/types';
import { type LogDB, openLogDB } from '../../storage/open';
import type { Review } from '../../storage/schema';
import { yieldToEventLoop } from './stream';

let dbPromise: Promise<LogDB> | null = null;

export function readDb(): Promise<LogDB> {
  if (!dbPromise) {
    dbPromise = openLogDB({ onClosed: () => (dbPromise = null) });
    dbPromise.catch(() => (dbPromise = null));
  }
  return dbPromise;
}

/** The newest attempts by logged time, through a descending cursor: the first screen never waits for 100k rows. */
export async function newestAttempts(db: LogDB, n: number): Promise<Attempt[]> {
  const out: Attempt[] = [];
  let cursor = await db.transaction('attempts').store.index('by-logged').openCursor(null, 'prev');
  while (cursor && out.length < n) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * A whole store in pages of `pageSize` by primary key, yielding between pages: one `getAll` of 100,000
 * records would hold the main thread for its whole structured-clone, freezing the first rows' scroller.
 */
async function paged<T>(
  read: (after: IDBKeyRange | undefined, count: number) => Promise<T[]>,
  keyOf: (row: T) => string,
  pageSize: number,
  onProgress?: (n: number) => void,
): Promise<T[]> {
  let out: T[] = [];
  let after: IDBKeyRange | undefined;
  for (;;) {
    const page = await read(after, pageSize);
    out = out.length === 0 ? page : out.concat(page);
    onProgress?.(out.length);
    const last = page[page.length - 1];
    if (page.length < pageSize || last === undefined) return out;
    after = IDBKeyRange.lowerBound(keyOf(last), true);
    await yieldToEventLoop();
  }
}

export interface LoadedLog {
  readonly attempts: Attempt[];
  readonly interactions: Interaction[];
  readonly wrapups: Wrapup[];
  readonly reviews: Review[];
}

const PAGE = 10_000;
/** Team records hold an interaction's events each (about 11): about as many events per page as `PAGE`. */
const TEAM_PAGE = 1_000;

export async function loadLog(db: LogDB, onProgress?: (attemptsRead: number) => void): Promise<LoadedLog> {
  const attempts = await paged((r, n) => db.getAll('attempts', r, n), (a) => a.id, PAGE, onProgress);
  const interactions = await paged((r, n) => db.getAll('interactions', r, n), (i) => i.id, PAGE);
  const [wrapups, reviews] = await Promise.all([db.getAll('wrapups'), db.getAll('reviews')]);
  return { attempts, interactions, wrapups, reviews };
}

/**
 * Every event, for the JSON backup only (the largest stores; never read for the table): this browser's
 * own (`events`) and those pulled from the team (`team-events`, one record per interaction — in pages of
 * fewer records, since each holds an interaction's events).
 */
export async function loadEvents(db: LogDB, onProgress?: (n: number) => void): Promise<LogEvent[]> {
  const own = await paged((r, n) => db.getAll('events', r, n), (e) => e.id, PAGE, onProgress);
  const pulled = await paged((r, n) => db.getAll('team-events', r, n), (t) => t.interactionId, TEAM_PAGE, (n) => onProgress?.(own.length + n));
  return pulled.length === 0 ? own : own.concat(pulled.flatMap((t) => t.events));
}
