/**
 * Figure 7 (and 8c/8d): the dashboard with a large log. N attempts (+ their interactions and wrap-ups)
 * are seeded through the worker's `log/merge` from an extension page in chunks of 5,000 (the protocol's
 * cap). Then the dashboard opens in a new tab each run and its own performance marks are read:
 * `rp:first-rows` (first render, ms since navigation start) and, after changing a filter select,
 * `rp:filter-applied` (ms from the change event's timeStamp). A missing mark makes the figure null.
 * In the last run the dashboard's own CSV export of every attempt is timed (click → download) with the
 * tab's JS heap sampled through CDP `Runtime.getHeapUsage`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { extensionPage, type Launched } from '../../test/e2e/harness';
import { messagingPage, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { checkSample, makeLog } from '../lib/data';
import { type Figure, makeFigure, missingFigure } from '../lib/report';
import { median, sleep } from '../lib/stats';

const CHUNK = 5_000;
const MB = 1024 * 1024;

async function seed(l: Launched, attempts: number, log: Log): Promise<{ seconds: number; rows: number }> {
  const page = await messagingPage(l);
  const data = makeLog(attempts, 7);
  checkSample(data);
  const started = Date.now();
  let rows = 0;
  for (const key of ['interactions', 'attempts', 'wrapups'] as const) {
    const all = data[key];
    for (let i = 0; i < all.length; i += CHUNK) {
      const part = all.slice(i, i + CHUNK);
      const reply = await page.evaluate(
        (payload) =>
          chrome.runtime.sendMessage({ rp: 1, name: 'log/merge', payload }) as Promise<{ ok: boolean; error?: string; result?: { added: number; duplicates: number } }>,
        { [key]: part },
      );
      // Generated data may repeat an (interaction, move) pair, which is one attempt: counted as a duplicate.
      const r = reply?.result;
      if (!reply?.ok || !r || r.added + r.duplicates !== part.length) throw new Error(`seeding ${key}: ${JSON.stringify(reply).slice(0, 300)}`);
      rows += r.added;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  log(`  seeded ${rows.toLocaleString('en-US')} rows (${data.attempts.length} attempts) in ${seconds.toFixed(1)} s`);
  await page.close();
  return { seconds, rows };
}

/** The mark's startTime once it exists (polled), or null after `timeout`. */
async function mark(page: Page, name: string, after: number, timeout: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(
      ([n, a]) => {
        const m = performance.getEntriesByName(n, 'mark').filter((e) => e.startTime > a);
        return m.length ? m[m.length - 1]!.startTime : false;
      },
      [name, after] as const,
      { timeout, polling: 20 },
    );
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/** Changes one filter select with a trusted input; ms from the change event to `rp:filter-applied`. */
async function changeFilter(page: Page, name: string, value: string): Promise<number | null> {
  await page.evaluate(() => {
    const w = window as unknown as { __changeAt?: number; __changeHooked?: boolean };
    w.__changeAt = undefined;
    if (!w.__changeHooked) {
      w.__changeHooked = true;
      window.addEventListener('change', (e) => (w.__changeAt = e.timeStamp), { capture: true });
    }
  });
  const before = await page.evaluate(() => performance.now());
  await page.selectOption(`select[name="${name}"]`, value, { timeout: 10_000 });
  const at = await page.evaluate(() => (window as unknown as { __changeAt?: number }).__changeAt ?? null);
  const applied = await mark(page, 'rp:filter-applied', at ?? before, 30_000);
  return applied === null || at === null ? null : applied - at;
}

interface ExportRun {
  ms: number;
  peakMb: number;
  beforeMb: number;
}

async function exportInDashboard(page: Page, cdp: CDPSession): Promise<ExportRun | null> {
  const button = page.getByRole('button', { name: 'Attempts CSV' });
  if ((await button.count()) === 0) return null;
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      if (usedSize > peak) peak = usedSize;
      await sleep(25);
    }
  })();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const t0 = Date.now();
  await button.click();
  const d = await download;
  const ms = Date.now() - t0;
  sampling = false;
  await sampler;
  await d.cancel().catch(() => {});
  return { ms, peakMb: peak / MB, beforeMb: before / MB };
}

export async function dashboardFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(async (l) => {
    const seeded = await seed(l, sizes.dashboardAttempts, log);
    const n = sizes.dashboardAttempts.toLocaleString('en-US');
    const first: number[] = [];
    const all: number[] = [];
    const filters: number[] = [];
    let exported: ExportRun | null = null;
    let problem = '';
    for (let r = 0; r < sizes.dashboardRuns; r++) {
      const page = await l.context.newPage();
      const cdp = await l.context.newCDPSession(page);
      await page.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
      const f = await mark(page, 'rp:first-rows', 0, 60_000);
      const a = await mark(page, 'rp:all-loaded', 0, 120_000);
      if (f !== null) first.push(f);
      if (a !== null) all.push(a);
      if (r === sizes.dashboardRuns - 1 && a !== null) {
        exported = await exportInDashboard(page, cdp).catch((e: unknown) => {
          problem = `export: ${String(e).slice(0, 200)}`;
          return null;
        });
        const changes: [string, string][] = [
          ['outcome', 'accepted'],
          ['kind', 'usage-tip'],
          ['outcome', ''],
          ['kind', ''],
        ];
        for (const [name, value] of changes) {
          const ms = await changeFilter(page, name, value).catch((e: unknown) => {
            problem = `filter: ${String(e).slice(0, 200)}`;
            return null;
          });
          if (ms !== null) filters.push(ms);
        }
      }
      log(`  run ${r + 1}: rp:first-rows ${f?.toFixed(0) ?? 'missing'} ms, rp:all-loaded ${a?.toFixed(0) ?? 'missing'} ms${filters.length ? `, filters ${filters.map((x) => x.toFixed(0)).join('/')} ms` : ''}${exported ? `, export ${exported.ms} ms, heap ${exported.beforeMb.toFixed(0)} → peak ${exported.peakMb.toFixed(0)} MB` : ''}`);
      await page.close();
    }
    const spec7a = { id: '7a', figure: `dashboard time to first useful paint, ${n} attempts (rp:first-rows)`, unit: 'ms', goal: '≤ 500 ms' };
    const spec7b = { id: '7b', figure: `dashboard filter change, ${n} attempts (rp:filter-applied)`, unit: 'ms', goal: '≤ 200 ms' };
    const spec8c = { id: '8c', figure: `CSV export in the dashboard, ${n} attempts (click → download)`, unit: 'ms', goal: '≤ 1,500 ms' };
    const spec8d = { id: '8d', figure: 'CSV export in the dashboard, peak tab JS heap', unit: 'MB', goal: '≤ 200 MB' };
    const seedNote = `seeded ${seeded.rows.toLocaleString('en-US')} rows through log/merge in ${seeded.seconds.toFixed(0)} s (${(seeded.rows / seeded.seconds).toFixed(0)} rows/s)`;
    return [
      first.length
        ? makeFigure({
            ...spec7a,
            samples: first,
            check: (f) => f.median <= 500,
            digits: 0,
            note: `ms from navigation start to the mark, ${first.length} fresh tabs; all rows loaded (rp:all-loaded): median ${median(all)?.toFixed(0) ?? '—'} ms; ${seedNote}`,
          })
        : missingFigure(spec7a, `the dashboard did not emit rp:first-rows within 60 s${problem ? ` (${problem})` : ''}`),
      filters.length
        ? makeFigure({
            ...spec7b,
            samples: filters,
            check: (f) => f.median <= 200,
            digits: 0,
            note: `change event timeStamp → mark, ${filters.length} changes of the outcome and kind selects (set and cleared) after rp:all-loaded`,
          })
        : missingFigure(spec7b, `no rp:filter-applied mark after a filter change${problem ? ` (${problem})` : ''}`),
      exported
        ? makeFigure({ ...spec8c, samples: [exported.ms], check: (f) => f.median <= 1_500, digits: 0, note: "the dashboard's own export (2,000-row chunks, yielding between them), all attempts, unfiltered" })
        : missingFigure(spec8c, `no "Attempts CSV" button, or the export failed${problem ? ` (${problem})` : ''}`),
      exported
        ? makeFigure({
            ...spec8d,
            samples: [exported.peakMb],
            check: (f) => f.median <= 200,
            digits: 1,
            // Not a baseline (no run without the extension): the same tab before the export, for scale.
            note: `CDP Runtime.getHeapUsage every 25 ms during the export; the tab held ${exported.beforeMb.toFixed(1)} MB after GC with the log loaded, before the export`,
          })
        : missingFigure(spec8d, 'export not measured (see 8c)'),
    ];
  });
}
