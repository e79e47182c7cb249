/**
 * The content script's lazy bundle in Firefox (firefox-esr over WebDriver BiDi, firefox-harness.ts): the
 * worker injects content/lazy.js with `scripting.executeScript` into the asking tab, and the key list (`?`)
 * and the wrap-up's questions render with the main bundle's Preact. Fails on any extension error.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, it } from 'vitest';
import { firefoxServing, poll } from './firefox-harness';
import { ARTIFACTS } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let page: Page;

const session = firefoxServing(URL, 'zendesk/ticket.html');

it('Firefox: `?` loads the lazy bundle and shows the key list; the wrap-up shows its questions', async () => {
  page = await session().open(URL);
  await poll(async () => (await session().ax(URL)).filter((n) => n.role === 'checkbutton'), (b) => b.length >= 3, 'panel checklist');
  // The accessibility tree lists headings and buttons only: the list's rows show as the room between the
  // view's heading and its Close button (one line while the lazy bundle is not there, ~19 rows once it is).
  const keysHeight = async () => {
    const nodes = await session().ax(URL);
    const title = nodes.find((n) => n.role === 'heading' && /^keys$/i.test(n.name));
    const close = nodes.find((n) => n.role === 'pushbutton' && n.name === 'Close');
    return title && close ? close.y - title.y : 0;
  };
  // Focus given to the panel by a real click, then the key.
  await session().click(page, 'heading', /^resolve first$/i);
  await page.keyboard.press('?');
  await poll(keysHeight, (h) => h > 300, 'the key list from the lazy bundle');
  await page.screenshot({ path: join(ARTIFACTS, 'firefox-lazy-keys.png') });
  await session().click(page, 'pushbutton', 'Close');
  await poll(keysHeight, (h) => h === 0, 'the key list closed');
  // The wrap-up's questions come from the same bundle: in the flow once resolution is confirmed.
  const scales = async () => (await session().ax(URL)).filter((n) => n.role === 'toggle button' && /: \d$/.test(n.name)).length;
  expect(await scales()).toBe(0);
  for (const box of (await session().ax(URL)).filter((n) => n.role === 'checkbutton')) await session().click(page, 'checkbutton', box.name);
  await poll(scales, (n) => n === 17, 'the wrap-up scales');
  await page.screenshot({ path: join(ARTIFACTS, 'firefox-lazy-wrapup.png') });
}, 90_000);
