/**
 * The panel ends inside the window, however tall its content grows (rep-id notice, missing-field list,
 * checklist, moves, wrap-up). A panel running past the window's bottom hides whatever scrolls into that
 * strip: after the live-chat merge the drift e2e's Insert sat at y≈824 in an 800 px window, and a rep's
 * click there reached nothing. Tickets are opened one after another in the same browser, as a rep does.
 * The wrap-up's Finish button is the panel's last control, so it is the one checked here.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launch, panel, screenshot } from './harness';

// Drifted pages: the panel lists every field it could not read, so it is at its tallest.
const TICKETS = [
  { url: 'https://acme.freshdesk.com/a/tickets/1042', fixture: 'freshdesk/drifted.html' },
  { url: 'https://acme.lightning.force.com/lightning/r/Case/500Hs00001XyZaBIAV/view', fixture: 'salesforce/drifted.html' },
];

let l: Launched;
beforeAll(async () => {
  l = await launch();
  for (const t of TICKETS) await l.serve(t.url, t.fixture);
});
afterAll(async () => {
  await l?.close();
});

/** The panel's bottom edge and the window's height, read in the content script's world. */
async function panelEdge(page: Page): Promise<{ bottom: number; innerHeight: number }> {
  return panel(page).evaluate((el) => ({ bottom: el.getBoundingClientRect().bottom, innerHeight: window.innerHeight }));
}

describe('the panel fits the window', () => {
  for (const [i, ticket] of TICKETS.entries()) {
    it(`ticket ${i + 1} of ${TICKETS.length} in a row: the panel ends inside the window and its last button takes a click`, async () => {
      const page = await l.context.newPage();
      await page.setViewportSize({ width: 1280, height: 700 });
      await page.goto(ticket.url);
      const boxes = panel(page).getByRole('checkbox');
      await boxes.first().waitFor({ timeout: 15_000 });
      for (let n = 0; n < (await boxes.count()); n++) if (!(await boxes.nth(n).isChecked())) await boxes.nth(n).click();
      const finish = panel(page).getByRole('button', { name: 'Finish interaction' });
      await finish.waitFor({ timeout: 10_000 });
      const f = await panelEdge(page);
      expect(f.bottom).toBeLessThanOrEqual(f.innerHeight);
      // Scrolled into the panel's view, Finish is inside the window, where a rep's pointer reaches it.
      const box = await finish.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(f.innerHeight);
      await finish.click();
      await expect.poll(() => panel(page).getByRole('button', { name: 'Interaction finished' }).count(), { timeout: 10_000 }).toBe(1);
      // A smaller window: the panel shrinks with it.
      await page.setViewportSize({ width: 1280, height: 500 });
      await expect.poll(async () => {
        const g = await panelEdge(page);
        return g.bottom <= g.innerHeight;
      }, { timeout: 5_000 }).toBe(true);
      await screenshot(page, `panel-fits-window-${i + 1}`);
      await page.close();
    });
  }
});
