/**
 * Chromium sometimes loses an extension's message bundle in a renderer process and then answers
 * `i18n.getMessage` with '' for every key (root cause in src/shared/i18n.ts). Here the built extension's
 * pages run in Spanish Chromium with `chrome.i18n.getMessage` answering '' from the first script on, as
 * it does then: every page must still show its Spanish text, never raw message keys.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPage, type Launched, launch } from './harness';

let l: Launched;

beforeAll(async () => {
  l = await launch({ lang: 'es' });
  // As the lost bundle does: '' for every key, in every extension page, before the page's own scripts.
  await l.context.addInitScript(() => {
    if (location.protocol === 'chrome-extension:') chrome.i18n.getMessage = () => '';
  });
});
afterAll(async () => {
  await l?.close();
});

const RAW_KEY = /\b(?:dashboard|options|popup|welcome|outcome|panel)_[a-z_]+\b/;

async function open(path: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, path));
  expect(await page.evaluate(() => chrome.i18n.getMessage('extName')), 'the browser answers ""').toBe('');
  return page;
}

describe('pages when the browser answers "" for every message', () => {
  it('the dashboard shows its Spanish text', async () => {
    const page = await open('src/pages/dashboard/index.html');
    await page.getByRole('heading', { level: 1, name: 'Resolve Plus — panel del equipo' }).waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(RAW_KEY);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
  });

  it('the options page shows its Spanish text', async () => {
    const page = await open('src/pages/options/index.html');
    await page.locator('#rep-id').waitFor();
    await expect.poll(() => page.title()).toBe('Resolve Plus — opciones');
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(RAW_KEY);
  });

  it('the welcome page shows its Spanish text', async () => {
    const page = await open('src/pages/welcome/index.html');
    await page.getByRole('heading', { name: 'Bienvenido a Resolve Plus' }).waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(RAW_KEY);
  });
});
