/**
 * The small pages and localisation in Chromium: popup and welcome pass axe-core and can be walked with
 * the keyboard alone; the overlay renders in Spanish for a Spanish browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, extensionPage, type Launched, launch, panel, screenshot } from './harness';

/** Tabs through the page and returns the accessible names of the controls focus visited. */
async function tabWalk(page: Page, steps: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el && el !== document.body ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}` : '';
    }));
  }
  return seen;
}

describe('popup and welcome (English)', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launch();
  });
  afterAll(async () => {
    await l?.close();
  });

  it('popup: axe-clean, keyboard-walkable, says the tab is not a helpdesk', async () => {
    const page = await l.context.newPage();
    await page.setViewportSize({ width: 320, height: 260 });
    await page.goto(extensionPage(l, 'src/pages/popup/index.html'));
    await page.getByRole('status').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // No rep id set yet: the popup asks for it first (input, Save), then the links. The question appears
    // once the worker answered who the rep is.
    await page.getByRole('button', { name: 'Save rep id' }).waitFor();
    const walk = await tabWalk(page, 4);
    expect(walk.join('|')).toMatch(/input:\|button:Save rep id\|a:Open the dashboard\|a:Options/);
    await screenshot(page, 'popup');
    await page.close();
  });

  it('welcome: axe-clean and explains the two steps', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionPage(l, 'src/pages/welcome/index.html'));
    await page.getByRole('heading', { name: 'Welcome to Resolve Plus' }).waitFor();
    expect(await page.locator('ol > li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    const walk = await tabWalk(page, 1);
    expect(walk[0]).toBe('a:Options');
    await screenshot(page, 'welcome');
    await page.close();
  });
});

describe('Spanish browser', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launch({ lang: 'es' });
    await l.serve('https://acme.zendesk.com/agent/tickets/4521', 'zendesk/ticket.html');
  });
  afterAll(async () => {
    await l?.close();
  });

  it('shows the overlay and the built-in playbook in Spanish', async () => {
    const page = await l.context.newPage();
    await page.goto('https://acme.zendesk.com/agent/tickets/4521');
    await panel(page).getByText('Primero, resolver').waitFor({ timeout: 15_000 });
    expect(await panel(page).textContent()).toContain('Después, aporta valor');
    await screenshot(page, 'overlay-es');
    await page.close();
  });
});
