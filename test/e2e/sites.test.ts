/**
 * Every helpdesk adapter in real Chromium, on its committed fixture served at the product's real URL:
 * the panel reads the ticket id, follows an in-page ticket switch (no reload), and inserts a value move
 * into the product's composer (the adapter verifies by reading the editor back; the panel says
 * "Inserted" only then, otherwise it falls back to copying).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCases, extensionPage, type Launched, launch, panel, screenshot, anyTicketPlaybook } from './harness';

const TEST_PLAYBOOK = anyTicketPlaybook('e2e-sites');

const cases = allCases().filter((c) => !c.customSite);
let l: Launched;

beforeAll(async () => {
  l = await launch();
  for (const c of cases) await l.serve(c.url, c.fixture);
  // An admin-saved local playbook: the worker validates it and serves it instead of the default. Saved
  // through the worker (an extension page's message), which alone writes the trusted config store.
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, 'src/pages/popup/index.html'));
  const saved = await page.evaluate((pb) => chrome.runtime.sendMessage({ rp: 1, name: 'playbooks/save', payload: { current: pb, history: [], savedAt: {} } }), TEST_PLAYBOOK);
  expect(saved).toEqual({ ok: true, result: { saved: true } });
  await page.close();
});
afterAll(async () => {
  await l?.close();
});

describe('helpdesk adapters in Chromium', () => {
  it('covers every built-in helpdesk', () => {
    const adapters = new Set(cases.map((c) => c.adapter));
    for (const id of ['zendesk', 'freshdesk', 'salesforce', 'intercom', 'hubspot', 'helpscout', 'front', 'zoho', 'gorgias', 'servicenow']) {
      expect(adapters.has(id), id).toBe(true);
    }
  });

  for (const c of cases) {
    it(`${c.adapter} (${c.fixture}): reads, switches tickets in-page, inserts text`, async () => {
      const page = await l.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(c.url);
      const ticket = panel(page).locator('.ticket');
      await expect.poll(() => ticket.textContent(), { timeout: 15_000 }).toBe(`#${c.ticketId}`);
      expect(await panel(page).locator('.warn:not([data-rep-id-missing])').count()).toBe(0); // the page was readable (no rep id is set here: that warning is not about the page)
      // Whose ticket it is (customer's first name and subject), where the case says what the adapter must read.
      const whose = (c as { whose?: string }).whose;
      if (whose) await expect.poll(() => panel(page).locator('.whose').textContent(), { timeout: 10_000 }).toBe(whose);
      // Whose ticket: the subject the case names is the one the panel shows (cut to its first 30 characters).
      if (c.subject) await expect.poll(() => panel(page).locator('.whose').getAttribute('title'), { timeout: 5_000 }).toContain(c.subject.slice(0, 30));
      await screenshot(page, `site-${c.fixture.replace(/[/.]/g, '-')}`);
      if (c.switch) {
        const before = page.url();
        await page.click(c.switch.click);
        await expect.poll(() => ticket.textContent(), { timeout: 10_000 }).toBe(`#${c.switch.ticketId}`);
        expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1); // no reload
        expect(page.url() === before && !c.switch).toBe(false);
      }
      // Resolve, then insert the top value move into this product's composer.
      const boxes = panel(page).getByRole('checkbox');
      for (let i = 0; i < (await boxes.count()); i++) {
        if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).click();
      }
      const insert = panel(page).getByRole('button', { name: 'Insert into reply' }).first();
      await insert.waitFor({ timeout: 10_000 }).catch(async (e) => {
        throw new Error(`no value move offered on ${c.adapter}: ${await panel(page).textContent()}`, { cause: e });
      });
      await insert.click();
      // The panel has several live regions (notices, the outcome prompt): the insert notice is one of them.
      await expect.poll(async () => (await panel(page).locator('[role="status"]').allTextContents()).join(' | ')).toContain('Inserted into the reply');
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
