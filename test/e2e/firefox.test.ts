/**
 * The rep's flow in Firefox (firefox-esr over WebDriver BiDi, see firefox-harness.ts), like the Chromium
 * suite: the panel appears on the Zendesk fixture at its real URL, the checklist is ticked with real mouse
 * clicks found through the accessibility tree, Insert fills the page's composer, the outcome is logged;
 * the log holds each event once; the dashboard lists the attempt; the options page saves a setting.
 * Every test fails if the extension logged an error anywhere (background, pages, content script).
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { type AxNode, firefoxServing, poll } from './firefox-harness';
import { ARTIFACTS } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let page: Page;

const checkboxes = async () => (await session().ax(URL)).filter((n) => n.role === 'checkbutton');
const button = (nodes: AxNode[], name: string) => nodes.find((n) => n.role === 'pushbutton' && n.name === name);

const session = firefoxServing(URL, 'zendesk/ticket.html');

describe('Firefox: rep overlay, logging, dashboard, options', () => {
  it('shows the panel, ticks steps with real clicks, inserts a move into the composer and logs the outcome', async () => {
    page = await session().open(URL);
    const boxes = await poll(checkboxes, (b) => b.length >= 3, 'panel checklist in the accessibility tree');
    expect((await session().ax(URL)).some((n) => n.role === 'heading' && n.name === 'Resolve Plus')).toBe(true);
    expect(boxes.every((b) => !b.checked)).toBe(true);
    for (const box of boxes) {
      await session().click(page, 'checkbutton', box.name);
      await poll(checkboxes, (now) => now.find((b) => b.name === box.name)?.checked === true, `"${box.name}" ticked`);
    }
    await poll(() => session().ax(URL), (nodes) => !!button(nodes, 'Insert into reply'), 'a value move offered after resolution');
    await session().click(page, 'pushbutton', 'Insert into reply');
    const composer = '.ticket-panes-grid-layout[data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]';
    const text = await poll(
      () => page.$eval(composer, (e) => e.textContent ?? ''),
      (t) => t.length > 20,
      'the composer filled by Insert',
    );
    expect(text).toMatch(/Maria|Acme Blender Pro/); // placeholders filled from the page's ticket
    expect(text).not.toMatch(/\{[a-z.]+\}/i);
    // The outcome buttons are toggle buttons (aria-pressed); the first card's is the one inserted.
    await session().click(page, 'toggle button', 'Accepted');
    await poll(() => session().ax(URL), (nodes) => nodes.some((n) => n.role === 'toggle button' && n.name === 'Accepted' && n.pressed), '"Accepted" pressed');
    await page.screenshot({ path: join(ARTIFACTS, 'firefox-overlay-accepted.png') });
    const attempts = await poll(
      () => session().readStore<{ outcome: string; ticketId: string; helpdesk: string }>('attempts'),
      (rows) => rows.some((a) => a.outcome === 'accepted'),
      'the accepted outcome in the attempts store',
    );
    expect(attempts.find((a) => a.outcome === 'accepted')).toMatchObject({ ticketId: '4521', helpdesk: 'zendesk' });
  });

  it('logs each step, the resolution and the move once, and no conversation text', async () => {
    const events = await session().readStore<{ id: string; type: string; stepId?: string; interactionId: string }>('events');
    const steps = events.filter((e) => e.type === 'step-completed');
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(new Set(steps.map((e) => e.stepId)).size).toBe(steps.length);
    for (const type of ['interaction-started', 'resolution-confirmed', 'move-offered', 'move-outcome']) {
      expect(events.filter((e) => e.type === type), type).toHaveLength(1);
    }
    const interactions = await session().readStore<{ id: string; ticketId: string }>('interactions');
    expect(interactions.map((i) => i.ticketId)).toEqual(['4521']);
    // The fixture's customer messages never reach storage.
    const stored = JSON.stringify([events, interactions, await session().readStore('attempts')]);
    expect(stored).not.toContain('cracked jug');
    expect(stored).not.toContain('maria.lopez@');
  });

  it('the dashboard lists the logged attempt', async () => {
    const dash = await session().extensionPage('src/pages/dashboard/index.html');
    const grid = 'section[aria-labelledby="rp-attempts"] table.grid';
    const rows = await poll(
      () => dash.evaluate((g) => Number(document.querySelector(g)?.getAttribute('aria-rowcount') ?? 0) - 1, grid),
      (n) => n >= 1,
      'attempt rows in the dashboard',
    );
    // Both moves were shown; the inserted one was accepted.
    expect(rows).toBe((await session().readStore('attempts')).length);
    const outcomes = await dash.$$eval(`${grid} tbody tr .outcome`, (els) => els.map((e) => e.textContent));
    expect(outcomes).toContain('Accepted');
    // Real text, not raw i18n keys.
    expect(await dash.evaluate(() => document.body.innerText)).not.toMatch(/\bdashboard_[a-z_]+\b/);
  });

  it('the options page saves who the rep is, and shows it again after a reload', async () => {
    const opts = await session().extensionPage('src/pages/options/index.html#settings');
    await opts.waitForSelector('#rep-id');
    await opts.click('#rep-id');
    await opts.keyboard.type('maria.ff');
    const save = await opts.$$('button');
    let clicked = false;
    for (const b of save) {
      if ((await b.evaluate((e) => e.textContent?.trim())) === 'Save') {
        await b.click();
        clicked = true;
        break;
      }
    }
    expect(clicked, 'a Save button').toBe(true);
    const stored = await poll(
      // Settings live in the worker's trusted config store (not storage.local): ask the worker, as the page does.
      () =>
        opts.evaluate(async () => {
          const reply = (await browser.runtime.sendMessage({ rp: 1, name: 'config/options', payload: {} })) as { ok: boolean; result?: { settings?: { repId?: string } } };
          return reply.ok ? (reply.result?.settings?.repId ?? '') : '';
        }),
      (v) => v === 'maria.ff',
      'settings.repId stored',
    );
    expect(stored).toBe('maria.ff');
    const again = await session().extensionPage('src/pages/options/index.html#settings');
    await again.waitForSelector('#rep-id');
    await poll(() => again.$eval('#rep-id', (e) => (e as HTMLInputElement).value), (v) => v === 'maria.ff', 'the saved rep id shown after a reload');
  });
});

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
