/**
 * Issue 15 #9 in real Chromium: the options page refuses a custom-site wildcard over a public suffix and a
 * catastrophic ticket-id regex, naming the field and storing nothing; the Public Suffix List never ships
 * to helpdesk pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, extensionPage, type Launched, launch, screenshot } from './harness';
import { HELPDESK_SCRIPTS } from '../../src/background/helpdesk-scripts';

let l: Launched;
const storedSites = () => l.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { customSites?: unknown[] } | undefined)?.customSites ?? []);

async function siteForm(): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(`${extensionPage(l, 'src/pages/options/index.html')}#settings`);
  await page.locator('#site-label').waitFor({ timeout: 15_000 });
  await page.locator('#site-label').fill('Acme Helpdesk');
  await page.locator('#site-sel-subject').fill('h1.subject');
  return page;
}

beforeAll(async () => {
  l = await launch();
});
afterAll(async () => {
  await l?.close();
});

describe('custom sites (issue 15 #9)', () => {
  it('a wildcard over a public suffix is refused next to the pattern field, nothing stored', async () => {
    const page = await siteForm();
    for (const pattern of ['https://*.github.io/*', 'https://*.co.uk/*']) {
      await page.locator('#site-pattern').fill(pattern);
      await page.getByRole('button', { name: 'Save helpdesk' }).click();
      await expect.poll(() => page.locator('#site-pattern--msg').textContent()).toContain('public suffix');
    }
    expect(await storedSites()).toEqual([]);
    await page.locator('.site-form').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'trust-custom-site-public-suffix');
  });

  it('a catastrophic ticket-id pattern is refused with its reason, nothing stored', async () => {
    const page = await siteForm();
    await page.locator('#site-pattern').fill('https://support.example.com/tickets/*');
    await page.locator('#site-id-from-url').fill('/tickets/((a+)+)$');
    await page.getByRole('button', { name: 'Save helpdesk' }).click();
    await expect.poll(() => page.locator('#site-id-from-url--msg').textContent()).toContain('can take forever on a long URL');
    expect(await storedSites()).toEqual([]);
  });
});

describe('bundles', () => {
  it('the Public Suffix List is in its own chunk, which no content-script file loads', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
      web_accessible_resources?: { resources: string[] }[];
    };
    const assets = readdirSync(join(DIST, 'assets'));
    const psl = assets.filter((f) => f.startsWith('public-suffix-'));
    expect(psl).toHaveLength(1);
    // A private-section suffix: present in the list's data, nowhere else in our code.
    expect(readFileSync(join(DIST, 'assets', psl[0] as string), 'utf8')).toContain('blogspot');
    const contentFiles = [...HELPDESK_SCRIPTS.map((c) => c.file), 'content/custom.js', ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.resources)];
    for (const file of contentFiles) {
      const text = readFileSync(join(DIST, file), 'utf8');
      expect(text.includes(psl[0] as string), file).toBe(false);
      expect(text.includes('blogspot'), file).toBe(false);
    }
  });
});
