/**
 * "Every sentence in the rep's language" (issue 18): in a Spanish browser the panel's "why this now" and
 * "held back" lines come from the Spanish catalogue, not the engine's English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('engine reasons in Spanish', () => {
  it('held back and why-now lines are Spanish, before and after resolution', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#\d+/);
    await panel(page).locator('details summary').filter({ hasText: 'En espera' }).click();
    const held = panel(page).locator('details ul.why');
    await expect.poll(() => held.textContent()).toContain('Esperando a que se confirme la resolución');
    expect(await held.textContent()).not.toMatch(/Waiting for|Condition not met|customer has not|days? ago/);

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
});
