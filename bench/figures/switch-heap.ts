/**
 * Figure 9: content-script memory across ticket switches on the Zendesk fixture (two tickets as tabs,
 * only one pane active). The page switches tickets the way the agent workspace does (active-pane
 * attribute flip + `history.pushState`), waiting each time until the panel shows the new ticket. JS heap
 * after a forced GC (`HeapProfiler.collectGarbage`, `Runtime.getHeapUsage`: the content script shares
 * the page's V8 heap) after the first switch vs after the last; panel hosts in the document; detached
 * DOM trees (`DOM.getDetachedDomNodes`) that hold panel nodes. Baseline: the same switches on the same
 * page at a host the extension does not run on. The first 20 switches go through the fixture's own tab
 * click, and their latency (switch → panel shows the other ticket) is reported too.
 */
import type { CDPSession, Page } from 'playwright-core';
import { heapAfterGc, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { BASELINE_ORIGIN, BENCH_ORIGIN, ticketUrl } from '../lib/pages';
import { evaluateBesidePanel, panelHosts, waitForPanel } from '../lib/panel';
import { type Figure, makeFigure } from '../lib/report';
import { median, sleep } from '../lib/stats';

const MB = 1024 * 1024;
const FIRST = '4521';

/**
 * Page (main world): `n` switches between the fixture's two tickets; `click` uses the fixture's tab
 * handler (attribute flips and pushState in one task), `direct` flips the attributes and pushes the URL
 * in the next task. Returns each switch's latency until the panel shows the new ticket (ms).
 */
async function switchTickets(arg: { n: number; driver: 'click' | 'direct'; paceMs?: number }): Promise<number[]> {
  const tabs = [...document.querySelectorAll<HTMLElement>('[data-test-id="header-tab"]')];
  const panes = [...document.querySelectorAll('.ticket-panes-grid-layout')];
  // The panel's root is closed: only the content script's world (where this runs with the extension) opens it.
  const shadow = [...document.documentElement.children].map((el) => (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome?.dom?.openOrClosedShadowRoot(el) ?? null).find((r) => r?.querySelector('section.panel'));
  // Baseline page (no extension): the active tab stands in for the panel, and each switch waits `paceMs`.
  const current = () => (shadow ? (shadow.querySelector('.ticket')?.textContent ?? '') : `#${tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.dataset.ticket}`);
  const shows = (id: string) =>
    new Promise<number>((resolve, reject) => {
      if (!shadow) {
        setTimeout(() => resolve(arg.paceMs ?? 0), arg.paceMs ?? 0);
        return;
      }
      const t0 = performance.now();
      const done = () => {
        if (current() !== `#${id}`) return false;
        mo.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - t0);
        return true;
      };
      const mo = new MutationObserver(done);
      const timer = setTimeout(() => {
        mo.disconnect();
        reject(new Error(`panel did not show #${id} within 10 s (shows ${current()})`));
      }, 10_000);
      mo.observe(shadow, { subtree: true, childList: true, characterData: true });
      done();
    });
  const times: number[] = [];
  for (let i = 0; i < arg.n; i++) {
    const now = current().slice(1);
    const tab = tabs.find((t) => t.dataset.ticket !== now)!;
    const id = tab.dataset.ticket!;
    const seen = shows(id);
    if (arg.driver === 'click') tab.click();
    else {
      for (const t of tabs) t.setAttribute('aria-selected', String(t === tab));
      for (const p of panes) p.setAttribute('data-is-active', String(p.getAttribute('data-side-conversations-anchor-id') === id));
      await new Promise((r) => setTimeout(r, 0));
      history.pushState({}, '', `/agent/tickets/${id}`);
    }
    times.push(await seen);
  }
  return times;
}

const PANEL_CLASSES = /\b(panel|block|step|move|progress|ticket|note|warn|help|req|auto|spacer|icon|why|wrapup)\b/;

interface DetachedTree {
  treeNode: DomNode;
}
interface DomNode {
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
}

async function detached(cdp: CDPSession): Promise<{ trees: number; nodes: number; panelTrees: number }> {
  const count = (n: DomNode): number => 1 + (n.children ?? []).reduce((s, c) => s + count(c), 0);
  const isPanel = (n: DomNode): boolean => {
    const attrs = n.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1] ?? '';
    return n.nodeName === 'RESOLVE-PLUS-PANEL' || (attrs.includes('class') && PANEL_CLASSES.test(cls)) || (n.children ?? []).some(isPanel);
  };
  try {
    const { detachedNodes } = (await cdp.send('DOM.getDetachedDomNodes' as never)) as unknown as { detachedNodes: DetachedTree[] };
    return { trees: detachedNodes.length, nodes: detachedNodes.reduce((s, d) => s + count(d.treeNode), 0), panelTrees: detachedNodes.filter((d) => isPanel(d.treeNode)).length };
  } catch {
    return { trees: Number.NaN, nodes: Number.NaN, panelTrees: Number.NaN };
  }
}

async function domCounters(cdp: CDPSession): Promise<{ nodes: number; jsEventListeners: number }> {
  return (await cdp.send('Memory.getDOMCounters' as never)) as unknown as { nodes: number; jsEventListeners: number };
}

async function heapRun(page: Page, cdp: CDPSession, total: number, paceMs?: number) {
  const first = await evaluateBesidePanel(page, switchTickets, { n: 1, driver: 'click' as const, paceMs });
  await sleep(500);
  const h1 = await heapAfterGc(cdp);
  const c1 = await domCounters(cdp);
  const clicks = Math.max(0, Math.min(19, total - 1));
  const clickTimes = [...first, ...(clicks ? await evaluateBesidePanel(page, switchTickets, { n: clicks, driver: 'click' as const, paceMs }) : [])];
  const started = Date.now();
  const directTimes = total > clicks + 1 ? await evaluateBesidePanel(page, switchTickets, { n: total - clicks - 1, driver: 'direct' as const, paceMs }) : [];
  const seconds = (Date.now() - started) / 1000;
  await sleep(1_000);
  const h2 = await heapAfterGc(cdp);
  const c2 = await domCounters(cdp);
  return { h1, h2, c1, c2, clickTimes, directTimes, seconds };
}

export async function switchHeapFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(async (l) => {
    const url = ticketUrl(BENCH_ORIGIN, FIRST);
    const baseUrl = ticketUrl(BASELINE_ORIGIN, FIRST);
    await l.serve(url, 'zendesk/ticket.html');
    await l.serve(baseUrl, 'zendesk/ticket.html');
    const page: Page = await l.context.newPage();
    await page.goto(url);
    await waitForPanel(page, FIRST, 'ready');
    const cdp = await l.context.newCDPSession(page);
    const ext = await heapRun(page, cdp, sizes.switches);
    const d2 = await detached(cdp);
    const hosts = await panelHosts(page);
    await page.close();
    // Baseline: the same number of switches on a page the extension does not run on (5 ms apart: heap
    // growth there — history entries — depends on the count, not the pace).
    const paceMs = 5;
    const basePage = await l.context.newPage();
    await basePage.goto(baseUrl);
    const baseCdp = await l.context.newCDPSession(basePage);
    const base = await heapRun(basePage, baseCdp, sizes.switches, paceMs);
    await basePage.close();
    const { h1, h2, c1, c2, clickTimes, directTimes } = ext;
    log(
      `  ${sizes.switches} switches (${ext.seconds.toFixed(0)} s for the last ${directTimes.length}): heap ${(h1 / MB).toFixed(2)} → ${(h2 / MB).toFixed(2)} MB (baseline ${(base.h1 / MB).toFixed(2)} → ${(base.h2 / MB).toFixed(2)}), DOM nodes ${c1.nodes} → ${c2.nodes}, listeners ${c1.jsEventListeners} → ${c2.jsEventListeners}, detached trees ${d2.trees} (panel ${d2.panelTrees}), hosts ${hosts}`,
    );
    log(`  tab click → panel shows the ticket: ${clickTimes.map((t) => t.toFixed(0)).join(' ')} ms; flip then pushState: median ${median(directTimes)?.toFixed(1)} ms`);
    return [
      makeFigure({
        id: '9a',
        figure: `content-script heap growth over ${sizes.switches.toLocaleString('en-US')} ticket switches`,
        unit: 'MB',
        samples: [(h2 - h1) / MB],
        baselineSamples: [(base.h2 - base.h1) / MB],
        goal: '≤ 2 MB',
        check: (f) => f.median <= 2,
        digits: 3,
        note: `page's V8 heap after GC (content script included), after the first switch → after the last: ${(h1 / MB).toFixed(2)} → ${(h2 / MB).toFixed(2)} MB; DOM nodes ${c1.nodes} → ${c2.nodes}, JS listeners ${c1.jsEventListeners} → ${c2.jsEventListeners}; baseline = the same switches on the page without the extension (history entries grow there too)`,
      }),
      makeFigure({
        id: '9b',
        figure: 'panel hosts in the document after the switches',
        unit: 'count',
        samples: [hosts],
        goal: '= 1',
        check: (f) => f.median === 1,
        digits: 0,
      }),
      makeFigure({
        id: '9c',
        figure: 'detached DOM trees holding panel nodes',
        unit: 'count',
        samples: [d2.panelTrees],
        goal: '= 0',
        check: (f) => f.median === 0,
        digits: 0,
        note: `DOM.getDetachedDomNodes after GC: ${d2.trees} detached trees (${d2.nodes} nodes) in all`,
      }),
      makeFigure({
        id: '9d',
        figure: 'ticket switch (tab click) → panel shows the ticket',
        unit: 'ms',
        samples: clickTimes,
        goal: 'info',
        digits: 1,
        // Not a baseline (the extension runs in both): a second way of switching, for comparison.
        note: `the fixture's tab click flips the panes and pushes the URL in one task (${clickTimes.length} switches); for comparison, the URL pushed one task after the flip: median ${median(directTimes)?.toFixed(1) ?? '—'} ms (${directTimes.length} switches, extension running in both)`,
      }),
    ];
  }, { settled: sizes.name !== 'smoke' });
}
