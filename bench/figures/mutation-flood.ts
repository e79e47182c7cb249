/**
 * Figure 3: main-thread cost of the content script while the page mutates its conversation log
 * 1,000 times a second (each mutation appends a message and drops the oldest, so the page keeps its
 * ~5,000 elements). The same page is open at a host the manifest matches (extension active) and at one it
 * does not (baseline); windows alternate between them, the measured page in front and flooding alone
 * (a background tab gets ~2 frames/s, which would make it look cheap). Main-thread busy time is the
 * `Performance.getMetrics` TaskDuration delta of that page's renderer per second of the window.
 */
import type { CDPSession, Page } from 'playwright-core';
import { metrics, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { BASELINE_ORIGIN, BENCH_ORIGIN, paneHtml, ticketUrl, workspaceHtml } from '../lib/pages';
import { waitForPanel } from '../lib/panel';
import { type Figure, makeFigure } from '../lib/report';
import { bootstrapInterval, median, sleep } from '../lib/stats';

const ID = '73000';

/** Page script (main world): appends `rate` messages a second to the active pane's log, dropping the oldest. */
function startFlood(rate: number): void {
  const log = document.querySelector('[data-is-active="true"] [data-test-id="omni-log-container"]')!;
  const w = window as unknown as { __flood?: ReturnType<typeof setInterval>; __floodDone?: number; __frames?: number };
  const start = performance.now();
  if (w.__frames === undefined) {
    w.__frames = 0;
    const frame = () => {
      w.__frames! += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
  let done = 0;
  let k = 1_000_000;
  const make = (i: number) => {
    const a = document.createElement('article');
    a.setAttribute('data-test-author-type', i % 2 ? 'agent' : 'end-user');
    const s = document.createElement('div');
    s.setAttribute('data-test-id', 'omni-log-item-sender');
    s.textContent = i % 2 ? 'Sam (Acme)' : 'Maria Lopez';
    const c = document.createElement('div');
    c.setAttribute('data-test-id', 'omni-log-message-content');
    c.textContent = `Live update ${i}: typing indicator, read receipt or a new message.`;
    a.append(s, c);
    return a;
  };
  w.__flood = setInterval(() => {
    const due = Math.floor(((performance.now() - start) * rate) / 1000) - done;
    for (let i = 0; i < due; i++) {
      log.append(make(k++));
      log.firstElementChild?.remove();
    }
    done += due;
    w.__floodDone = done;
  }, 10);
}

/** [mutations done, performance.now(), frames seen] in the page. */
function floodState(): [number, number, number] {
  const w = window as unknown as { __floodDone?: number; __frames?: number };
  return [w.__floodDone ?? 0, performance.now(), w.__frames ?? 0];
}

interface Side {
  page: Page;
  cdp: CDPSession;
}

export async function mutationFloodFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(async (l) => {
    const html = workspaceHtml(paneHtml(ID, sizes.paneNodes));
    await l.serve(ticketUrl(BENCH_ORIGIN, ID), html, { html: true });
    await l.serve(ticketUrl(BASELINE_ORIGIN, ID), html, { html: true });
    const open = async (origin: string): Promise<Side> => {
      const page = await l.context.newPage();
      await page.goto(ticketUrl(origin, ID));
      const cdp = await l.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
      return { page, cdp };
    };
    const ext = await open(BENCH_ORIGIN);
    const base = await open(BASELINE_ORIGIN);
    await waitForPanel(ext.page, ID, 'ready');
    const extBusy: number[] = [];
    const baseBusy: number[] = [];
    const extScript: number[] = [];
    const baseScript: number[] = [];
    const rates: number[] = [];
    const fps: number[] = [];
    /** One window on one page: brought to front (a background tab gets ~2 frames/s), flooding alone. */
    const measure = async (side: Side) => {
      await side.page.bringToFront();
      await side.page.evaluate(startFlood, sizes.mutationsPerSecond);
      await sleep(1_000); // settle: the flood's first frames, the content script's last refresh
      const m0 = await metrics(side.cdp);
      const [n0, p0, f0] = await side.page.evaluate(floodState);
      await sleep(sizes.floodSeconds * 1_000);
      const m1 = await metrics(side.cdp);
      const [n1, p1, f1] = await side.page.evaluate(floodState);
      await side.page.evaluate(() => clearInterval((window as unknown as { __flood: ReturnType<typeof setInterval> }).__flood));
      // The content script's refresh after the flood stops, and this renderer's clean-up of the ~10,000
      // nodes the flood dropped, stay out of the next window (on 2 cores another tab's clean-up slows the
      // measured one: with 0.5 s here, whichever side flooded second read ~5% busier).
      await sleep(2_000);
      const seconds = m1.Timestamp! - m0.Timestamp!;
      rates.push(((n1 - n0) / (p1 - p0)) * 1_000);
      fps.push(((f1 - f0) / (p1 - p0)) * 1_000);
      const per = (k: string) => ((m1[k]! - m0[k]!) / seconds) * 1_000;
      return { busy: per('TaskDuration'), script: per('ScriptDuration'), layout: per('LayoutDuration'), style: per('RecalcStyleDuration') };
    };
    for (let w = 0; w < sizes.floodWindows; w++) {
      // Alternate which side goes first, so drift in machine load does not favour one.
      const order = w % 2 === 0 ? [ext, base] : [base, ext];
      const results = new Map<Side, { busy: number; script: number; layout: number; style: number }>();
      for (const side of order) results.set(side, await measure(side));
      const e = results.get(ext)!;
      const b = results.get(base)!;
      extBusy.push(e.busy);
      baseBusy.push(b.busy);
      extScript.push(e.script);
      baseScript.push(b.script);
      log(`  window ${w + 1}: busy ${e.busy.toFixed(1)} vs ${b.busy.toFixed(1)} ms/s (script ${e.script.toFixed(1)} vs ${b.script.toFixed(1)}, layout ${e.layout.toFixed(1)} vs ${b.layout.toFixed(1)}, style ${e.style.toFixed(1)} vs ${b.style.toFixed(1)}, rest ${(e.busy - e.script - e.layout - e.style).toFixed(1)} vs ${(b.busy - b.script - b.layout - b.style).toFixed(1)}); ${rates.slice(-2).map((r) => r.toFixed(0)).join('/')} mutations/s, ${fps.slice(-2).map((r) => r.toFixed(0)).join('/')} frames/s`);
    }
    const ratios = extBusy.map((e, i) => e / baseBusy[i]!);
    // Windows resampled as pairs (each window's two sides ran back to back): how far the ratio of medians
    // moves with the windows drawn. One window varies by a few percent here, so one run's verdict on a 2%
    // goal can go either way; the interval says by how much.
    const ratioOfMedians = (pick: readonly number[]) => (median(pick.map((i) => extBusy[i]!)) ?? 0) / (median(pick.map((i) => baseBusy[i]!)) ?? 1);
    const [low, high] = bootstrapInterval([extBusy.length], ([pick]) => ratioOfMedians(pick!));
    return [
      makeFigure({
        id: '3',
        figure: `main-thread busy under ${sizes.mutationsPerSecond.toLocaleString('en-US')} mutations/s (${sizes.floodWindows * sizes.floodSeconds} s)`,
        unit: 'ms/s',
        samples: extBusy,
        baselineSamples: baseBusy,
        goal: '≤ 1.02× baseline',
        check: (f) => (f.ratio ?? Number.POSITIVE_INFINITY) <= 1.02,
        digits: 1,
        note: `CDP Performance.getMetrics TaskDuration per second of the page's renderer, alternating ${sizes.floodWindows} window(s) of ${sizes.floodSeconds} s per side; per-window ratios ${ratios.map((r) => r.toFixed(3)).join(', ')}; 90% bootstrap interval of the ratio over windows [${low.toFixed(3)}, ${high.toFixed(3)}]; ScriptDuration ${median(extScript)?.toFixed(1)} vs ${median(baseScript)?.toFixed(1)} ms/s; achieved ${median(rates)?.toFixed(0)} mutations/s at ${median(fps)?.toFixed(0)} frames/s`,
      }),
      makeFigure({
        id: '3b',
        figure: 'script time in the same windows',
        unit: 'ms/s',
        samples: extScript,
        baselineSamples: baseScript,
        goal: 'info',
        digits: 1,
        note: `ScriptDuration (all worlds: the page's flood script + the content script); the difference is the content script's own JS: ${((median(extScript) ?? 0) - (median(baseScript) ?? 0)).toFixed(1)} ms/s, ${((((median(extScript) ?? 0) - (median(baseScript) ?? 0)) / (median(baseBusy) ?? 1)) * 100).toFixed(2)}% of the baseline's busy time`,
      }),
    ];
  }, { settled: sizes.name !== 'smoke' });
}
