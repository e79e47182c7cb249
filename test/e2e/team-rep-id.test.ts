/**
 * A rep whose id comes only from the team configuration (no policy id, none saved in settings): the
 * popup names it as the team's, the panel does not warn that no rep id is set, and the events logged
 * carry it. No NATS server is needed: the id is part of the configuration, not of a connection (the
 * server here is a closed loopback port, as when the team server is down).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { extensionPage, type Launched, launchServing, panel, readStore, screenshot, waitFor } from './harness';

const URL = 'https://teamid.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launchServing({ [URL]: 'zendesk/ticket.html' });
}, 60_000);
afterAll(() => l?.close());

it('takes the rep id from the team configuration: popup, panel and logged events', async () => {
  const popup = await l.context.newPage();
  await popup.goto(extensionPage(l, 'src/pages/popup/index.html'));
  const file = JSON.stringify({ servers: ['ws://127.0.0.1:9'], user: 'ana', password: 'pw', repId: 'team-ana', role: 'rep' });
  const reply = (await popup.evaluate((text) => chrome.runtime.sendMessage({ rp: 1, name: 'team/import', payload: { text } }), file)) as { ok: boolean; result?: { errors: string[] } };
  expect(reply).toMatchObject({ ok: true, result: { errors: [] } });
  await popup.reload();
  const shown = popup.getByTestId('rep-id');
  await shown.waitFor({ timeout: 10_000 });
  expect(await shown.textContent()).toBe('Rep id (from the team configuration): team-ana');
  await screenshot(popup, 'team-rep-id-popup');

  const page = await l.context.newPage();
  await page.goto(URL);
  const box = panel(page).getByRole('checkbox').first();
  await box.waitFor({ timeout: 15_000 });
  expect(await panel(page).locator('[data-rep-id-missing]').count()).toBe(0);
  await box.click();
  const events = await waitFor(
    () => readStore<{ type: string; repId: string }>(l.worker, 'events'),
    (rows) => rows.some((e) => e.type === 'step-completed'),
  );
  // The rep id is on the interaction's start (the events after it belong to that interaction).
  expect(events.filter((e) => e.type === 'interaction-started').map((e) => e.repId)).toEqual(['team-ana']);
  expect((await readStore<{ repId: string }>(l.worker, 'interactions')).map((i) => i.repId)).toEqual(['team-ana']);
  await screenshot(page, 'team-rep-id-panel');
}, 90_000);
