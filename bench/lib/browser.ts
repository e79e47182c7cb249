/**
 * Chromium for the benchmark: the e2e harness's `launch()` on a private copy of dist/chromium (other
 * engineers rebuild dist/ while a 10-minute run is in flight), plus the CDP calls the figures share.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { KEYS } from '../../src/shared/storage-keys';
import { DIST, extensionPage, type Launched, launch, readStore } from '../../test/e2e/harness';
import { sleep } from './stats';

let snapshot: string | null = null;

/**
 * A copy of dist/chromium (or of `BENCH_DIST`, to compare another build) taken once per process; the
 * extension id is pinned by the manifest key, so it is the same wherever the copy lives.
 */
export function distSnapshot(): string {
  if (snapshot && existsSync(snapshot)) return snapshot;
  const source = process.env.BENCH_DIST || DIST;
  if (!existsSync(join(source, 'manifest.json'))) throw new Error(`${source} is missing: run \`node scripts/build.mjs chromium\` first`);
  const dir = mkdtempSync(join(tmpdir(), 'rp-bench-dist-'));
  cpSync(source, dir, { recursive: true });
  snapshot = dir;
  process.once('exit', dropDistSnapshot);
  return dir;
}

/** Removes the copy (vitest may end its workers without an `exit` event, so the runner calls this too). */
export function dropDistSnapshot(): void {
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  snapshot = null;
}

/** `Chromium <version>` of the last browser launched (for the results' header). */
export let launchedVersion = '';

/**
 * A fresh profile, as a rep's browser looks after its first session: `settled` waits until the worker
 * has mirrored the enterprise policy into storage.local (src/background/policy.ts). Before that, the first
 * `storage.managed` read of a browser session takes seconds and every message that needs the policy
 * (customer key, playbooks) waits up to 300 ms for it; the figures that care measure that cold start apart.
 */
export async function withBrowser<T>(fn: (l: Launched) => Promise<T>, opts: { settled?: boolean } = {}): Promise<T> {
  const l = await launch({ dist: distSnapshot() });
  launchedVersion ||= chromiumVersion(l);
  try {
    if (opts.settled) await policySettled(l);
    return await fn(l);
  } finally {
    await l.close().catch(() => {});
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function chromiumVersion(l?: Launched): string {
  const v = l?.context.browser()?.version();
  if (v) return `Chromium ${v}`;
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** An extension page to send messages from (the popup: it does nothing until clicked). */
export async function messagingPage(l: Launched): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, 'src/pages/popup/index.html'));
  return page;
}

/** JS heap of the page's renderer main thread after a full GC (content scripts share this V8 heap). */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

/** `Performance.getMetrics` as a name → value map (TaskDuration/ScriptDuration in seconds, Timestamp in seconds). */
export async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Waits (up to 20 s) until the worker has written its policy mirror; returns how long that took (ms). */
export async function policySettled(l: Launched): Promise<number> {
  const started = Date.now();
  // The worker reads the policy on the first message that needs it: send one.
  const page = await messagingPage(l);
  await page.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }));
  await page.close();
  while (Date.now() - started < 20_000) {
    // The mirror lives in the worker's trusted config store (IndexedDB), no longer in storage.local.
    const has = (await readStore<{ key: string }>(l.worker, 'config')).some((r) => r.key === KEYS.policyMirror);
    if (has) break;
    await sleep(250);
  }
  return Date.now() - started;
}

/** One trace event as DevTools writes it (times in µs on the trace clock). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { message?: string } };
}

/** The top-level task events of a renderer thread (older and newer Chromium names). */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * Starts a DevTools trace of main-thread tasks; the returned function ends it and gives its events. Unlike
 * a `longtask` PerformanceObserver, this sees every task of the thread, whichever world scheduled it or
 * however it was dispatched (a DevTools `Runtime.callFunctionOn` task is not reported as a long task).
 */
export async function startTaskTrace(session: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: unknown[] }) => {
    events.push(...(e.value as TraceEvent[]));
  };
  session.on('Tracing.dataCollected', onData);
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', onData);
    return events;
  };
}

/**
 * Longest task (ms) on the thread that wrote `console.timeStamp(startMark)`, among the tasks overlapping
 * the time from that mark to `console.timeStamp(endMark)` (a task that contains a mark counts in full).
 * Throws when a mark is missing: a window the trace did not see must not read as "no long task".
 */
export function longestTaskBetween(events: readonly TraceEvent[], startMark: string, endMark: string): number {
  const mark = (m: string) => {
    const found = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
    if (!found) throw new Error(`trace has no console.timeStamp('${m}') (${events.length} events): tracing did not cover the probe`);
    return found;
  };
  const start = mark(startMark);
  const end = mark(endMark);
  if (end.pid !== start.pid || end.tid !== start.tid) throw new Error(`marks '${startMark}' and '${endMark}' are on different threads`);
  let longest = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_EVENTS.has(e.name) || e.pid !== start.pid || e.tid !== start.tid) continue;
    const dur = e.dur ?? 0;
    if (e.ts <= end.ts && e.ts + dur >= start.ts) longest = Math.max(longest, dur / 1000);
  }
  return longest;
}
