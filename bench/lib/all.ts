/**
 * Runs every figure of issue #8 in an order that keeps them out of each other's way: pure Node figures
 * first, the worker-idle figure in the background (its browser sits idle for ~30 s), then the browser
 * figures one at a time, each in its own fresh Chromium profile. A figure that throws becomes a null row
 * with the error, so one broken figure does not hide the others.
 */
import { execFileSync } from 'node:child_process';
import { bundleFigures } from '../figures/bundle-size';
import { clickPaintFigures } from '../figures/click-paint';
import { csvFigures } from '../figures/csv-export';
import { dashboardFigures } from '../figures/dashboard';
import { eventLoggingFigures } from '../figures/event-logging';
import { mutationFloodFigures } from '../figures/mutation-flood';
import { optionsPaintFigures } from '../figures/options-paint';
import { pageLoadFigures } from '../figures/page-load';
import { panelVisibleFigures } from '../figures/panel-visible';
import { playbookEvalFigures } from '../figures/playbook-eval';
import { switchHeapFigures } from '../figures/switch-heap';
import { measureWorkerIdle, workerIdleFigures } from '../figures/worker-idle';
import { teamFigures } from '../figures/team-sync';
import { chromiumVersion, distSnapshot, dropDistSnapshot, launchedVersion } from './browser';
import type { Log, Sizes } from './config';
import { type Figure, machine, missingFigure, type Results } from './report';

/**
 * Every figure a run must produce (the smoke test fails when one is missing or not a number). Team-mode
 * figures join this list when they join the run.
 */
export const EXPECTED_FIGURES: readonly string[] = [
  '1a', '1b', '1c', '1d', '1e', '2a', '2b', '2c', '3', '3b', '4', '4b', '5', '5b', '6a', '6b',
  '7a', '7b', '7c', '8a', '8b', '8c', '8d', '8e', '9a', '9b', '9c', '9d', '10', '11', '11b', '12a', '12b', '12c', '12d',
];

/** The commit the run measured (`-dirty` when tracked files other than the results differ from it). */
export function measuredCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown';
  }
}

const order = (id: string) => {
  const m = /^(\d+)([a-z]?)$/.exec(id);
  return m ? Number(m[1]) * 100 + (m[2] ? m[2].charCodeAt(0) - 96 : 0) : 1e9;
};

/** The figure groups `runAll` runs, by the id its log line shows (`[2] panel after…`). */
export const FIGURE_GROUPS: readonly string[] = ['1', '5', '8', '10', '2', '3', '4', '9', '6', '7', '7c', '11', '12'];

/**
 * `BENCH_ONLY=2,3,4,11`: run only these figure groups (to measure one change without the whole run).
 * Undefined when unset (everything runs); an unknown id is an error that lists the valid ones, so a
 * typo cannot silently measure nothing.
 */
export function benchOnlyFromEnv(env: Record<string, string | undefined> = process.env): ReadonlySet<string> | undefined {
  const raw = env.BENCH_ONLY?.trim();
  if (!raw) return undefined;
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !FIGURE_GROUPS.includes(id));
  if (unknown.length || !ids.length) throw new Error(`BENCH_ONLY: unknown figure group ${unknown.join(', ') || '(none given)'}; groups are ${FIGURE_GROUPS.join(', ')}`);
  return new Set(ids);
}

/** `only`: the figure groups to run (see `benchOnlyFromEnv`); all of them when undefined. */
export async function runAll(sizes: Sizes, log: Log, only?: ReadonlySet<string>): Promise<Results> {
  const started = Date.now();
  const date = new Date().toISOString();
  // Taken before measuring: a commit made while the run is in flight must not claim its figures.
  const commit = measuredCommit();
  try {
    return { ...(await runFigures(sizes, log, date, started, only)), commit };
  } finally {
    dropDistSnapshot();
  }
}

async function runFigures(sizes: Sizes, log: Log, date: string, started: number, only: ReadonlySet<string> | undefined): Promise<Results> {
  const wanted = (id: string) => !only || only.has(id);
  const figures: Figure[] = [];
  const failed = (id: string, name: string, err: unknown): Figure =>
    missingFigure({ id, figure: name, unit: '—', goal: '—' }, `failed: ${String(err instanceof Error ? err.message : err).split('\n')[0]?.slice(0, 300)}`);
  const step = async (id: string, name: string, fn: () => Figure[] | Promise<Figure[]>) => {
    if (!wanted(id)) return;
    log(`[${id}] ${name}`);
    const t = Date.now();
    try {
      figures.push(...(await fn()));
    } catch (err) {
      log(`  FAILED: ${String(err instanceof Error ? (err.stack ?? err.message) : err).slice(0, 1500)}`);
      figures.push(failed(id, name, err));
    }
    log(`  (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };

  const dist = distSnapshot();
  await step('1', 'bundle sizes', () => bundleFigures(dist, log));
  await step('5', 'playbook evaluation (Node)', () => playbookEvalFigures(sizes, log));
  await step('8', 'CSV export (Node)', () => csvFigures(sizes, log));
  if (wanted('10')) log('[10] service worker idle stop: measuring in the background');
  const idle = wanted('10')
    ? measureWorkerIdle(sizes.idleCapSeconds, log).then(
        (r) => workerIdleFigures(r, sizes),
        (err: unknown) => [failed('10', 'service worker idle stop', err)],
      )
    : [];
  await step('2', 'panel after the ticket pane appears', () => panelVisibleFigures(sizes, log));
  await step('3', 'mutation flood', () => mutationFloodFigures(sizes, log));
  await step('4', 'checklist click → paint', () => clickPaintFigures(sizes, log));
  await step('9', 'ticket switches: heap', () => switchHeapFigures(sizes, log));
  await step('6', 'event logging', () => eventLoggingFigures(sizes, log));
  await step('7', 'dashboard with a large log', () => dashboardFigures(sizes, log));
  await step('7c', 'options page first useful paint', () => optionsPaintFigures(sizes, log));
  await step('11', 'page load with and without the extension', () => pageLoadFigures(sizes, log));
  await step('10', 'service worker idle stop (waiting)', () => idle);
  await step('12', 'team mode over NATS JetStream', () => teamFigures(sizes, log));
  figures.sort((a, b) => order(a.id) - order(b.id));
  return {
    date,
    browser: launchedVersion || chromiumVersion(),
    machine: machine(),
    durationSeconds: (Date.now() - started) / 1000,
    short: sizes.name !== 'full',
    figures,
  };
}
