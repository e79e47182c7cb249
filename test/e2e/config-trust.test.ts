/**
 * Issue 15 #4 (config half): trusted configuration is out of a compromised content script's reach.
 * The content script's isolated world is reached through the DevTools protocol (`Runtime.evaluate` in the
 * execution context whose auxData.type is 'isolated' and whose origin is the extension), modelling a
 * compromised helpdesk renderer. From there the attack plants settings (retention 1 day, another rep id),
 * a playbook, a policy mirror and a salt in `storage.local`, pokes the change counter, and asks the worker
 * for what only pages may ask. None of it takes effect, and nothing secret can be read from that world.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import { configValue } from './config-store';
import { extensionPage, type Launched, launch, panel, readStore, screenshot } from './harness';

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/4521';
let l: Launched;

/** Evaluates `expression` (awaited, JSON result) in the extension's isolated world on `page`. */
async function inContentWorld(page: Page): Promise<{ run: <T>(expression: string) => Promise<T>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable'); // reports every existing context
  const ext = `chrome-extension://${l.extensionId}`;
  await expect.poll(() => contexts.some((c) => c.auxData?.type === 'isolated' && c.origin === ext), { timeout: 10_000 }).toBe(true);
  const contextId = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === ext)!.id;
  return {
    cdp,
    async run<T>(expression: string): Promise<T> {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(`isolated world threw: ${JSON.stringify(r.exceptionDetails).slice(0, 300)}`);
      return r.result.value as T;
    },
  };
}

const stepNames = (page: Page) => panel(page).getByRole('checkbox').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.closest('label')?.textContent ?? ''));

beforeAll(async () => {
  l = await launch();
  await l.serve(TICKET_URL, 'zendesk/ticket.html');
  await l.serve('https://acme.freshdesk.com/a/tickets/1042', 'freshdesk/ticket.html');
});
afterAll(async () => {
  await l?.close();
});

describe('trusted config vs a compromised content script', () => {
  it('planted settings, playbook, policy mirror and salt change nothing, and the salt cannot be read', async () => {
    // The rep sets retention to 90 days on the options page (a real, trusted change).
    const options = await l.context.newPage();
    await options.goto(`${extensionPage(l, 'src/pages/options/index.html')}#settings`);
    await options.locator('#retention-days').fill('90');
    await options.locator('#retention-days').press('Enter');
    await expect.poll(async () => (await configValue<{ retentionDays: number }>(l.worker, 'settings'))?.retentionDays).toBe(90);

    const ticket = await l.context.newPage();
    await ticket.goto(TICKET_URL);
    await expect.poll(() => panel(ticket).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    const stepsBefore = await stepNames(ticket);
    expect(stepsBefore.length).toBeGreaterThan(0);
    const world = await inContentWorld(ticket);
    // The worker hashes only for an interaction it issued to this tab (issue 15): that world asks for one, as a
    // content script may; the same tab keeps it across the reload below.
    const opened = await world.run<{ ok: boolean; result: { interactionId: string } }>(
      `chrome.runtime.sendMessage({ rp: 1, name: 'interaction/open', payload: { helpdesk: 'zendesk', ticketId: '4521', startedAt: Date.now() } })`,
    );
    const interactionId = opened.result.interactionId;
    const keyOf = (w: typeof world, raw: string) =>
      w.run<{ ok: boolean; result: { key: string } }>(`chrome.runtime.sendMessage({ rp: 1, name: 'customer/key', payload: { raw: ${JSON.stringify(raw)}, interactionId: ${JSON.stringify(interactionId)} } })`);
    const keyBefore = (await keyOf(world, 'maria.lopez@example.com')).result.key;
    expect(keyBefore).toMatch(/^[0-9a-f]{64}$/);
    const salt = await configValue<string>(l.worker, 'hashSalt');
    expect(salt).toMatch(/^[0-9a-f]{32}$/);

    // 1. Reading: storage.local, as that world sees it, holds no salt, settings, playbook or policy.
    const visible = await world.run<Record<string, unknown>>('chrome.storage.local.get(null)');
    const dump = JSON.stringify(visible);
    for (const key of ['settings', 'playbooks', 'hashSalt', 'policyMirror']) expect(Object.keys(visible)).not.toContain(key);
    expect(dump).not.toContain(salt);
    expect(dump).not.toContain('retentionDays');
    // The extension's IndexedDB (where the config lives) is not this world's: its databases are the page origin's.
    expect(await world.run<string[]>('indexedDB.databases().then((d) => d.map((x) => x.name))')).not.toContain('resolve-plus');
    // The page-only messages are refused to a content script.
    for (const name of ['config/options', 'settings/update', 'playbooks/save', 'salt/set', 'bundle/import']) {
      const payload = name === 'settings/update' ? { retentionDays: 1 } : name === 'salt/set' ? { salt: 'ff'.repeat(16) } : {};
      const reply = await world.run<{ ok: boolean; error: string }>(`chrome.runtime.sendMessage({ rp: 1, name: ${JSON.stringify(name)}, payload: ${JSON.stringify(payload)} })`);
      expect(reply, name).toEqual({ ok: false, error: `content may not send ${name}` });
    }
    // What a content script may ask carries nothing secret.
    const panelConfig = await world.run<Record<string, unknown>>(`chrome.runtime.sendMessage({ rp: 1, name: 'config/panel', payload: {} }).then((r) => r.result)`);
    expect(Object.keys(panelConfig).sort()).toEqual(['customSites', 'disabledSites', 'repId', 'repIdSource', 'repName', 'theme']);
    expect(JSON.stringify(panelConfig)).not.toContain(salt);

    // 2. Writing: plant every trusted value under its old storage.local key, then poke the change counter.
    const evil = { ...DEFAULT_PLAYBOOK, id: 'evil', name: 'Evil playbook', version: 99, checklist: [{ id: 'evil-step', title: 'EVIL STEP' }] };
    await world.run(`chrome.storage.local.set(${JSON.stringify({
      settings: { schemaVersion: 3, repId: 'attacker', retentionDays: 1, disabledSites: [], customSites: [] },
      playbooks: { current: evil, history: [], savedAt: {} },
      policyMirror: { retentionDays: 1, playbook: evil, hashSalt: 'ff'.repeat(16), repId: 'attacker' },
      hashSalt: 'ee'.repeat(16),
      configChanged: 'forged',
    })}).then(() => true)`);

    // Retention is unchanged on the options page (neither the rep's 90 nor "set by your administrator: 1").
    await options.reload();
    await expect.poll(() => options.locator('#retention-days').inputValue(), { timeout: 10_000 }).toBe('90');
    expect(await options.getByText(/Set by your administrator/).count()).toBe(0);
    expect(await options.locator('#rep-id').inputValue()).toBe('');
    await options.locator('#retention-days').scrollIntoViewIfNeeded();
    await screenshot(options, 'config-trust-options-after-attack');

    // The panel's playbook is unchanged, after the counter poke and after a reload.
    expect(await stepNames(ticket)).toEqual(stepsBefore);
    await ticket.reload();
    await expect.poll(() => panel(ticket).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    await expect.poll(() => stepNames(ticket)).toEqual(stepsBefore);
    expect(stepsBefore.join()).not.toContain('EVIL STEP');
    await screenshot(ticket, 'config-trust-panel-after-attack');

    // Customer keys are unchanged: the worker still hashes with its own salt.
    const again = await inContentWorld(ticket);
    const keyAfter = await keyOf(again, 'maria.lopez@example.com');
    expect(keyAfter.result.key).toBe(keyBefore);
    // The worker's trusted store still holds the real values.
    expect(await configValue(l.worker, 'hashSalt')).toBe(salt);
    expect(await configValue<{ retentionDays: number; repId: string }>(l.worker, 'settings')).toMatchObject({ retentionDays: 90, repId: '' });
    const active = await options.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }));
    expect(active.result).toMatchObject({ source: 'default' });
    await options.close();
    await ticket.close();
  });

  it('the popup asks for the rep id once when nobody set it, refuses what is not an id, and stores it', async () => {
    const popup = await l.context.newPage();
    await popup.goto(extensionPage(l, 'src/pages/popup/index.html'));
    await popup.getByText('Set your rep id so your outcomes are counted as yours.').waitFor({ timeout: 10_000 });
    await popup.getByLabel('Your rep id').fill('<b>sam</b>');
    await popup.getByRole('button', { name: 'Save rep id' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Use letters, digits and . _ @ - (up to 100).' }).waitFor();
    expect((await configValue<{ repId: string }>(l.worker, 'settings'))?.repId ?? '').toBe('');
    await screenshot(popup, 'popup-rep-id-invalid');
    await popup.getByLabel('Your rep id').fill(' sam.r ');
    await popup.getByRole('button', { name: 'Save rep id' }).click();
    await expect.poll(() => popup.getByTestId('rep-id').textContent()).toBe('Rep id: sam.r');
    expect(await configValue<{ repId: string }>(l.worker, 'settings')).toMatchObject({ repId: 'sam.r' });
    // Opened again, it shows the id instead of asking.
    await popup.reload();
    await expect.poll(() => popup.getByTestId('rep-id').textContent(), { timeout: 10_000 }).toBe('Rep id: sam.r');
    expect(await popup.getByLabel('Your rep id').count()).toBe(0);
    // A new ticket's interaction is logged under it (logged from the rep's first action in the panel).
    const ticket = await l.context.newPage();
    await ticket.goto('https://acme.freshdesk.com/a/tickets/1042');
    await panel(ticket).getByRole('checkbox').first().click();
    await expect
      .poll(async () => (await readStore<{ repId: string }>(l.worker, 'interactions')).map((i) => i.repId), { timeout: 15_000 })
      .toContain('sam.r');
    await ticket.close();
    await popup.close();
  });

  it('an update moves the values an earlier version kept in storage.local into the config store, then deletes them', async () => {
    // The state an earlier version leaves: trusted values in storage.local, config store never migrated.
    const legacySalt = '0123456789abcdef0123456789abcdef';
    await l.worker.evaluate(
      async ([salt, pb]) => {
        await new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('resolve-plus');
          req.onsuccess = () => {
            const tx = req.result.transaction('config', 'readwrite');
            tx.objectStore('config').clear();
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        });
        await chrome.storage.local.set({
          settings: { schemaVersion: 3, repId: 'legacy.rep', repName: 'Legacy Rep', retentionDays: 45, disabledSites: ['front'], customSites: [], theme: 'system', csvBom: true },
          playbooks: { current: { ...pb, name: 'Legacy playbook', version: 4 }, history: [], savedAt: {} },
          hashSalt: salt,
        });
      },
      [legacySalt, DEFAULT_PLAYBOOK as unknown as Record<string, unknown>] as const,
    );
    // The new version's worker starts fresh (as after an update): stop the running one.
    const page = await l.context.newPage();
    await page.goto(`${extensionPage(l, 'src/pages/options/index.html')}#settings`);
    const cdp = await l.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.reload();

    await expect.poll(() => page.locator('#rep-id').inputValue(), { timeout: 15_000 }).toBe('legacy.rep');
    expect(await page.locator('#retention-days').inputValue()).toBe('45');
    const worker = l.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await l.context.waitForEvent('serviceworker'));
    expect(await configValue(worker, 'hashSalt')).toBe(legacySalt);
    expect(await configValue<{ current: { name: string } }>(worker, 'playbooks')).toMatchObject({ current: { name: 'Legacy playbook' } });
    expect(await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(['settings', 'playbooks', 'hashSalt', 'policyMirror'])))).toEqual([]);
    const active = await page.evaluate(() => chrome.runtime.sendMessage({ rp: 1, name: 'playbook/active', payload: {} }));
    expect(active.result).toMatchObject({ source: 'local' });
    expect(active.result.playbooks[0]).toMatchObject({ name: 'Legacy playbook', version: 4 });
    await page.close();
  });
});
