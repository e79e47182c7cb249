/**
 * The welcome page for reps (issue 18), in real Chromium: install paths, the helpdesks, how to open the
 * panel, the keys as the browser has them, the dashboard — and nothing about developer commands.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../src/sites/sites';
import { axeViolations, extensionPage, type Launched, launch } from './harness';
import { join } from 'node:path';
import { ARTIFACTS } from './harness';

async function openWelcome(l: Launched, heading: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, 'src/pages/welcome/index.html'));
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor({ timeout: 15_000 });
  return page;
}

describe('welcome page (English)', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launch();
  });
  afterAll(async () => {
    await l?.close();
  });

  it('tells a rep how to install, where it works, how to open the panel, the keys and the dashboard', async () => {
    const page = await openWelcome(l, 'Welcome to Resolve Plus');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).not.toMatch(/npm|npx|git |node |terminal|command line/i);
    for (const heading of ['Installing it (for you or a colleague)', 'Helpdesks it works on', 'Opening the panel', 'Keyboard shortcuts', 'Your results']) {
      await expect.poll(() => page.getByRole('heading', { name: heading, level: 2 }).count(), { timeout: 5_000 }).toBe(1);
    }
    expect(text).toContain('Load unpacked');
    expect(text).toContain('Chrome Web Store');
    expect(await page.locator('ul.helpdesks > li').allTextContents()).toEqual(SITES.map((s) => s.label));
    expect(text).toContain('1 Offered, 2 Accepted, 3 Declined, 4 Not a fit');
    // The keys come from the browser (chrome.commands), so a rep sees the shortcuts as they are set —
    // Chromium leaves a suggested key unset when it clashes, and the page says "Not set" then.
    const insertRow = page.locator('table.shortcuts tr').filter({ hasText: 'Insert the top value move' });
    await expect.poll(() => insertRow.locator('kbd').textContent(), { timeout: 5_000 }).toMatch(/Alt\s*\+\s*Shift\s*\+\s*I/);
    // One row per command the manifest defines (the browser's shortcut page can change each).
    const commands = Object.keys((JSON.parse(readFileSync('manifest.json', 'utf8')) as { commands: Record<string, unknown> }).commands);
    expect(await page.locator('table.shortcuts tbody tr').count()).toBe(commands.length);
    const dashboard = page.getByRole('link', { name: 'Open the dashboard' });
    expect(await dashboard.getAttribute('href')).toBe(extensionPage(l, 'src/pages/dashboard/index.html'));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'welcome-rep.png'), fullPage: true });
    await dashboard.click();
    await page.waitForURL(/dashboard\/index\.html/);
    await page.close();
  });
});

describe('welcome page (Spanish)', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launch({ lang: 'es' });
  });
  afterAll(async () => {
    await l?.close();
  });

  it('is in Spanish, with the panel labels it refers to', async () => {
    const page = await openWelcome(l, 'Bienvenido a Resolve Plus');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Sistemas de soporte compatibles');
    expect(text).toContain('1 Ofrecido, 2 Aceptado, 3 Rechazado, 4 No encaja');
    expect(text).toContain('«Mostrar / ocultar el panel»');
    expect(text).not.toMatch(/npm|Helpdesks it works on|Opening the panel/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'welcome-rep-es.png'), fullPage: true });
    await page.close();
  });
});
