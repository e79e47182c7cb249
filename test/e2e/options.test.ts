/**
 * The options page in real Chromium: an admin authors a value move with the condition form, saves it,
 * and the overlay on the Zendesk fixture offers it after resolution; export → import round trip; a broken
 * file is refused by path and changes nothing; versions restore; settings, privacy, site health and
 * shortcuts; axe-core in light and dark; keyboard-only operation; and an enterprise policy playbook
 * (/etc/chromium/policies/managed) that wins and makes the editor read-only.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import { configValue, sendFromPage } from './config-store';
import { extensionPage, type Launched, launch, panel, screenshot } from './harness';

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4521';
const EXTENSION_ID = 'hhpodeaeiojcbopfeojoalidnnbfcnid';
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'resolve-plus-e2e-options.json');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'rp-options-'));

let l: Launched;

async function openOptions(view: 'settings' | 'playbook', launched: Launched = l): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(`${extensionPage(launched, 'src/pages/options/index.html')}#${view}`);
  if (view === 'playbook') await page.getByTestId('playbook-source').waitFor({ timeout: 15_000 });
  else await page.getByRole('heading', { name: 'You', exact: true }).waitFor({ timeout: 15_000 });
  return page;
}

interface Stored {
  current: { version: number; name: string; moves: { id: string }[] } | null;
  history: { version: number }[];
}
// Trusted config lives in the worker's IndexedDB `config` store, out of content scripts' reach.
const storedPlaybooks = async (launched: Launched = l) => ((await configValue<Stored>(launched.worker, 'playbooks')) ?? null) as Stored | null;
const storedSettings = async () => (await configValue<Record<string, unknown>>(l.worker, 'settings')) as Record<string, unknown>;

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save and activate' });
const saveReason = (page: Page) => page.locator('#save-reason').textContent();
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function axe(page: Page): Promise<string[]> {
  // page.evaluate is not subject to the extension page's CSP (an injected <script> would be).
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Ticks every checklist box in the panel (the playbook decides which one confirms resolution). */
async function resolveTicket(page: Page): Promise<void> {
  const boxes = panel(page).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if (!(await box.isChecked())) await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
  }
}

describe('options page', () => {
  beforeAll(async () => {
    l = await launch();
    await l.serve(TICKET_URL, 'zendesk/ticket.html');
  });
  afterAll(async () => {
    await l?.close();
  });

  it('authors a value move with the condition form, saves it, and the overlay offers it after resolution', async () => {
    const page = await openOptions('playbook');
    expect(await page.getByTestId('playbook-source').textContent()).toBe('Built-in default');
    expect(await saveButton(page).getAttribute('aria-disabled')).toBe('true');
    expect(await saveReason(page)).toBe('No unsaved changes.');

    await page.getByRole('button', { name: 'Add move' }).click();
    await expect.poll(() => activeId(page)).toBe('f-moves-10-title'); // focus goes to the new move
    await page.locator('#f-moves-10-title').fill('Smoothie tip');
    await page.locator('#f-moves-10-id').fill('smoothie-tip');

    // Tone check next to the text, as the author types.
    await page.locator('#f-moves-10-text').fill('Upgrade to the premium plan for better smoothies!');
    await expect.poll(() => page.locator('#f-moves-10-text--msg').textContent()).toMatch(/upsell/);
    await page.locator('#f-moves-10-text').fill('Hi {customer.firstName}, for smoothies with ');
    await page.locator('#f-moves-10-text').press('End');
    await page.getByRole('button', { name: 'Insert {product}' }).click();
    await expect.poll(() => activeId(page)).toBe('f-moves-10-text');
    await page.keyboard.type(': pour the liquid in first, then the ice.');
    expect(await page.locator('#f-moves-10-text').inputValue()).toBe('Hi {customer.firstName}, for smoothies with {product}: pour the liquid in first, then the ice.');
    expect(await page.locator('#f-moves-10-text--msg').count()).toBe(0);
    await page.locator('#f-moves-10-priority').fill('900');

    // Condition builder: all of (customer says smoothie*, tagged blender).
    await page.getByRole('button', { name: 'Add a condition (all must hold)' }).click();
    await expect.poll(() => activeId(page)).toBe('f-moves-10-when-all-0--kind');
    const summary = page.locator('#playbook-errors');
    await expect.poll(() => summary.textContent()).toContain('moves[10].when.all[0].customerSays.any: must not be empty');
    expect(await saveButton(page).getAttribute('aria-disabled')).toBe('true');
    expect(await saveReason(page)).toMatch(/^Cannot save yet/);
    // The summary takes you to the field.
    await summary.getByRole('button', { name: /customerSays\.any/ }).click();
    await expect.poll(() => activeId(page)).toBe('f-moves-10-when-all-0-customerSays-any');
    await page.keyboard.type('smoothie*, blend*');
    await page.getByRole('button', { name: 'Add a condition (all must hold)' }).click();
    await page.locator('#f-moves-10-when-all-1--kind').selectOption('tags');
    await page.locator('#f-moves-10-when-all-1-tags-any').fill('blender, kitchen');
    await expect.poll(() => summary.count()).toBe(0);
    expect(await saveButton(page).getAttribute('aria-disabled')).toBeNull();
    expect(await saveReason(page)).toBe('Saving makes this version 2, active for this browser.');

    // Live preview on the damaged-blender sample: held back until resolution, then offered with reasons.
    const preview = page.getByTestId('preview');
    expect(await preview.locator('.held [data-move="smoothie-tip"]').textContent()).toMatch(/Waiting for resolution/);
    await page.locator('.sample-form').getByLabel('Confirm with the customer that it is fixed').check();
    const offered = preview.locator('article[data-move="smoothie-tip"]');
    await offered.waitFor();
    expect(await offered.locator('blockquote').textContent()).toBe('Hi Maria, for smoothies with Acme Blender Pro: pour the liquid in first, then the ice.');
    expect(await offered.locator('li').allTextContents()).toEqual(['Resolution confirmed', "Customer mentioned 'blender'", "Tagged 'blender'"]);
    await page.locator('#f-moves-10-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'options-playbook-authored');

    await saveButton(page).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved as' }).textContent()).toBe('Saved as version 2 and activated.');
    expect(await page.getByTestId('playbook-source').textContent()).toBe('Saved on this browser, version 2');
    const stored = await storedPlaybooks();
    expect(stored?.current?.version).toBe(2);
    expect(stored?.current?.moves.map((m) => m.id)).toContain('smoothie-tip');
    expect(stored?.history).toEqual([]);
    await page.close();

    // The overlay on the Zendesk fixture uses the saved playbook: the new move leads after resolution.
    const ticket = await l.context.newPage();
    await ticket.goto(TICKET_URL);
    await expect.poll(() => panel(ticket).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    expect(await panel(ticket).locator('article.move').count()).toBe(0);
    await resolveTicket(ticket);
    const card = panel(ticket).locator('article.move').first();
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getAttribute('data-move-id')).toBe('smoothie-tip');
    expect(await card.locator('h4').textContent()).toBe('Smoothie tip');
    expect(await card.locator('blockquote').textContent()).toBe('Hi Maria, for smoothies with Acme Blender Pro: pour the liquid in first, then the ice.');
    await screenshot(ticket, 'options-authored-move-in-overlay');
    await ticket.close();
  });

  it('exports the playbook, refuses a broken file by path without changing anything, and re-imports', async () => {
    const page = await openOptions('playbook');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('resolve-plus-default-v2.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.version).toBe(2);
    expect(exported.moves.map((m: { id: string }) => m.id)).toContain('smoothie-tip');
    const before = await storedPlaybooks();

    const broken = structuredClone(exported);
    broken.moves[3].when = { any: [{ regex: 'refund.*' }] };
    broken.checklist[0].title = '';
    const brokenPath = join(tmp, 'broken.json');
    writeFileSync(brokenPath, JSON.stringify(broken));
    await page.locator('#import-file').setInputFiles(brokenPath);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? '';
    expect(alertText).toContain('moves[3].when.any[0]: unknown field "regex"');
    expect(alertText).toContain('checklist[0].title: must not be blank');
    expect(alertText).toContain('Nothing was changed');
    expect(await storedPlaybooks()).toEqual(before);
    expect(await page.getByTestId('playbook-source').textContent()).toBe('Saved on this browser, version 2');
    expect(await saveReason(page)).toBe('No unsaved changes.');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'options-import-rejected');

    await page.locator('#import-paste').fill('{"id": "x",');
    await page.getByRole('button', { name: 'Import pasted JSON' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/pasted text[\s\S]*\$: /);
    expect(await storedPlaybooks()).toEqual(before);

    // The exported file imports cleanly: same playbook, nothing to save.
    await page.locator('#import-file').setInputFiles(await download.path());
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await saveReason(page)).toBe('No unsaved changes.');

    // A changed file is loaded for review, then saved as a new version.
    const renamedPath = join(tmp, 'renamed.json');
    writeFileSync(renamedPath, JSON.stringify({ ...exported, name: 'Blender team playbook' }));
    await page.locator('#import-file').setInputFiles(renamedPath);
    await expect.poll(() => page.locator('#f-name').inputValue()).toBe('Blender team playbook');
    expect((await storedPlaybooks())?.current?.name).not.toBe('Blender team playbook'); // not active until saved
    await saveButton(page).click();
    await expect.poll(() => page.getByTestId('playbook-source').textContent()).toBe('Saved on this browser, version 3');
    const after = await storedPlaybooks();
    expect(after?.current?.name).toBe('Blender team playbook');
    expect(after?.history.map((h) => h.version)).toEqual([2]);
    await page.close();
  });

  it('restores an earlier version as a new version', async () => {
    const page = await openOptions('playbook');
    const row = page.locator('.versions li[data-version="2"]');
    await row.getByRole('button', { name: 'Restore version 2' }).click();
    await expect.poll(() => page.getByTestId('playbook-source').textContent()).toBe('Saved on this browser, version 4');
    const stored = await storedPlaybooks();
    expect(stored?.current?.version).toBe(4);
    expect(stored?.current?.moves.map((m) => m.id)).toContain('smoothie-tip');
    expect(stored?.history.map((h) => h.version)).toEqual([3, 2]);
    expect(await page.locator('#f-name').inputValue()).toBe(DEFAULT_PLAYBOOK.name);
    await page.getByRole('heading', { name: 'Versions' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'options-versions');

    // Unsaved changes block restoring, with the reason shown.
    await page.locator('#f-name').fill('Work in progress');
    expect(await page.getByRole('button', { name: 'Restore version 3' }).getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Save or discard your changes before restoring a version.').waitFor();
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await page.locator('#f-name').inputValue()).toBe(DEFAULT_PLAYBOOK.name);
    await page.close();
  });

  it('reorders steps and saves with the keyboard alone, with a visible focus ring', async () => {
    const page = await openOptions('playbook');
    const firstToggle = page.locator('.items').first().locator('[data-action="toggle"]').first();
    // Tab from the top of the page to the first checklist step.
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await firstToggle.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await firstToggle.getAttribute('aria-expanded')).toBe('true');

    const titles = () => page.locator('.items').first().locator(':scope > li .item-title').allTextContents();
    const original = await titles();
    await page.keyboard.press('Tab'); // "Move up" is disabled on the first item, so Tab lands on "Move down"
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move down: ${original[0]}`);
    await page.keyboard.press('Space');
    await expect.poll(titles).toEqual([original[1], original[0], ...original.slice(2)]);
    // Focus stays with the moved step.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move down: ${original[0]}`);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move up: ${original[0]}`);
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(original);
    // "Move up" is disabled again on the first item, so focus moved on to "Move down": move it down once more.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move down: ${original[0]}`);
    await page.keyboard.press('Space');
    await expect.poll(titles).toEqual([original[1], original[0], ...original.slice(2)]);

    // Add a step from the keyboard and type its title; the new step gets focus.
    await page.getByRole('button', { name: 'Add step' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => activeId(page)).toBe(`f-checklist-${original.length}-title`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Offer a call back');
    await page.keyboard.press('Tab');
    expect(await activeId(page)).toBe(`f-checklist-${original.length}-id`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // help → "Required"
    expect(await activeId(page)).toBe(`f-checklist-${original.length}-required`);
    await page.keyboard.press('Space');
    expect(await page.locator(`#f-checklist-${original.length}-required`).isChecked()).toBe(true);
    await screenshot(page, 'options-keyboard');

    await saveButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('playbook-source').textContent()).toBe('Saved on this browser, version 5');
    const stored = (await storedPlaybooks()) as unknown as { current: { checklist: { id: string; title: string; required: boolean }[] } };
    expect(stored.current.checklist.map((s) => s.title)).toEqual([original[1], original[0], ...original.slice(2), 'Offer a call back']);
    expect(stored.current.checklist.at(-1)?.required).toBe(true);
    await page.close();
  });

  it('settings: who the rep is, sites, theme, retention, hash salt, site health, shortcuts', async () => {
    const page = await openOptions('settings');
    // Keyboard: fields, a site checkbox, the theme radios and Save.
    await page.locator('#rep-id').focus();
    await page.keyboard.type('maria.s');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Maria S.');
    await page.getByRole('radio', { name: 'Same as the system' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Freshdesk' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save', exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedSettings())?.repId).toBe('maria.s');
    const settings = await storedSettings();
    expect(settings).toMatchObject({ schemaVersion: 3, repId: 'maria.s', repName: 'Maria S.', theme: 'dark', disabledSites: ['freshdesk'] });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 26)');

    // Retention.
    await page.locator('#retention-days').fill('90');
    await page.locator('#retention-days').press('Enter');
    await expect.poll(async () => (await storedSettings())?.retentionDays).toBe(90);

    // Hash salt: refused when not hex, stored when valid; shown and downloadable.
    await page.locator('#salt-import').fill('not-a-salt');
    await page.getByRole('button', { name: 'Use this salt' }).click();
    await page.getByText('The salt must be 16 to 128 hexadecimal characters').waitFor();
    await page.locator('#salt-import').fill('00112233445566778899AABBCCDDEEFF');
    await page.getByRole('button', { name: 'Use this salt' }).click();
    await expect.poll(() => configValue(l.worker, 'hashSalt')).toBe('00112233445566778899aabbccddeeff');
    expect(await l.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(['hashSalt', 'settings', 'playbooks'])))).toEqual([]);
    await page.getByRole('button', { name: 'Show salt' }).click();
    expect(await page.locator('#salt-shown').inputValue()).toBe('00112233445566778899aabbccddeeff');
    const [saltFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download salt' }).click()]);
    expect(saltFile.suggestedFilename()).toBe('resolve-plus-hash-salt.txt');
    expect(readFileSync((await saltFile.path())!, 'utf8').trim()).toBe('00112233445566778899aabbccddeeff');

    // Site health: what the content script last stored for a helpdesk appears live, one line per site.
    await l.worker.evaluate(() =>
      chrome.storage.local.set({
        'health:zendesk': {
          at: Date.now(),
          diagnostics: [
            { field: 'ticketId', ok: true, source: 'url' },
            { field: 'subject', ok: true, source: '[data-test-id="omni-header-subject"]' },
            { field: 'status', ok: false },
          ],
        },
      }),
    );
    const health = page.locator('.health li[data-helpdesk="zendesk"]');
    await health.waitFor();
    expect(((await health.textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/^Zendesk: id ✓ read subject ✓ read status ✗ not found · /);
    expect(await health.locator('.h-bad').textContent()).toMatch(/^status/);

    // Custom site: a bad pattern is named next to its field and nothing is stored.
    await page.locator('#site-label').fill('Acme Helpdesk');
    await page.locator('#site-pattern').fill('http://support.example.com/tickets/*');
    await page.getByRole('button', { name: 'Save helpdesk' }).click();
    await expect.poll(() => page.locator('#site-pattern--msg').textContent()).toMatch(/Only https:\/\/ patterns are allowed/);
    expect(await page.locator('#site-sel-subject--msg').textContent()).toMatch(/Selector is empty/);
    expect((await storedSettings())?.customSites).toEqual([]);
    await page.locator('.site-form').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'options-custom-site-errors-dark');

    // Shortcuts: the browser's own page opens in a new tab.
    const [shortcuts] = await Promise.all([l.context.waitForEvent('page'), page.getByRole('button', { name: 'Change shortcuts in the browser' }).click()]);
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
    await shortcuts.close();

    // Back to the system theme for the following tests.
    await page.getByRole('radio', { name: 'Same as the system' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect.poll(async () => (await storedSettings())?.theme).toBe('system');
    await page.close();
  });

  it('passes axe-core with zero violations, light and dark, with editors open and errors shown', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const settings = await openOptions('settings');
      await settings.emulateMedia({ colorScheme: scheme });
      await settings.getByRole('button', { name: 'Show salt' }).click();
      expect(await axe(settings), `settings, ${scheme}`).toEqual([]);
      await screenshot(settings, `options-privacy-${scheme}`);
      await settings.evaluate(() => window.scrollTo(0, 0));
      await screenshot(settings, `options-settings-${scheme}`);
      await settings.close();

      const page = await openOptions('playbook');
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.items').first().locator('[data-action="toggle"]').first().click();
      const moveToggles = page.locator('.items').nth(1).locator('[data-action="toggle"]');
      await moveToggles.first().click();
      await page.getByLabel('Run an A/B test').check();
      await page.getByRole('button', { name: 'Copy current moves to B' }).click();
      // An error and a tone warning on screen.
      await page.locator('#f-moves-0-title').fill('');
      await page.locator('#f-moves-0-text').fill('Act now: 20% off the premium plan!');
      await page.locator('#playbook-errors').waitFor();
      await page.locator('#f-moves-0-text--msg').waitFor();
      expect(await axe(page), `playbook, ${scheme}`).toEqual([]);
      await page.locator('#f-moves-0-title').scrollIntoViewIfNeeded();
      await screenshot(page, `options-playbook-${scheme}`);
      await page.close();
    }
  });
});

describe('enterprise policy', () => {
  it('a managed playbook wins over the local one and the editor is read-only', async () => {
    const managed = { ...DEFAULT_PLAYBOOK, id: 'acme-managed', name: 'Acme managed playbook', version: 7 };
    // A `playbook` object: Chromium keeps only what public/managed-schema.json describes, so the schema
    // spells out the whole playbook (recursive conditions included) and the object arrives intact.
    let browser2: Launched | null = null;
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: { playbook: managed, retentionDays: 180, hashSalt: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' } } } }));
      browser2 = await launch();
      const b = browser2;
      expect(b.extensionId).toBe(EXTENSION_ID);
      await expect.poll(() => b.worker.evaluate(async () => Object.keys(await chrome.storage.managed.get())), { timeout: 15_000 }).toContain('playbook');
      const page = await openOptions('playbook', b);
      // A local playbook exists too; the policy must still win.
      const saved = await sendFromPage(page, 'playbooks/save', { current: { ...DEFAULT_PLAYBOOK, name: 'Local playbook', version: 3 }, history: [], savedAt: {} });
      expect(saved.ok).toBe(true);
      await page.reload();
      await page.getByTestId('playbook-source').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('playbook-source').textContent()).toBe('Managed by your administrator');
      // The worker validated the managed object with the engine's schema and serves it to every panel.
      const active = await page.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }));
      expect(active.result).toMatchObject({ source: 'managed', problems: [] });
      expect(active.result.playbooks[0]).toMatchObject({ id: 'acme-managed', version: 7 });
      expect(await page.locator('#f-name').inputValue()).toBe('Acme managed playbook');
      expect(await page.locator('#f-name').isDisabled()).toBe(true);
      expect(await saveButton(page).getAttribute('aria-disabled')).toBe('true');
      expect(await saveReason(page)).toBe('Cannot save: the playbook is managed by your administrator.');
      expect(await page.getByRole('button', { name: 'Add move' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
      expect(await page.locator('#import-file').count()).toBe(0);
      // Still browsable: a step opens, its fields are disabled.
      await page.locator('.items').first().locator('[data-action="toggle"]').first().click();
      expect(await page.locator('#f-checklist-0-title').isDisabled()).toBe(true);
      await page.getByText('Read-only: the editor is disabled').waitFor();
      await screenshot(page, 'options-managed');
      expect(await axe(page)).toEqual([]);

      const settings = await openOptions('settings', b);
      await settings.getByText('Set by your administrator: 180 days.').waitFor();
      await settings.getByText('Set by your administrator for the whole team.').waitFor();
      await page.close();
      await settings.close();
    } finally {
      // The policy directory applies to every Chromium on this machine: never leave the file behind.
      rmSync(POLICY_FILE, { force: true });
      await browser2?.close();
    }
  });
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
  rmSync(tmp, { recursive: true, force: true });
});
