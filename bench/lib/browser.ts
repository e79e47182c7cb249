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
