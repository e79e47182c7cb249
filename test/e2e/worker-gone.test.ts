/**
 * An update or reload of the extension under an open helpdesk tab. Chromium destroys the old content
 * script's world with it; its panel stays in the page, looking alive but dead (no tick, no log). The new
 * worker injects the new bundle into open helpdesk tabs, which takes the frozen panel's place: the rep
 * keeps working without reloading the helpdesk. Own browser: a reload ends every extension page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Launched, launch, panel, screenshot } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launch();
  await l.serve(URL, 'zendesk/ticket.html');
});
afterAll(async () => {
  await l?.close();
});

/** Panel hosts in the page: plain divs under <html> with a closed shadow root (what mountPanel makes). */
const hostCount = (page: import('playwright-core').Page) =>
  page.evaluate(() => Array.from(document.documentElement.children).filter((el) => el.tagName === 'DIV' && el.getAttribute('style')?.includes('all: initial')).length);

it('the extension reloaded under an open ticket: one working panel afterwards, without reloading the page', async () => {
  const page = await l.context.newPage();
  await page.goto(URL);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#4521/);
  const boxes = panel(page).getByRole('checkbox');
  await boxes.nth(0).click();
  await expect.poll(() => boxes.nth(0).isChecked()).toBe(true);
  expect(await hostCount(page)).toBe(1);
  // The tick is in the ticket's stored state before the extension goes away.
  await expect
    .poll(() => l.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('ticket:https://acme.zendesk.com:zendesk:4521'))), { timeout: 10_000 })
    .toMatch(/"greet":\{"auto":false,"doneAt":\d+/);

  // What an update does to a tab opened before it (chrome.runtime.reload fires onInstalled "update").
  const options = await l.context.newPage();
  await options.goto(`chrome-extension://${l.extensionId}/src/pages/options/index.html`);
  await options.evaluate(() => chrome.runtime.reload()).catch(() => {
    // The page goes away with the extension before the evaluation can answer.
  });

  // The new version's panel: the same ticket, its stored state (the tick survives), one host only.
  await expect.poll(() => hostCount(page), { timeout: 15_000 }).toBe(1);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#4521/);
  await expect.poll(() => boxes.nth(0).isChecked(), { timeout: 10_000 }).toBe(true);
  // It works: a tick paints and counts.
  await boxes.nth(1).click();
  await expect.poll(() => boxes.nth(1).isChecked(), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => panel(page).locator('.progress').textContent()).toMatch(/^2 of/);
  await screenshot(page, 'panel-after-extension-reload');
  await page.close();
});
