/**
 * The worker injects the helpdesk's content script after the page has loaded (src/background/
 * helpdesk-inject.ts) instead of the manifest declaring it. In real Chromium with the built extension:
 * - a page whose load event never comes (an image request that is never answered) still gets the panel;
 * - a page element named `__resolvePlus` (window's named properties reach our isolated world) neither
 *   stops the panel nor fools the worker's "already running" probe;
 * - the bundle injected twice into one page mounts one panel;
 * - the script is not in the page before its load event (what figure 11 measures);
 * - on a host an admin's custom site names, the worker injects no built-in bundle (the custom site takes the host).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml } from '../unit/fixture';
import { extensionPage, type Launched, launch, panel, screenshot, worldsAgainstLoad } from './harness';
import { contentWorld } from './panel-driver';
import { panelHosts } from '../../bench/lib/panel';

const STALL_URL = 'https://stall.zendesk.com/agent/tickets/4521';
const NAMED_URL = 'https://named.zendesk.com/agent/tickets/4521';
const TWICE_URL = 'https://twice.zendesk.com/agent/tickets/4521';
const PLAIN_URL = 'https://acme.zendesk.com/agent/tickets/4521';
const TAKEN_URL = 'https://taken.zendesk.com/agent/tickets/4521';
let l: Launched;

const ticketWith = (extra: string) => fixtureHtml('zendesk/ticket.html').replace('</body>', `${extra}</body>`);

beforeAll(async () => {
  l = await launch();
  // The worker's listeners exist once its script has run (an evaluation waits for that): from here on
  // every navigation is seen as it happens, so the first test checks the fallback, not the install-time injection.
  await l.worker.evaluate(() => true);
  // An image whose request is never answered: the page's load event never fires, the tab never completes.
  await l.context.route('https://stall-images.example/**', () => {});
  await l.serve(STALL_URL, ticketWith('<img src="https://stall-images.example/never.png" alt="">'), { html: true });
  // Named access: `window.__resolvePlus` is this element in every world until our script sets its own.
  await l.serve(NAMED_URL, ticketWith('<div id="__resolvePlus"></div><form name="__resolvePlus"></form>'), { html: true });
  await l.serve(TWICE_URL, 'zendesk/ticket.html');
  await l.serve(PLAIN_URL, 'zendesk/ticket.html');
  await l.serve(TAKEN_URL, 'zendesk/ticket.html');
}, 60_000);

afterAll(async () => {
  await l?.close();
});

async function open(url: string, waitUntil: 'load' | 'domcontentloaded' = 'load'): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(url, { waitUntil });
  return page;
}

const showsTicket = (page: Page) => expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');

/** Runs the bundle in the page's tab from the worker, like the worker's own injection does. */
async function injectFromWorker(url: string): Promise<void> {
  await l.worker.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    const [tab] = await c.tabs.query({ url: u });
    if (tab?.id === undefined) throw new Error(`no tab at ${u}`);
    await c.scripting.executeScript({ target: { tabId: tab.id }, files: ['content/zendesk.js'] });
  }, url);
}

describe('injecting the content script from the worker', () => {
  it('a page whose load event never comes still gets the panel with its ticket', async () => {
    const page = await open(STALL_URL, 'domcontentloaded');
    await showsTicket(page);
    await expect(panel(page).getByRole('checkbox').first().isVisible()).resolves.toBe(true);
    // The image is still pending: this panel came by the fallback, not after a load event.
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await screenshot(page, 'injection-stalled-image');
    await page.close();
  });

  it('a page element named __resolvePlus does not keep the panel away', async () => {
    const page = await open(NAMED_URL);
    await showsTicket(page);
    expect(await panelHosts(page)).toBe(1);
    await page.close();
  });

  it('the bundle injected twice more into a page with its panel mounts no second panel', async () => {
    const page = await open(TWICE_URL);
    await showsTicket(page);
    await injectFromWorker(TWICE_URL);
    await injectFromWorker(TWICE_URL);
    // Every run has settled once the chain they share has (src/content/index.ts runContentScript).
    await contentWorld(page).evaluate(async () => {
      await (window as unknown as { __resolvePlus: Promise<boolean> }).__resolvePlus;
    });
    expect(await panelHosts(page)).toBe(1);
    await expect(panel(page).locator('.ticket').textContent()).resolves.toBe('#4521');
    await page.close();
  });

  it('is not in the page before the page’s load event', async () => {
    const page = await l.context.newPage();
    const seen = await worldsAgainstLoad(l, page, PLAIN_URL);
    await showsTicket(page);
    expect(seen.loadedAt).toBeGreaterThan(0);
    expect(seen.firstWorldAt).toBeGreaterThan(0);
    expect(seen.firstWorldAt).toBeGreaterThanOrEqual(seen.loadedAt);
    await page.close();
  });

  it('injects no built-in bundle on a host an admin’s custom site names, even off the site’s own paths', async () => {
    const customSite = {
      ...(JSON.parse(fixtureHtml('custom/cases.json')) as { customSite: Record<string, unknown> }).customSite,
      urlPattern: 'https://taken.zendesk.com/in-house/*',
    };
    const popup = await l.context.newPage();
    await popup.goto(extensionPage(l, 'src/pages/popup/index.html'));
    const update = (customSites: unknown[]) => popup.evaluate((p) => chrome.runtime.sendMessage({ rp: 1, name: 'settings/update', payload: p }), { customSites });
    await update([customSite]);
    try {
      const page = await l.context.newPage();
      const seen = await worldsAgainstLoad(l, page, TAKEN_URL);
      // The same page elsewhere on Zendesk gets its panel in well under this (the tests above).
      await page.waitForTimeout(3_000);
      expect(seen.loadedAt).toBeGreaterThan(0);
      expect(seen.firstWorldAt).toBe(0);
      await page.close();
    } finally {
      await update([]);
      await popup.close();
    }
    // With the site gone, the host is Zendesk's again.
    const page = await open(TAKEN_URL);
    await showsTicket(page);
    await page.close();
  });
});
