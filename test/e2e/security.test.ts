/**
 * Security and robustness in real Chromium (issue #9): hostile page content and page scripts, forged
 * window messages, a full disk, no network from extension contexts, and no conversation text stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml } from '../unit/fixture';
import { extensionPage, type Launched, launch, panel, readStore, waitFor } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
const HOSTILE_URL = 'https://evil.zendesk.com/agent/tickets/4521';
const SCRIPTED_URL = 'https://scripted.zendesk.com/agent/tickets/4521';
const HUGE = 'Z'.repeat(1_000_000);
let l: Launched;
const requests: string[] = [];

/** Zendesk fixture whose customer-written fields carry markup, bidi overrides, zero-width chars, 1 MB. */
function hostileHtml(): string {
  const evilName = '&lt;img src=x onerror="document.title=\'pwned\'"&gt;\u202Egnp.exe\u200B Maria';
  return fixtureHtml('zendesk/ticket.html')
    .replace('>Maria Lopez</div>\n    <label>Status', `>${evilName}</div>\n    <label>Status`)
    .replace('value="Order arrived damaged"', `value="&lt;script&gt;alert(1)&lt;/script&gt;${HUGE}"`)
    .replace('Great, thanks. How do I make smoothies', `<b onmouseover="alert(1)">Great</b>${HUGE} thanks. How do I make smoothies`);
}

/** A page whose own scripts try to interfere: prototype overrides, forged messages, a mutation flood. */
function scriptedHtml(): string {
  const attack = `<script>
    Element.prototype.querySelector = function () { return null; };
    Document.prototype.querySelector = function () { return null; };
    EventTarget.prototype.addEventListener = function () {};
    setInterval(() => window.postMessage({ rp: 1, command: 'tick-next-step' }, '*'), 50);
    setInterval(() => window.postMessage({ rp: 1, name: 'log/append', payload: { events: [] } }, '*'), 50);
    const log = document.querySelector('[data-test-id="omni-log-container"]');
    setInterval(() => { const d = document.createElement('div'); d.textContent = 'noise'; log?.append(d); d.remove(); }, 1);
  </script>`;
  return fixtureHtml('zendesk/ticket.html').replace('<head>', `<head>${attack}`);
}

beforeAll(async () => {
  l = await launch();
  await l.serve(URL, 'zendesk/ticket.html');
  await l.serve(HOSTILE_URL, hostileHtml(), { html: true });
  await l.serve(SCRIPTED_URL, scriptedHtml(), { html: true });
  // Every request any extension context makes (pages, worker, content-script fetches) is recorded.
  l.context.on('request', (r) => {
    const frameUrl = (() => {
      try {
        return r.frame().url();
      } catch {
        return 'service-worker';
      }
    })();
    if (!r.url().startsWith('chrome-extension://') && !r.url().startsWith('data:')) requests.push(`${r.resourceType()} ${r.url()} from ${frameUrl}`);
  });
});
afterAll(async () => {
  await l?.close();
});

describe('hostile pages', () => {
  it('shows hostile customer text as bounded inert text and keeps working', async () => {
    const page = await l.context.newPage();
    await page.goto(HOSTILE_URL);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    // Read inside the closed root from the content script's world (the page cannot).
    const inside = await panel(page).evaluate((el) => ({ imgs: el.querySelectorAll('img, script, b').length, text: el.textContent ?? '', title: document.title }));
    expect(inside.imgs).toBe(0);
    expect(inside.title).not.toBe('pwned');
    expect(inside.text).not.toContain('\u202E');
    expect(inside.text.length).toBeLessThan(20_000);
    const box = panel(page).getByRole('checkbox').first();
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.close();
  });

  it('ignores forged window messages, prototype overrides and a mutation flood', async () => {
    const page = await l.context.newPage();
    await page.goto(SCRIPTED_URL);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    const checkedAtStart = await panel(page).getByRole('checkbox', { checked: true }).count();
    await page.waitForTimeout(1_500); // 30 forged "tick-next-step" messages
    expect(await panel(page).getByRole('checkbox', { checked: true }).count()).toBe(checkedAtStart);
    // The page cannot reach into the closed root; synthetic (untrusted) clicks dispatched on our controls
    // even from the content script's own world do nothing either.
    expect(await page.evaluate(() => Array.from(document.documentElement.children).some((el) => el.shadowRoot))).toBe(false);
    await panel(page)
      .locator('input[type=checkbox]:not(:checked)')
      .first()
      .evaluate((input) => {
        (input as HTMLInputElement).click();
        input.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
    await page.waitForTimeout(300);
    expect(await panel(page).getByRole('checkbox', { checked: true }).count()).toBe(checkedAtStart);
    // Real input still works under the flood.
    const box = panel(page).getByRole('checkbox', { checked: false }).first();
    await box.click();
    await expect.poll(() => panel(page).getByRole('checkbox', { checked: true }).count()).toBe(checkedAtStart + 1);
    await page.close();
  });
});

describe('full disk', () => {
  it('keeps events in the outbox, warns, and resumes when space returns', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    await panel(page).getByRole('checkbox').first().waitFor({ timeout: 15_000 });
    const worker = l.context.serviceWorkers()[0]!;
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __realPut?: unknown };
      g.__realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const before = (await readStore(worker, 'events')).length;
    await panel(page).getByRole('checkbox').nth(1).click();
    // The storage warning (the panel may hold other alerts, e.g. that no rep id is set in this browser).
    const storageAlert = panel(page).getByRole('alert').filter({ hasText: 'QuotaExceededError' });
    await storageAlert.waitFor({ timeout: 10_000 });
    const dash = await l.context.newPage();
    await dash.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
    await expect.poll(() => dash.locator('body').textContent(), { timeout: 10_000 }).toContain('QuotaExceededError');
    const outbox = await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('outbox:')).length);
    expect(outbox).toBeGreaterThan(0);
    expect((await readStore(worker, 'events')).length).toBe(before); // nothing half-written
    await worker.evaluate(() => {
      IDBObjectStore.prototype.put = (globalThis as unknown as { __realPut: typeof IDBObjectStore.prototype.put }).__realPut;
    });
    await waitFor(() => readStore(worker, 'events'), (rows) => rows.length > before, 60_000);
    await expect.poll(() => storageAlert.count(), { timeout: 10_000 }).toBe(0);
    await dash.close();
    await page.close();
  });
});

describe('privacy and network', () => {
  it('stores no conversation text anywhere after a full flow', async () => {
    const stores = ['events', 'interactions', 'attempts', 'wrapups', 'reviews'];
    const dump = JSON.stringify(await Promise.all(stores.map((s) => readStore(l.worker, s))));
    const local = JSON.stringify(await l.worker.evaluate(() => chrome.storage.local.get(null)));
    for (const phrase of ['cracked jug', 'smoothies', 'replacement jug', 'CL-88812', 'maria.lopez@example.com', 'Order arrived damaged', 'export button']) {
      expect(dump, phrase).not.toContain(phrase);
      expect(local, phrase).not.toContain(phrase);
    }
    expect(dump.length).toBeGreaterThan(100); // the flow did log something
  });

  it('made no network request from any extension context', () => {
    // The one request allowed (issue 17): Zendesk's ticket API, read from the helpdesk page's own origin.
    const sameOriginApi = /^fetch https:\/\/([a-z]+)\.zendesk\.com\/api\/v2\/tickets\/\d+\.json\?include=users from https:\/\/\1\.zendesk\.com\/agent\/tickets\//;
    const fromExtension = requests.filter((r) => !/^document https:\/\/[a-z]+\.zendesk\.com\/agent\/tickets\//.test(r) && !sameOriginApi.test(r));
    expect(fromExtension).toEqual([]);
  });
});
