/**
 * Figure 8: CSV export of N attempts with the dashboard's own core (`csvChunks` over `attemptRows`,
 * `ATTEMPT_COLUMNS`, 2,000-row chunks like src/pages/dashboard/Export.tsx, collected into a Blob), in
 * Node. Baseline: the same rows' column values joined (Array#join) with ',' and '\n' (no guarding, no quoting).
 * Heap: V8 used heap of the Node process, sampled after every chunk, after a forced GC before each run.
 * 8e: the lead's import of that same export (`parseAttemptsCsv`: papaparse, column mapping, formula-guard
 * undo, per-row schema validation) against papaparse alone on the same text — the part nobody can skip.
 * This replaces the unit test that imported 100,000 rows under the default test timeout (issue 20: speed
 * is measured here, not in timed tests).
 */
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ATTEMPT_COLUMNS } from '../../src/core/csv/columns';
import { attemptRows } from '../../src/core/csv/rows';
import { parseAttemptsCsv } from '../../src/core/csv/read';
import { csvChunks } from '../../src/core/csv/write';
import Papa from 'papaparse';
import type { Attempt, Wrapup } from '../../src/core/log/types';
import type { Log, Sizes } from '../lib/config';
import { checkSample, makeLog } from '../lib/data';
import { type Figure, makeFigure } from '../lib/report';

const CHUNK_ROWS = 2_000;
const MB = 1024 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const used = () => getHeapStatistics().used_heap_size;

interface Run {
  ms: number;
  peak: number;
  before: number;
  bytes: number;
}

function measure(work: (sample: () => void) => Blob): Run {
  gc();
  gc();
  const before = used();
  let peak = before;
  const sample = () => {
    const u = used();
    if (u > peak) peak = u;
  };
  const start = performance.now();
  const blob = work(sample);
  const ms = performance.now() - start;
  sample();
  return { ms, peak, before, bytes: blob.size };
}

export function exportCsv(attempts: readonly Attempt[], wrapups: readonly Wrapup[], sample: () => void = () => {}): Blob {
  const parts: string[] = [];
  for (const chunk of csvChunks(attemptRows(attempts, wrapups), ATTEMPT_COLUMNS, { bom: true, chunkRows: CHUNK_ROWS })) {
    parts.push(chunk);
    sample();
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

export function joinPlain(attempts: readonly Attempt[], wrapups: readonly Wrapup[], sample: () => void = () => {}): Blob {
  // The best plain implementation of the same job: cells and lines collected in arrays and joined once
  // per chunk (string `+=` in a loop is slower and would flatter the product).
  const parts: string[] = [`${ATTEMPT_COLUMNS.map((c) => c.name).join(',')}\n`];
  let lines: string[] = [];
  const cells: string[] = new Array(ATTEMPT_COLUMNS.length);
  for (const row of attemptRows(attempts, wrapups)) {
    for (let i = 0; i < ATTEMPT_COLUMNS.length; i++) {
      const v = ATTEMPT_COLUMNS[i]!.get(row);
      cells[i] = v === null ? '' : String(v);
    }
    lines.push(cells.join(','));
    if (lines.length === CHUNK_ROWS) {
      parts.push(`${lines.join('\n')}\n`);
      sample();
      lines = [];
    }
  }
  if (lines.length) parts.push(`${lines.join('\n')}\n`);
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

export function csvFigures(sizes: Sizes, log: Log): Figure[] {
  gc();
  gc();
  // What this Node process holds before the data exists (vitest, modules): not part of a dashboard's heap.
  const processBase = used();
  const data = makeLog(sizes.csvAttempts, 8);
  checkSample(data);
  const { attempts, wrapups } = data;
  exportCsv(attempts.slice(0, 2_000), wrapups); // warm-up
  joinPlain(attempts.slice(0, 2_000), wrapups);
  const csv: Run[] = [];
  const join: Run[] = [];
  for (let i = 0; i < sizes.csvRuns; i++) {
    csv.push(measure((s) => exportCsv(attempts, wrapups, s)));
    join.push(measure((s) => joinPlain(attempts, wrapups, s)));
  }
  // Live memory only: a forced GC at every sample (slow, so once, and not timed).
  const live = measure((s) =>
    exportCsv(attempts, wrapups, () => {
      gc();
      s();
    }),
  );
  // 8e: import of the same export, as a lead merging a rep's CSV does.
  const text = [...csvChunks(attemptRows(attempts, wrapups), ATTEMPT_COLUMNS, { bom: true, chunkRows: CHUNK_ROWS })].join('');
  const imports: number[] = [];
  const papaOnly: number[] = [];
  let imported = 0;
  for (let i = 0; i < sizes.csvRuns; i++) {
    gc();
    let t = performance.now();
    imported = parseAttemptsCsv(text, 'bench.csv').rows.length;
    imports.push(performance.now() - t);
    gc();
    t = performance.now();
    Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
    papaOnly.push(performance.now() - t);
  }
  if (imported !== attempts.length) throw new Error(`8e: imported ${imported} of ${attempts.length} rows`);
  log(`  import: ${imports.map((ms) => ms.toFixed(0)).join(', ')} ms; papaparse alone: ${papaOnly.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  const c0 = csv[0]!;
  log(`  csv: ${csv.map((r) => r.ms.toFixed(0)).join(', ')} ms; join: ${join.map((r) => r.ms.toFixed(0)).join(', ')} ms; ${(c0.bytes / MB).toFixed(1)} MB of CSV`);
  const n = attempts.length.toLocaleString('en-US');
  return [
    makeFigure({
      id: '8a',
      figure: `CSV export of ${n} attempts (Node, dashboard core)`,
      unit: 'ms',
      samples: csv.map((r) => r.ms),
      baselineSamples: join.map((r) => r.ms),
      goal: '≤ 1,500 ms and ≤ 3× join',
      check: (f) => f.median <= 1_500 && (f.ratio ?? Number.POSITIVE_INFINITY) <= 3,
      digits: 0,
      note: `baseline = the same rows' values joined with Array#join(',') / join('\\n') per chunk (no guard/quote); ${(c0.bytes / MB).toFixed(1)} MB of CSV; ${sizes.csvRuns} runs`,
    }),
    makeFigure({
      id: '8b',
      figure: `CSV export peak JS heap, ${n} attempts loaded (Node)`,
      unit: 'MB',
      samples: csv.map((r) => (r.peak - processBase) / MB),
      baselineSamples: join.map((r) => (r.peak - processBase) / MB),
      goal: '≤ 200 MB',
      check: (f) => f.median <= 200,
      digits: 1,
      note: `Node V8 used heap sampled per 2,000-row chunk, minus the ${(processBase / MB).toFixed(0)} MB the vitest worker held before the data existed: ${((c0.before - processBase) / MB).toFixed(1)} MB of loaded attempts + ${((c0.peak - c0.before) / MB).toFixed(1)} MB during the export (garbage included; live only, GC per chunk: +${((live.peak - live.before) / MB).toFixed(1)} MB); baseline = the plain join's peak`,
    }),
    makeFigure({
      id: '8e',
      figure: `CSV import of the same ${n} attempts (Node, lead's merge)`,
      unit: 'ms',
      samples: imports,
      baselineSamples: papaOnly,
      goal: '≤ 3× papaparse alone',
      check: (f) => (f.ratio ?? Number.POSITIVE_INFINITY) <= 3,
      digits: 0,
      note: `parseAttemptsCsv (papaparse + column mapping + guard undo + per-row validation) vs Papa.parse of the same ${(text.length / MB).toFixed(1)} MB text; ${sizes.csvRuns} runs`,
    }),
  ];
}
