import { describe, expect, it } from 'vitest';
import { ATTEMPT_COLUMNS } from '../../core/csv/columns';
import { attemptRows } from '../../core/csv/rows';
import { csvChunks, toCsv } from '../../core/csv/write';
import { makeAttempt } from '../../core/metrics/fixtures';
import { Cancelled, collectChunks } from './stream';

const attempts = Array.from({ length: 25 }, (_, i) => makeAttempt({ interactionId: `i${i}` }));

describe('collectChunks', () => {
  it('gives back exactly the CSV, with progress after each chunk', async () => {
    const progress: number[] = [];
    const parts = await collectChunks(csvChunks(attemptRows(attempts), ATTEMPT_COLUMNS, { bom: true, chunkRows: 10 }), {
      total: 25,
      rowsPerChunk: 10,
      onProgress: (d) => progress.push(d),
    });
    expect(parts.join('')).toBe(toCsv(attemptRows(attempts), ATTEMPT_COLUMNS, { bom: true }));
    expect(progress).toEqual([10, 20, 25]);
  });

  it('stops when cancelled, between chunks', async () => {
    const ctrl = new AbortController();
    let pauses = 0;
    const run = collectChunks(csvChunks(attemptRows(attempts), ATTEMPT_COLUMNS, { bom: false, chunkRows: 5 }), {
      total: 25,
      rowsPerChunk: 5,
      signal: ctrl.signal,
      pause: async () => {
        if (++pauses === 2) ctrl.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(pauses).toBe(2);
  });
});
