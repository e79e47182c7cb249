/**
 * The small pages and localisation in Chromium: popup and welcome pass axe-core and can be walked with
 * the keyboard alone; the overlay, the dashboard and the options page render in Spanish for a Spanish
 * browser, with dates in Spanish too.
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

  it('shows the dashboard and the options page in Spanish, dates included', async () => {
    // One accepted usage tip, logged through the real path two days ago at 09:00 UTC.
    const at = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000 + 9 * 3_600_000;
    const ref = { moveId: 'tip-es', moveKind: 'usage-tip', moveTitle: 'Atajos de teclado' };
    const events = [
      { type: 'interaction-started', at, helpdesk: 'zendesk', ticketId: '7007', customerKey: 'cd'.repeat(32), channel: 'chat', repId: 'lucia', playbookId: 'default', playbookVersion: 1, variant: 'A' },
      { type: 'resolution-confirmed', at: at + 60_000 },
      { type: 'move-shown', at: at + 70_000, ...ref },
      { type: 'move-offered', at: at + 75_000, via: 'insert', ...ref },
      { type: 'move-outcome', at: at + 90_000, outcome: 'accepted', skipReason: null, ...ref },
      { type: 'interaction-ended', at: at + 120_000, reason: 'closed' },
    ].map((e, i) => ({ ...e, id: `es-e${i}`, interactionId: 'int-es' }));
    const page = await l.context.newPage();
    await page.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
    const reply = await page.evaluate((evs) => chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: evs } }), events);
    expect(reply).toMatchObject({ ok: true });
    await page.reload();
    // The attempts table dates the attempt the Spanish way ("24 nov 2026"), never the US way ("Nov 24, 2026").
    const esDay = new Intl.DateTimeFormat('es', { dateStyle: 'medium' }).format(at + 70_000);
    const usDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(at + 70_000);
    await page.locator('main[data-state="ready"]').waitFor({ timeout: 20_000 });
    await page.locator('tbody tr').filter({ hasText: 'Atajos de teclado' }).filter({ hasText: esDay }).first().waitFor({ timeout: 5_000 });
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(usDay);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^es\b/);
    expect(await page.locator('h1').first().textContent()).toBe('Resolve Plus — panel del equipo');
    await screenshot(page, 'dashboard-es');
    await page.goto(extensionPage(l, 'src/pages/options/index.html'));
    await page.getByRole('navigation').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^es\b/);
    expect(await page.locator('h1').first().textContent()).toBe('Ajustes');
    await page.getByText('Cargando…').first().waitFor({ state: 'detached', timeout: 15_000 });
    await screenshot(page, 'options-es');
    // The built-in playbook the editor starts from is the Spanish one (asked for in the page's language).
    await page.getByRole('link', { name: 'Guía de atención' }).click();
    await page.getByText('Saluda y resume el problema').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('main').innerText()).not.toContain('Greet and restate the issue');
    await screenshot(page, 'options-playbook-es');
    await page.close();
  });
});
