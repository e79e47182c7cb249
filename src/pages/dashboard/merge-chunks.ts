/**
 * Splits imported records into `log/merge` payloads of at most 5,000 rows in total (the protocol's cap
 * per array, and small enough that one worker transaction never holds the page's progress bar still for long).
 * Events go first, so an interaction's derived records never arrive before the events they come from.
 */
import type { Snapshot } from '../../storage/log-repo';

export const MERGE_CHUNK_ROWS = 5_000;
const ORDER = ['events', 'interactions', 'attempts', 'wrapups', 'reviews'] as const;

export type MergePayload = Partial<Snapshot>;

export function countRows(snap: Partial<Snapshot>): number {
  return ORDER.reduce((n, k) => n + (snap[k]?.length ?? 0), 0);
}

export function* mergeChunks(snap: Partial<Snapshot>, max = MERGE_CHUNK_ROWS): Generator<MergePayload> {
  const size = Math.max(1, Math.floor(max));
  let chunk: { -readonly [K in keyof Snapshot]?: Snapshot[K] } = {};
  let n = 0;
  for (const key of ORDER) {
    const rows = (snap[key] ?? []) as readonly unknown[];
    let i = 0;
    while (i < rows.length) {
      const take = Math.min(size - n, rows.length - i);
      const part = rows.slice(i, i + take);
      (chunk as Record<string, unknown[]>)[key] = [...((chunk as Record<string, unknown[]>)[key] ?? []), ...part];
      i += take;
      n += take;
      if (n === size) {
        yield chunk;
        chunk = {};
        n = 0;
      }
    }
  }
  if (n > 0) yield chunk;
}
