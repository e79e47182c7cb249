/**
 * Foundation, end to end in real Chromium: the panel appears in a shadow root on a Zendesk-shaped
 * ticket at its real URL, a click travels through the typed protocol to the worker's IndexedDB and the
 * dashboard lists it, and bad messages are rejected with a reason and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, type Launched, launchServing, panel, readStore, screenshot, waitFor } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launchServing({ [URL]: 'zendesk/ticket.html' });
});
afterAll(() => l?.close());

describe('foundation', () => {
  it('shows the panel in a shadow root with the ticket id read from the page', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    // The panel lives in a closed shadow root: the page sees neither the panel nor a way into it.
    const pageSees = await page.evaluate(() => ({
      panel: !!document.querySelector('section.panel'),
      openRoots: Array.from(document.documentElement.children).filter((el) => el.shadowRoot).length,
    }));
    expect(pageSees).toEqual({ panel: false, openRoots: 0 });
    await screenshot(page, 'foundation-zendesk');
    await page.close();
  });

  it('a checklist click is logged by the worker in IndexedDB and listed by the dashboard', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    const first = panel(page).getByRole('checkbox').first();
    await first.click();
    await expect.poll(() => first.isChecked()).toBe(true);
    const events = await waitFor(
      () => readStore<{ type: string }>(l.worker, 'events'),
      (rows) => rows.some((e) => e.type === 'step-completed'),
    );
    expect(events.some((e) => e.type === 'interaction-started')).toBe(true);
    const interactions = await readStore<{ ticketId: string; steps: Record<string, number> }>(l.worker, 'interactions');
    expect(interactions.find((i) => i.ticketId === '4521')?.steps).toBeTruthy();
    const dash = await l.context.newPage();
    await dash.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
    await expect.poll(() => dash.locator('text=4521').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(dash, 'foundation-dashboard');
    await dash.close();
    await page.close();
  });

  it('rejects a wrongly shaped message with a logged reason and stores nothing', async () => {
    const before = (await readStore(l.worker, 'events')).length;
    const page = await l.context.newPage();
    await page.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
    // A malformed event inside a well-formed batch is refused on its own, with its reason, and kept aside.
    const refused = await page.evaluate(() =>
      chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: [{ id: 'x', type: 'step-completed' }] } }),
    );
    expect(refused).toMatchObject({ ok: true, result: { acked: [], rejected: [{ id: 'x', reason: expect.stringMatching(/missing/) }] } });
    expect(await readStore(l.worker, 'rejected')).toEqual([expect.objectContaining({ id: 'x' })]);
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: 'x' } }));
    expect(reply).toMatchObject({ ok: false });
    expect(String(reply.error)).toMatch(/bad payload/);
    const unknown = await page.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'db/drop', payload: {} }));
    expect(unknown).toMatchObject({ ok: false });
    const rejections = await l.worker.evaluate(() => (globalThis as unknown as { __resolvePlus: { rejections: { reason: string }[] } }).__resolvePlus.rejections);
    expect(rejections.map((r) => r.reason).join('\n')).toMatch(/bad payload[\s\S]*bad envelope/);
    // Nothing from the forged messages was stored (other tabs' events may still be arriving).
    const after = await readStore<{ id: string }>(l.worker, 'events');
    expect(after.some((e) => e.id === 'x')).toBe(false);
    expect(after.length).toBeGreaterThanOrEqual(before);
    await page.close();
  });

  it('the helpdesk page itself cannot reach the extension', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    const reachable = await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
    expect(reachable).toBe('undefined');
    await page.close();
  });
});
