/**
 * "Every sentence in the rep's language" (issue 18): in a Spanish browser the panel's "why this now" and
 * "held back" lines come from the Spanish catalogue, not the engine's English, and the built-in playbook is
 * the Spanish one. The worker answers before any extension page has opened, when Chromium still tells it
 * the UI language is en-US (src/shared/i18n.ts textLanguage): it must go by the panel's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Launched, launch, panel, screenshot } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launch({ lang: 'es' });
  await l.serve(URL, 'zendesk/ticket.html');
});
afterAll(async () => {
  await l?.close();
});

/** The panel's held-back lines, before resolution: the Spanish playbook's, with Spanish reasons. */
async function expectSpanishHeldBack(page: Page): Promise<void> {
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#\d+/);
  // The built-in playbook in Spanish: its steps, then (below) its moves.
  await expect.poll(() => panel(page).locator('section[aria-labelledby="rp-checklist"]').textContent()).toContain('Saluda y resume el problema');
  await panel(page).locator('details summary').filter({ hasText: 'En espera' }).click();
  const held = panel(page).locator('details ul.why');
  await expect.poll(() => held.textContent()).toContain('Esperando a que se confirme la resolución');
  expect(await held.textContent()).not.toMatch(/Waiting for|Condition not met|customer has not|days? ago/);
  expect(await held.textContent()).toContain('Tranquilízale sobre la garantía');
}

describe('engine reasons in Spanish', () => {
  it('held back and why-now lines are Spanish, before and after resolution', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    await expectSpanishHeldBack(page);

    const boxes = panel(page).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      if (!(await box.isChecked())) await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    const why = panel(page).locator('article.move .why').first();
    await why.waitFor({ timeout: 10_000 });
    const lines = await why.locator('li').allTextContents();
    expect(lines[0]).toBe('Resolución confirmada');
    expect(lines.join('\n')).toMatch(/Etiquetado 'damaged'|El cliente mencionó/);
    expect(lines.join('\n')).not.toMatch(/Resolution confirmed|Tagged|Customer mentioned|Not offered to this customer/);
    await screenshot(page, 'reasons-spanish');
  });

  it('a worker whose message catalogue is lost still answers the panel in Spanish', async () => {
    // Chromium's lost bundle (src/shared/i18n.ts) in the worker: '' for every message, and the UI language
    // it reports there before any extension page opened. Seen once in CI as an all-English held-back list.
    const lost = await launch({ lang: 'es' });
    try {
      await lost.serve(URL, 'zendesk/ticket.html');
      await lost.worker.evaluate(() => {
        chrome.i18n.getMessage = () => '';
        chrome.i18n.getUILanguage = () => 'en-US';
      });
      expect(await lost.worker.evaluate(() => chrome.i18n.getMessage('extName'))).toBe('');
      const page = await lost.context.newPage();
      await page.goto(URL);
      await expectSpanishHeldBack(page);
    } finally {
      await lost.close();
    }
  });
});
