/**
 * The rep's flow in real Chromium on the Zendesk fixture: checklist → resolution → VE move → insert into
 * the composer → outcome logged; per-ticket state across an in-page switch and across tabs; commands;
 * axe-core on the panel; hostile page CSS does not change the panel.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml } from '../unit/fixture';
import { type Launched, launch, panel, readStore, screenshot, waitFor } from './harness';
import { panelAxeViolations, panelFocusText } from './panel-driver';
import { decodePng, differingPixels } from './png';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
const HOSTILE_URL = 'https://hostile.zendesk.com/agent/tickets/4521';
/** The same page unstyled, on a site of its own: its ticket state is as fresh as the hostile site's. */
const PLAIN_URL = 'https://plain.zendesk.com/agent/tickets/4521';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let l: Launched;

beforeAll(async () => {
  l = await launch();
  await l.serve(URL, 'zendesk/ticket.html');
  await l.serve(PLAIN_URL, 'zendesk/ticket.html');
  // The same workspace opened directly on the other tab's URL: that pane is the active one.
  await l.serve(
    'https://acme.zendesk.com/agent/tickets/4519',
    fixtureHtml('zendesk/ticket.html')
      .replace('data-is-active="true" data-side-conversations-anchor-id="4521"', 'data-is-active="false" data-side-conversations-anchor-id="4521"')
      .replace('data-is-active="false" data-side-conversations-anchor-id="4519"', 'data-is-active="true" data-side-conversations-anchor-id="4519"'),
    { html: true },
  );
  await l.serve(
    HOSTILE_URL,
    fixtureHtml('zendesk/ticket.html').replace('</head>', '<style>* { all: unset !important; font-size: 40px !important; color: red !important; } div, section { display: block !important; }</style></head>'),
    { html: true },
  );
});
afterAll(async () => {
  await l?.close();
});

async function open(url = URL): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#\d+/);
  return page;
}

/** Ticks required steps until resolution is confirmed (the playbook decides which step confirms). */
async function resolve(page: Page): Promise<void> {
  const boxes = panel(page).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if (!(await box.isChecked())) await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
  }
}

describe('rep overlay', () => {
  it('holds value moves back until resolution, then offers them; insert and outcome are logged', async () => {
    const page = await open();
    await panel(page).getByText('Value moves appear once resolution is confirmed').waitFor();
    expect(await panel(page).locator('article.move').count()).toBe(0);
    await screenshot(page, 'overlay-before-resolution');
    await resolve(page);
    const card = panel(page).locator('article.move').first();
    await card.waitFor({ timeout: 10_000 });
    await card.locator('.why li').first().waitFor();
    const text = (await card.locator('blockquote').textContent()) ?? '';
    expect(text).toMatch(/Maria|Acme Blender Pro/); // placeholders filled from the page's ticket
    expect(text).not.toMatch(/\{[a-z.]+\}/i);
    await screenshot(page, 'overlay-after-resolution');
    await card.getByRole('button', { name: 'Insert into reply' }).click();
    const composer = page.locator('.ticket-panes-grid-layout[data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
    await expect.poll(() => composer.textContent()).toContain(text.slice(0, 30));
    await card.getByRole('button', { name: 'Accepted' }).click();
    const attempts = await waitFor(
      () => readStore<{ outcome: string; offeredAt: number; resolutionConfirmedAt: number; ticketId: string }>(l.worker, 'attempts'),
      (rows) => rows.some((a) => a.outcome === 'accepted'),
    );
    const accepted = attempts.find((a) => a.outcome === 'accepted')!;
    expect(accepted.ticketId).toBe('4521');
    expect(accepted.offeredAt).toBeGreaterThanOrEqual(accepted.resolutionConfirmedAt);
    await screenshot(page, 'overlay-outcome-recorded');
    await page.close();
  });

  it('keeps each ticket’s own state across an in-page switch, a second tab and a reload', async () => {
    const page = await open();
    const doneBefore = await panel(page).getByRole('checkbox', { checked: true }).count();
    expect(doneBefore).toBeGreaterThan(0); // state from the previous test: same ticket resumes
    await page.click('[data-test-id="header-tab"][data-ticket="4519"]');
    await expect.poll(() => panel(page).locator('.ticket').textContent()).toBe('#4519');
    await expect.poll(() => panel(page).getByRole('checkbox', { checked: true }).count()).toBe(0);
    await panel(page).getByRole('checkbox').first().click();
    const other = await open(URL);
    await expect.poll(() => panel(other).locator('.ticket').textContent()).toBe('#4521');
    expect(await panel(other).getByRole('checkbox', { checked: true }).count()).toBe(doneBefore);
    await page.click('[data-test-id="header-tab"][data-ticket="4521"]');
    await expect.poll(() => panel(page).getByRole('checkbox', { checked: true }).count()).toBe(doneBefore);
    await page.reload();
    await expect.poll(() => panel(page).getByRole('checkbox', { checked: true }).count(), { timeout: 15_000 }).toBe(doneBefore);
    await other.close();
    await page.close();
  });

  it('reacts to the keyboard commands sent by the worker', async () => {
    const page = await open('https://acme.zendesk.com/agent/tickets/4519');
    await page.bringToFront();
    const send = (command: string) =>
      l.worker.evaluate(async (c) => {
        const [tab] = await chrome.tabs.query({ url: 'https://acme.zendesk.com/agent/tickets/4519' });
        await chrome.tabs.sendMessage(tab!.id!, { rp: 1, command: c });
      }, command);
    const before = await panel(page).getByRole('checkbox', { checked: true }).count();
    await send('tick-next-step');
    await expect.poll(() => panel(page).getByRole('checkbox', { checked: true }).count()).toBe(before + 1);
    await send('toggle-panel');
    await expect.poll(() => panel(page).count()).toBe(0);
    await send('toggle-panel');
    await expect.poll(() => panel(page).count()).toBe(1);
    await page.close();
  });

  it('records an outcome with one keystroke after the record-outcome command', async () => {
    const page = await open();
    await panel(page).locator('article.move').first().waitFor({ timeout: 10_000 }); // resolved in the first test
    const moveId = await panel(page).locator('article.move').first().getAttribute('data-move-id');
    await l.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://acme.zendesk.com/agent/tickets/4521' });
      await chrome.tabs.sendMessage(tab!.id!, { rp: 1, command: 'record-outcome' });
    });
    await expect.poll(() => panelFocusText(page)).toBe('Offered');
    await page.keyboard.press('3');
    const declined = await waitFor(
      () => readStore<{ moveId: string; outcome: string }>(l.worker, 'attempts'),
      (rows) => rows.some((a) => a.moveId === moveId && a.outcome === 'declined'),
    );
    expect(declined.length).toBeGreaterThan(0);
    await page.close();
  });

  it('passes axe-core with zero violations, expanded and collapsed', async () => {
    const page = await open();
    const run = () => panelAxeViolations(page, axeSource);
    expect(await run()).toEqual([]);
    await panel(page).getByRole('button', { name: 'Collapse panel' }).click();
    await screenshot(page, 'overlay-collapsed');
    expect(await run()).toEqual([]);
    await panel(page).getByRole('button', { name: 'Expand panel' }).click();
    await page.close();
  });

  it('looks the same on a page that restyles everything with !important', async () => {
    // Ticket state is per site, so both panels start fresh (acme's ticks from the tests above stay acme's).
    const normal = await open(PLAIN_URL);
    const hostile = await open(HOSTILE_URL);
    // Compare the panel's inside (rounded corners show the page behind them, which differs on purpose).
    const shot = async (page: Page, name: string) => {
      // A placed panel (moved by the rep) keeps its size whatever the page's layout does.
      const move = panel(page).getByRole('button', { name: 'Move panel (arrow keys)' });
      await move.press('ArrowDown');
      await move.press('ArrowUp');
      const box = (await panel(page).boundingBox())!;
      const clip = { x: box.x + 12, y: box.y + 12, width: box.width - 24, height: Math.min(box.height, 600) - 24 };
      return decodePng(await page.screenshot({ clip, path: `artifacts/overlay-panel-${name}.png` }));
    };
    const a = await shot(normal, 'normal');
    const b = await shot(hostile, 'hostile');
    await screenshot(hostile, 'overlay-hostile-css');
    expect(differingPixels(a, b)).toBe(0);
    // And our CSS does not leak out: the page's own subject input keeps the page's style.
    const pageFont = await normal.evaluate(() => getComputedStyle(document.querySelector('[data-test-id="omni-header-subject"]')!).fontSize);
    expect(pageFont).toBe('18px');
    await normal.close();
    await hostile.close();
  });

  it('follows the system dark theme', async () => {
    const page = await l.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(URL);
    await panel(page).waitFor({ timeout: 15_000 });
    const bg = await panel(page).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(27, 31, 36)');
    await screenshot(page, 'overlay-dark');
    await page.close();
  });
});
