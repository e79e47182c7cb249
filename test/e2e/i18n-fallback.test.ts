/**
 * Chromium sometimes loses an extension's message bundle in a renderer process and then answers
 * `i18n.getMessage` with '' for every key (root cause in src/shared/i18n.ts). Here the built extension's
 * pages run with `chrome.i18n.getMessage` answering '' from the first script on, as it does then: every
 * page must still show its text, never raw message keys.
 *
 * In English: with the harness's `lang: 'es'`, Playwright's locale emulation makes `getUILanguage()` in a
 * new extension page flip between 'es' and 'en-US' (seen within one page), so which catalogue the page
 * picks would depend on timing. The choice of catalogue by UI language is unit-tested
 * (test/unit/i18n-fallback.test.ts).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, type Launched, launch } from './harness';

let l: Launched;

beforeAll(async () => {
  l = await launch();
  // As the lost bundle does: '' for every key, in every extension page, before the page's own scripts.
  await l.context.addInitScript(() => {
    if (location.protocol === 'chrome-extension:') chrome.i18n.getMessage = () => '';
  });
});
afterAll(async () => {
  await l?.close();
});

const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
const OPTIONS_TITLE = en.options_title!.message;
const WELCOME_TITLE = en.welcome_title!.message;
const RAW_KEY = /\b(?:dashboard|options|popup|welcome|outcome|panel)_[a-z_]+\b/;

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, path));
  expect(await page.evaluate(() => chrome.i18n.getMessage('extName')), 'the browser answers ""').toBe('');
  return page;
}

/** What the page saw, for a failure message. */
const diagnose = (page: Page) =>
  page.evaluate(async () =>
    JSON.stringify({
      uiLanguage: chrome.i18n.getUILanguage(),
      navigator: navigator.languages,
      en: await fetch(chrome.runtime.getURL('_locales/en/messages.json')).then((r) => r.status, String),
    }),
  );

describe('pages when the browser answers "" for every message', () => {
  it('the dashboard shows its text', async () => {
    const page = await open('src/pages/dashboard/index.html');
    const h1 = page.getByRole('heading', { level: 1 }).first();
    await h1.waitFor();
    const why = await diagnose(page);
    expect(await h1.textContent(), why).toBe(en.dashboard_title!.message);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(RAW_KEY);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
  });

  it('the options page shows its text', async () => {
    const page = await open('src/pages/options/index.html');
    await page.locator('#rep-id').waitFor();
    expect(await page.title(), await diagnose(page)).toBe(OPTIONS_TITLE);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(RAW_KEY);
  });

  it('the welcome page shows its text', async () => {
    const page = await open('src/pages/welcome/index.html');
    await page.getByRole('heading', { name: WELCOME_TITLE }).waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(RAW_KEY);
  });
});
