/** The benchmark's result rows, the printed table and `bench/results/latest.json`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { dirname, resolve } from 'node:path';
import { median, percentile, round } from './stats';

export interface Figure {
  /** Row number in the issue (#8): `2a`, `6b`… */
  readonly id: string;
  readonly figure: string;
  readonly unit: string;
  readonly median: number | null;
  readonly p95: number | null;
  /** Only where the goal is on the 99th percentile. */
  readonly p99?: number | null;
  /** Same quantity measured in the same run without the extension (or the raw operation); null when none. */
  readonly baseline: number | null;
  /** median / baseline median. */
  readonly ratio: number | null;
  readonly goal: string;
  /** null when the figure could not be measured. */
  readonly met: boolean | null;
  /** Samples behind median/p95. */
  readonly n: number;
  readonly note?: string;
  /** Why the figure is null (the product does not expose what it needs yet). */
  readonly missing?: string;
}

/** Units whose figures are timed measurements (they vary run to run, so one sample says little). */
export const TIMED_UNITS: ReadonlySet<string> = new Set(['ms', 's', 'ms/s', 'events/s', 'eval/s', 'MB', '×']);

/** Timed figures need at least this many samples; fewer and the row says "single sample". */
export const MIN_SAMPLES = 5;

export interface FigureSpec {
  readonly id: string;
  readonly figure: string;
  readonly unit: string;
  readonly samples: readonly number[];
  readonly baselineSamples?: readonly number[];
  readonly goal: string;
  /** Decides `met` from the computed row; not called when the median is null. Absent: informational row (met null). */
  readonly check?: (f: { median: number; p95: number; p99: number | null; ratio: number | null }) => boolean;
  readonly withP99?: boolean;
  /** The row's ratio where it is not median ÷ baseline median (figure 11: the typical ratio across helpdesks). */
  readonly ratio?: number;
  readonly digits?: number;
  readonly note?: string;
  readonly missing?: string;
}

export function makeFigure(s: FigureSpec): Figure {
  const digits = s.digits ?? 2;
  const med = median(s.samples);
  const p95 = percentile(s.samples, 95);
  const p99 = s.withP99 ? percentile(s.samples, 99) : undefined;
  const base = s.baselineSamples ? median(s.baselineSamples) : null;
  const ratio = s.ratio ?? (med !== null && base !== null && base !== 0 ? med / base : null);
  const met = med === null || p95 === null || !s.check ? null : s.check({ median: med, p95, p99: p99 ?? null, ratio });
  const n = s.samples.filter(Number.isFinite).length;
  // A timed figure from one or a few samples is said to be so where the number is read, not in a footnote.
  const few = TIMED_UNITS.has(s.unit) && n > 0 && n < MIN_SAMPLES;
  return {
    id: s.id,
    figure: few ? `${s.figure} (${n === 1 ? 'single sample' : `${n} samples`})` : s.figure,
    unit: s.unit,
    median: round(med, digits),
    p95: round(p95, digits),
    ...(s.withP99 ? { p99: round(p99 ?? null, digits) } : {}),
    baseline: round(base, digits),
    ratio: round(ratio, 3),
    goal: s.goal,
    met,
    n,
    ...(s.note ? { note: s.note } : {}),
    ...(s.missing ? { missing: s.missing } : {}),
  };
}

/** A figure that could not be measured: null values, the reason in `missing`. */
export function missingFigure(s: Pick<FigureSpec, 'id' | 'figure' | 'unit' | 'goal'>, reason: string): Figure {
  return { ...s, median: null, p95: null, baseline: null, ratio: null, met: null, n: 0, missing: reason, note: reason };
}

export interface Results {
  readonly date: string;
  /** `git rev-parse --short HEAD` of the measured tree, `-dirty` if it had uncommitted changes. */
  readonly commit?: string;
  readonly browser: string;
  readonly machine: { os: string; cpus: string; memory: string; node: string; freeMemoryAtStart: string; loadAverageAtStart?: string };
  readonly durationSeconds: number;
  readonly short: boolean;
  readonly figures: readonly Figure[];
}

export function machine(): Results['machine'] {
  const c = cpus();
  const gb = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  return {
    os: `${type()} ${release()}`,
    cpus: `${c.length} × ${c[0]?.model.trim() ?? 'unknown'}`,
    memory: gb(totalmem()),
    node: process.version,
    freeMemoryAtStart: gb(freemem()),
    // On a shared machine the other users' load moves every timed figure: say how busy it was.
    loadAverageAtStart: loadavg()
      .map((x) => x.toFixed(1))
      .join(' / '),
  };
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(x));

export function formatTable(r: Results): string {
  const head = ['#', 'figure', 'unit', 'n', 'median', 'p95', 'baseline', 'ratio', 'goal', 'met'];
  const rows = r.figures.map((f) => [
    f.id,
    f.figure,
    f.unit,
    String(f.n),
    fmt(f.median),
    fmt(f.p95),
    fmt(f.baseline),
    f.ratio === null ? '—' : `${f.ratio}×`,
    f.goal,
    f.met === null ? 'n/a' : f.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 3 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' │ ');
  const out = [
    `Resolve Plus benchmark — ${r.date} — commit ${r.commit ?? 'unknown'} — ${r.browser} — ${r.machine.os}, ${r.machine.cpus}, ${r.machine.memory}${r.short ? ' — BENCH_SHORT' : ''}`,
    '',
    line(head),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map(line),
    '',
    'notes:',
    ...r.figures.filter((f) => f.note).map((f) => `  ${f.id}: ${f.note}${f.p99 !== undefined ? ` (p99 ${fmt(f.p99)} ${f.unit})` : ''}`),
    '',
    `met ${r.figures.filter((f) => f.met === true).length} of ${r.figures.length} · missed ${r.figures.filter((f) => f.met === false).length} · not measured or informational ${r.figures.filter((f) => f.met === null).length} · bench time ${r.durationSeconds.toFixed(0)} s`,
  ];
  return out.join('\n');
}

export const RESULTS_DIR = resolve('bench/results');

export function writeResults(r: Results, dir = RESULTS_DIR): { json: string; table: string } {
  const json = resolve(dir, 'latest.json');
  const table = resolve(dir, 'latest.txt');
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(table, `${formatTable(r)}\n`);
  return { json, table };
}
