/**
 * Issue 14, what a team lead sees: required steps a rep left open when finishing show in the
 * dashboard's "Required steps done" tile (logged by the real panel's Finish button), and a CSV-only
 * merge does not silently drop a rep from the funnel and VES averages — the dashboard names what is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, type Launched, launchServing, panel, readStore, screenshot, waitFor } from './harness';

const URL = 'https://coverage.zendesk.com/agent/tickets/4521';
const DAY = 86_400_000;
let l: Launched;

beforeAll(async () => {
  l = await launchServing({ [URL]: 'zendesk/ticket.html' });
}, 60_000);
afterAll(() => l?.close());

type Stored = { id: string; type: string; interactionId: string; stepIds?: string[] };

describe('what the dashboard shows about coverage', () => {
  it('logs the required steps left open when the rep finishes in the panel', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    const boxes = panel(page).getByRole('checkbox');
    await boxes.first().waitFor({ timeout: 15_000 });
    await boxes.first().click();
    await expect.poll(() => boxes.first().isChecked()).toBe(true);
    await panel(page).getByText('Wrap-up answers (optional)').click();
    await panel(page).getByRole('button', { name: 'Finish interaction' }).click();
    const rows = await waitFor(() => readStore<Stored>(l.worker, 'events'), (r) => r.some((e) => e.type === 'steps-missed') && r.some((e) => e.type === 'interaction-ended'));
    const missed = rows.find((e) => e.type === 'steps-missed')!;
    // The default playbook has four required steps; one was ticked.
    expect(missed.stepIds).toHaveLength(3);
    const [interaction] = await waitFor(() => readStore<{ requiredMissed?: string[] }>(l.worker, 'interactions'), (r) => r[0]?.requiredMissed !== undefined);
    expect(interaction?.requiredMissed).toEqual([...missed.stepIds!].sort());
    await page.close();
  }, 60_000);

  it('shows the required-steps figure and names a rep known only from a CSV merge', async () => {
    const dash = await l.context.newPage();
    await dash.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
    // A second finished ticket with every required step done, logged from an extension page (trusted).
    const T = Date.now() - DAY;
    const start = { id: 'done-start', at: T, interactionId: 'done', type: 'interaction-started', helpdesk: 'zendesk', ticketId: '77', customerKey: '', channel: 'chat', repId: 'ana', playbookId: 'default', playbookVersion: 1, variant: '' };
    const logged = await dash.evaluate(
      (events) => chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events } }),
      [start, { id: 'done-missed', at: T + 5, interactionId: 'done', type: 'steps-missed', stepIds: [] }, { id: 'done-end', at: T + 6, interactionId: 'done', type: 'interaction-ended', reason: 'closed' }],
    );
    expect(logged.result.acked).toHaveLength(3);
    // Another rep's attempts CSV merged alone: attempts without their interactions or wrap-ups.
    const attempt = {
      helpdesk: 'zendesk', ticketId: '88', customerKey: '', channel: 'email', repId: 'cy', playbookId: 'default', playbookVersion: 1, variant: '',
      moveId: 'care-tip', moveKind: 'usage-tip', moveTitle: 'Care tip', id: 'cy-1:care-tip', interactionId: 'cy-1', shownAt: null, offeredAt: T,
      outcome: 'accepted', skipReason: null, outcomeAt: T + 10, resolutionConfirmedAt: T - 10, loggedAt: T + 10, source: 'cy.csv',
    };
    const merged = await dash.evaluate((attempts) => chrome.runtime.sendMessage({ rp: 1, name: 'log/merge', payload: { attempts } }), [attempt, { ...attempt, id: 'cy-2:care-tip', interactionId: 'cy-2' }]);
    expect(merged).toMatchObject({ ok: true, result: { added: 2 } });
    await dash.reload();
    const metrics = dash.locator('section[aria-labelledby="rp-metrics"]');
    await expect.poll(() => metrics.locator('[data-coverage-gaps]').textContent(), { timeout: 15_000 }).toContain(
      'Rep cy: 2 interactions are known only from cy.csv (attempts imported without their interactions), so they are not in the funnel or the VES averages.',
    );
    const tile = metrics.locator('.tile').filter({ hasText: 'Required steps done' });
    await expect.poll(() => tile.textContent()).toContain('1 of 2 tickets finished in the panel had every required step ticked; 3 required steps left open');
    expect(await tile.locator('.tile-value').textContent()).toMatch(/^50\s?%$/);
    await metrics.screenshot({ path: 'artifacts/dashboard-coverage.png' });
    await screenshot(dash, 'dashboard-coverage-page');
    await dash.close();
  }, 60_000);
});
