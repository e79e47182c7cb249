/**
 * Figure 11: page load with the extension against without it, on every helpdesk fixture. Each fixture
 * is served at its real URL (the worker injects the helpdesk's content script there once the page has
 * loaded, src/background/helpdesk-inject.ts) and, byte for byte, at the same path on a host nothing
 * matches (the baseline); loads alternate, each in a new tab, and the
 * navigation timing's `loadEventEnd − responseEnd` is read (the document's parse, scripts, subresources and
 * load handlers: what an extension could slow). A with-extension load counts only once the panel's host
 * element exists, so a content script that never ran cannot pass for a fast one.
 *
 * Judged with the noise in view: one load of a ~30 ms fixture varies by ~18% (sd) on this 2-core machine,
 * so a helpdesk's ratio from 40 pairs still wanders ±10% run to run (0.89–1.13 seen with nothing to tell
 * the helpdesks apart: the worker does the same, nothing, before any page's load event). The goal holds
 * when the typical ratio across helpdesks (geometric mean) has its 90% bootstrap interval within 1.05×
 * and no helpdesk's own interval lies wholly above 1.05×. Either fails on a real cost: a manifest-declared
 * content script read 1.2–1.85× on every helpdesk here. Row 11b is the helpdesk with the highest ratio.
 */
import type { Page } from 'playwright-core';
import { fixtureHelpdesks } from './bundle-size';
import { withBrowser } from '../lib/browser';
import { panelHosts } from '../lib/panel';
import type { Log, Sizes } from '../lib/config';
import { type Figure, makeFigure } from '../lib/report';
import { bootstrapInterval, geometricMean, median } from '../lib/stats';
import { allCases } from '../../test/e2e/harness';

const BASELINE_HOST = 'https://baseline-page-load.example.com';
const LIMIT = 1.05;

/** A helpdesk's ratio over the picked pairs (all of them by default): median load with ÷ median without. */
function ratioOf(ext: readonly number[], base: readonly number[], pick?: readonly number[]): number {
  const at = (xs: readonly number[]) => (pick ? pick.map((i) => xs[i]!) : xs);
  return (median(at(ext)) ?? 0) / (median(at(base)) ?? 1);
}
const interval = ([lo, hi]: readonly [number, number]) => `[${lo.toFixed(3)}, ${hi.toFixed(3)}]`;

async function loadOnce(page: Page, url: string, expectPanel: boolean): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  // loadEventEnd is 0 until the load handlers have returned: wait for it. Timed from responseEnd: the
  // fixture is served through Playwright's request routing, whose latency is the harness's, not the page's.
  const ms = (await (
    await page.waitForFunction(
      () => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return n?.loadEventEnd ? n.loadEventEnd - n.responseEnd : false;
      },
      undefined,
      { polling: 10 },
    )
  ).jsonValue()) as number;
  if (expectPanel) {
    // The panel's host is a plain element with a closed shadow root: look for it from the content script's world.
    const deadline = Date.now() + 15_000;
    while ((await panelHosts(page).catch(() => 0)) === 0) {
      if (Date.now() > deadline) throw new Error(`no panel on ${url} after 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return ms;
}

export async function pageLoadFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(
    async (l) => {
      const helpdesks = new Set(fixtureHelpdesks().map((h) => h.adapter));
      const cases = allCases().filter((c) => helpdesks.has(c.adapter) && !c.customSite);
      const seen = new Set<string>();
      const rows: { adapter: string; ext: number[]; base: number[]; ratio: number; range: [number, number] }[] = [];
      for (const c of cases) {
        if (seen.has(c.adapter)) continue;
        seen.add(c.adapter);
        const u = new URL(c.url);
        const baseUrl = `${BASELINE_HOST}${u.pathname}${u.search}`;
        await l.serve(c.url, c.fixture);
        await l.serve(baseUrl, c.fixture);
        const ext: number[] = [];
        const base: number[] = [];
        // One warm-up pair (HTTP cache of nothing, but the renderer and the worker warm up), then pairs
        // in ABBA order: whichever load comes second in a pair runs while the first one's tab is torn
        // down (and, with the extension, while the worker injects into it), so a fixed order would
        // favour one side.
        for (let i = 0; i <= sizes.pageLoadRuns; i++) {
          const extFirst = i % 2 === 0;
          let e = 0;
          let bl = 0;
          for (const withExt of extFirst ? [true, false] : [false, true]) {
            const tab = await l.context.newPage();
            if (withExt) e = await loadOnce(tab, c.url, true);
            else bl = await loadOnce(tab, baseUrl, false);
            await tab.close();
          }
          if (i > 0) {
            ext.push(e);
            base.push(bl);
          }
        }
        const ratio = ratioOf(ext, base);
        const range = bootstrapInterval([ext.length], ([pick]) => ratioOf(ext, base, pick));
        rows.push({ adapter: c.adapter, ext, base, ratio, range });
        log(`  ${c.adapter}: load ${median(ext)?.toFixed(1)} ms with, ${median(base)?.toFixed(1)} ms without (${ratio.toFixed(3)}×, 90% interval ${interval(range)})`);
      }
      if (!rows.length) throw new Error('page load: no helpdesk fixtures');
      const typical = geometricMean(rows.map((r) => r.ratio));
      const typicalRange = bootstrapInterval(
        rows.map((r) => r.ext.length),
        (picks) => geometricMean(rows.map((r, k) => ratioOf(r.ext, r.base, picks[k]))),
      );
      const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
      const noneAbove = rows.every((r) => r.range[0] <= LIMIT);
      log(`  typical ratio ${typical.toFixed(3)}× (90% interval ${interval(typicalRange)}); worst ${worst.adapter}`);
      const pairs = `${sizes.pageLoadRuns} alternating pairs per helpdesk (ABBA order) after a warm-up pair`;
      return [
        makeFigure({
          id: '11',
          figure: `page load with the extension, ${rows.length} helpdesks (typical ratio: geometric mean)`,
          unit: 'ms',
          samples: rows.flatMap((r) => r.ext),
          baselineSamples: rows.flatMap((r) => r.base),
          ratio: typical,
          goal: `≤ ${LIMIT}× without, every helpdesk: typical ratio's 90% interval ≤ ${LIMIT}×, no helpdesk's wholly above`,
          check: () => typicalRange[1] <= LIMIT && noneAbove,
          digits: 1,
          note: `navigation timing responseEnd → loadEventEnd, ${pairs}; baseline = the same fixture bytes at an unmatched host; median and p95 over every helpdesk's loads; typical ratio ${typical.toFixed(3)}×, 90% bootstrap interval ${interval(typicalRange)}; per helpdesk (ratio, 90% interval): ${rows.map((r) => `${r.adapter} ${r.ratio.toFixed(3)}× ${interval(r.range)}`).join(', ')}`,
        }),
        makeFigure({
          id: '11b',
          figure: `page load with the extension, highest-ratio helpdesk (${worst.adapter})`,
          unit: 'ms',
          samples: worst.ext,
          baselineSamples: worst.base,
          goal: `90% interval not wholly above ${LIMIT}×`,
          check: () => worst.range[0] <= LIMIT,
          digits: 1,
          note: `${pairs}; 90% bootstrap interval of the ratio ${interval(worst.range)}: one load varies by ~18% here, so a single helpdesk's ratio cannot be pinned to ±5% in a run this long`,
        }),
      ];
    },
    { settled: sizes.name !== 'smoke' },
  );
}
