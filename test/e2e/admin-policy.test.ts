/**
 * Issue 19, "For the administrator": every policy key the admin can set, end to end with a real policy
 * file in /etc/chromium/policies/managed — `repId` (rep cannot change it; events carry it), `playbooks`
 * (several, chosen per ticket by `appliesTo`), `disabledSites` (no panel on that helpdesk) and
 * `customSites` (a helpdesk the admin defines gets the panel; the host is granted by the manifest here,
 * standing in for the admin's host allowance or the rep's one-time grant). Then a team bundle imported on
 * the options page, which the same policy overrides where both set something.
 * The policy directory is machine-global: the file has a unique name, exists only while the browser
 * under test runs, and is removed in `finally`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import { TEAM_BUNDLE_FORMAT } from '../../src/core/settings/bundle';
import { extensionPage, FIXTURES, type Launched, launch, panel, readStore, screenshot } from './harness';

const EXTENSION_ID = 'hhpodeaeiojcbopfeojoalidnnbfcnid';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'resolve-plus-e2e-h15t-admin.json');
const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/4521';
const FRESHDESK_URL = 'https://acme.freshdesk.com/a/tickets/1042';
// The in-house helpdesk fixture, on a host the shipped manifest already grants (see the header).
const CUSTOM_URL = 'https://support.zendesk.com/tickets/123';
const tmp = mkdtempSync(join(tmpdir(), 'rp-admin-'));

const customSite = {
  ...(JSON.parse(readFileSync(join(FIXTURES, 'custom/cases.json'), 'utf8')) as { customSite: Record<string, unknown> }).customSite,
  id: 'acme-desk',
  label: 'Acme in-house desk',
  urlPattern: 'https://support.zendesk.com/tickets/*',
};
const playbookWithStep = (id: string, name: string, stepTitle: string, appliesTo: Record<string, unknown>) => ({
  ...DEFAULT_PLAYBOOK,
  id,
  name,
  appliesTo,
  checklist: [{ ...DEFAULT_PLAYBOOK.checklist[0], title: stepTitle }, ...DEFAULT_PLAYBOOK.checklist.slice(1)],
});
const POLICY = {
  repId: 'maria.s',
  disabledSites: ['freshdesk'],
  customSites: [customSite],
  playbooks: [
    playbookWithStep('zendesk-team', 'Zendesk team', 'Zendesk team: greet by name', { helpdesks: ['zendesk'] }),
    playbookWithStep('everyone', 'Everyone else', 'Catch-all: greet the customer', {}),
  ],
};

/**
 * The panel's checklist as one text (step titles with their help and required marks). Named by its
 * heading: the list of missing fields (e.g. "No tags" on the custom site) comes before it in the panel.
 */
const stepTitles = async (page: Page) => (await panel(page).locator('section[aria-labelledby="rp-checklist"] ul').first().textContent()) ?? '';
const openPanel = async (l: Launched, url: string, ticket: string): Promise<Page> => {
  const page = await l.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe(ticket);
  return page;
};

describe('administrator policy keys', () => {
  it('repId, playbooks by helpdesk, disabledSites and customSites all take effect; a team bundle yields to the policy', async () => {
    let l: Launched | null = null;
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: POLICY } } }));
      l = await launch();
      const b = l;
      expect(b.extensionId).toBe(EXTENSION_ID);
      await b.serve(ZENDESK_URL, 'zendesk/ticket.html');
      await b.serve(FRESHDESK_URL, 'freshdesk/ticket.html');
      await b.serve(CUSTOM_URL, 'custom/ticket.html');
      // Chromium kept every key: the schema (public/managed-schema.json) describes each one in full.
      await expect.poll(() => b.worker.evaluate(async () => Object.keys(await chrome.storage.managed.get()).sort()), { timeout: 15_000 }).toEqual(Object.keys(POLICY).sort());
      const managed = (await b.worker.evaluate(() => chrome.storage.managed.get())) as typeof POLICY;
      expect(managed.customSites).toEqual([customSite]);
      expect(managed.playbooks.map((p) => p.checklist[0]?.title)).toEqual(['Zendesk team: greet by name', 'Catch-all: greet the customer']);

      // playbooks: the Zendesk ticket runs the Zendesk team's playbook…
      const zendesk = await openPanel(b, ZENDESK_URL, '#4521');
      await expect.poll(() => stepTitles(zendesk)).toContain('Zendesk team: greet by name');
      // …and repId: the interaction it started carries the administrator's rep id. Nothing is logged
      // until the rep's first action in the panel (issue 15: an untouched ticket leaves no record), so tick a step.
      await panel(zendesk).getByRole('checkbox').first().click();
      await expect
        .poll(async () => (await readStore<{ helpdesk: string; repId: string }>(b.worker, 'interactions')).find((i) => i.helpdesk === 'zendesk')?.repId, { timeout: 10_000 })
        .toBe('maria.s');
      await screenshot(zendesk, 'admin-policy-zendesk-playbook');

      // customSites: the admin's in-house helpdesk gets the panel, with the catch-all playbook.
      const custom = await openPanel(b, CUSTOM_URL, '#123');
      await expect.poll(() => stepTitles(custom)).toContain('Catch-all: greet the customer');
      expect(await stepTitles(custom)).not.toContain('Zendesk team: greet by name');
      await screenshot(custom, 'admin-policy-custom-site');

      // disabledSites: no panel on Freshdesk, though the rep's own settings leave it on.
      const freshdesk = await b.context.newPage();
      await freshdesk.goto(FRESHDESK_URL);
      await freshdesk.waitForTimeout(3000); // the panel mounts within ~100 ms elsewhere; give it ample time
      // The panel's host is an anonymous element with a closed root: only the driver can tell it is there.
      expect(await panel(freshdesk).count()).toBe(0);

      // The options page: rep id read-only, the admin's site listed with its access, playbooks managed.
      const options = await b.context.newPage();
      await options.goto(`${extensionPage(b, 'src/pages/options/index.html')}#settings`);
      await options.getByText('Set by your administrator: maria.s').waitFor({ timeout: 15_000 });
      expect(await options.locator('#rep-id').isDisabled()).toBe(true);
      expect(await options.locator('#rep-id').inputValue()).toBe('maria.s');
      const adminSite = options.getByTestId('admin-sites').locator('li[data-site="acme-desk"]');
      await adminSite.waitFor();
      expect(await adminSite.textContent()).toMatch(/Acme in-house desk.*https:\/\/support\.zendesk\.com\/tickets\/\*.*access allowed/);
      await adminSite.scrollIntoViewIfNeeded();
      await screenshot(options, 'admin-policy-options');

      // The popup shows the rep id as the administrator's, with nothing to type.
      const popup = await b.context.newPage();
      await popup.goto(extensionPage(b, 'src/pages/popup/index.html'));
      await expect.poll(() => popup.getByTestId('rep-id').textContent(), { timeout: 10_000 }).toBe('Rep id (set by your administrator): maria.s');
      expect(await popup.locator('#popup-rep-id').count()).toBe(0);

      // A team bundle: its salt, sites and team object are taken; its playbook yields to the policy's.
      const bundle = {
        format: TEAM_BUNDLE_FORMAT,
        version: 1,
        name: 'Blender team',
        playbooks: [playbookWithStep('bundle', 'Bundle playbook', 'Bundle step', {})],
        hashSalt: 'ABCDEF0123456789ABCDEF0123456789',
        disabledSites: ['intercom'],
        team: { stream: 'team-blender', anything: [1, 2, 3] },
      };
      const bundlePath = join(tmp, 'team-bundle.json');
      writeFileSync(bundlePath, JSON.stringify(bundle));
      await options.locator('#bundle-file').setInputFiles(bundlePath);
      await expect.poll(() => options.getByTestId('bundle-current').textContent()).toMatch(/^In use: "Blender team", imported .* — 1 playbook\(s\), 0 custom helpdesk\(s\)\.$/);
      const config = await readStore<{ key: string; value: unknown }>(b.worker, 'config');
      const value = (k: string) => config.find((r) => r.key === k)?.value;
      expect(value('team')).toEqual(bundle.team);
      expect(value('hashSalt')).toBe('abcdef0123456789abcdef0123456789');
      const active = await options.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }));
      expect(active.result.source).toBe('managed');
      expect(active.result.playbooks.map((p: { id: string }) => p.id)).toEqual(['zendesk-team', 'everyone']);
      const panelConfig = await options.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'config/panel', payload: {} }));
      expect([...panelConfig.result.disabledSites].sort()).toEqual(['freshdesk', 'intercom']);
      expect(panelConfig.result).toMatchObject({ repId: 'maria.s', repIdSource: 'policy' });

      // A broken bundle is refused by path and changes nothing.
      const broken = { ...bundle, name: 'Broken', hashSalt: 'nope', playbooks: [{ ...bundle.playbooks[0], checklist: [] }] };
      writeFileSync(bundlePath, JSON.stringify(broken));
      await options.locator('#bundle-file').setInputFiles(bundlePath);
      const alert = options.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('hashSalt: must be 16 to 128 hexadecimal characters');
      expect(await options.getByTestId('bundle-current').textContent()).toMatch(/^In use: "Blender team"/);
      await alert.scrollIntoViewIfNeeded();
      await screenshot(options, 'admin-bundle-rejected');
    } finally {
      // The policy directory applies to every Chromium on this machine: never leave the file behind.
      rmSync(POLICY_FILE, { force: true });
      await l?.close();
    }
  });
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
  rmSync(tmp, { recursive: true, force: true });
});
