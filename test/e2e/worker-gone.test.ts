/**
 * The engine runs in the worker (`moves/evaluate`): a panel whose worker does not answer must keep its
 * checklist and say why no value moves come, not freeze or go blank.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Launched, launchServing, panel, screenshot } from './harness';
import { evaluateInIsolatedWorld } from './isolated';

const URL = 'https://beta.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launchServing({ [URL]: 'zendesk/ticket.html' });
});
afterAll(() => l?.close());


it('the worker stops answering the engine: the checklist keeps ticking and the panel says value moves are unavailable', async () => {
  const page = await l.context.newPage();
  await page.goto(URL);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#4521/);
  const notices = () => panel(page).locator('p').allTextContents().then((all) => all.join('\n'));
  expect(await notices()).not.toMatch(/Value moves are unavailable/);
  // From the content script's own world (DevTools protocol): every engine question now fails the way a
  // message to a worker that is gone does.
  await evaluateInIsolatedWorld(
    page,
    `(() => { const real = chrome.runtime.sendMessage.bind(chrome.runtime); chrome.runtime.sendMessage = (m, ...rest) => m && m.name === 'moves/evaluate' ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')) : real(m, ...rest); return true; })()`,
  );
  const boxes = panel(page).getByRole('checkbox');
  await boxes.nth(0).click();
  await expect.poll(() => boxes.nth(0).isChecked(), { timeout: 5_000 }).toBe(true);
  await expect.poll(notices, { timeout: 10_000 }).toMatch(/Value moves are unavailable/);
  await boxes.nth(1).click();
  await expect.poll(() => boxes.nth(1).isChecked(), { timeout: 5_000 }).toBe(true);
  await expect.poll(() => panel(page).locator('.progress').textContent()).toMatch(/^2 of/);
  await screenshot(page, 'panel-moves-unavailable');
  await page.close();
});
