/**
 * Long page-side jobs (CSV export, import merges) run as a loop of small steps that hand the event loop
 * back between steps, so the progress bar paints, the Cancel button answers and scrolling stays smooth.
 */

/** Resolves after pending input and rendering had their turn (`scheduler.yield` where available). */
export function yieldToEventLoop(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Cancelled extends Error {
  override name = 'Cancelled';
}

/**
 * Collects `chunks` (each holding up to `rowsPerChunk` rows) into an array of strings for a Blob,
 * reporting rows done after each chunk; throws `Cancelled` when `signal` aborts.
 */
export async function collectChunks(
  chunks: Iterable<string>,
  opts: { total: number; rowsPerChunk: number; signal?: AbortSignal; onProgress?: (done: number) => void; pause?: () => Promise<void> },
): Promise<string[]> {
  const parts: string[] = [];
  const pause = opts.pause ?? yieldToEventLoop;
  let chunksDone = 0;
  for (const chunk of chunks) {
    if (opts.signal?.aborted) throw new Cancelled();
    parts.push(chunk);
    chunksDone++;
    opts.onProgress?.(Math.min(opts.total, chunksDone * opts.rowsPerChunk));
    await pause();
  }
  if (opts.signal?.aborted) throw new Cancelled();
  return parts;
}
