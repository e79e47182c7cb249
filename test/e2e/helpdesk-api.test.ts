/**
 * Issue 17, same-origin API reads beyond Zendesk, in real Chromium with the built extension: on Freshdesk the
 * customer's identity, name, subject, status, channel and tags come from the agent UI's own
 * `/api/_/tickets/{id}?include=requester` (served here at the helpdesk's own origin, shaped after the
 * documented API v2 ticket), on a page whose markup no adapter hook matches. The panel greets the customer by
 * the API's name, site health names "helpdesk API" as the source, and the read goes nowhere but the helpdesk's
 * own origin, once per page load. A forged answer (another ticket's JSON) is ignored and costs only the read.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyTicketPlaybook, extensionPage, type Launched, launch, panel, readStore, screenshot } from './harness';

const ORIGIN = 'https://apidemo.freshdesk.com';
const FORGED = 'https://forged.freshdesk.com';
const TICKET = '/a/tickets/1042';
const API = '/api/_/tickets/1042';

/** What Freshdesk's agent UI endpoint answers: the v2 ticket (developers.freshdesk.com/api/#view_a_ticket) under `ticket`. */
function freshdeskTicket(id: number, requester: { id: number; name: string; email: string }) {
  return {
    ticket: {
      id,
      subject: 'Charged twice for annual plan',
      status: 2,
      source: 1,
      priority: 2,
      requester_id: requester.id,
      responder_id: 43011000123,
      tags: ['billing', 'refund'],
      custom_fields: {},
      description_text: 'I was charged twice for the annual plan this morning.',
      requester: { ...requester, mobile: null, phone: null },
    },
  };
}

let l: Launched;
const requests: string[] = [];
/** The headers of every API read, to show it carries no credential of ours (the browser adds the cookie). */
const apiHeaders: Record<string, string>[] = [];

beforeAll(async () => {
  l = await launch();
  // The drifted page: the product's URL and title, no container the adapter knows (so the API is the only structured source).
  await l.serve(`${ORIGIN}${TICKET}`, 'freshdesk/drifted.html');
  await l.serve(`${ORIGIN}${API}`, JSON.stringify(freshdeskTicket(1042, { id: 43022461234, name: 'Jonas Berg', email: 'Jonas.Berg@Example.com' })), {
    html: true,
    contentType: 'application/json; charset=utf-8',
  });
  await l.serve(`${FORGED}/a/tickets/1044`, 'freshdesk/drifted.html');
  // A forged answer: another ticket's JSON naming another customer.
  await l.serve(`${FORGED}/api/_/tickets/1044`, JSON.stringify(freshdeskTicket(1043, { id: 666, name: 'Mallory Evil', email: 'mallory@evil.example' })), {
    html: true,
    contentType: 'application/json; charset=utf-8',
  });
  const setup = await l.context.newPage();
  await setup.goto(extensionPage(l, 'src/pages/popup/index.html'));
  const saved = await setup.evaluate((pb) => chrome.runtime.sendMessage({ rp: 1, name: 'playbooks/save', payload: { current: pb, history: [], savedAt: {} } }), anyTicketPlaybook('e2e-helpdesk-api'));
  if (!(saved as { ok?: boolean }).ok) throw new Error(`test playbook refused: ${JSON.stringify(saved)}`);
  await setup.close();
  l.context.on('request', (r) => {
    requests.push(r.url());
    if (new URL(r.url()).pathname === API) apiHeaders.push(r.headers());
  });
});
afterAll(async () => {
  await l?.close();
});

async function missingFields(page: Page): Promise<string> {
  const list = panel(page).locator('[data-missing]');
  return (await list.count()) ? ((await list.getAttribute('data-missing')) ?? '') : '';
}

async function healthVia(): Promise<Record<string, string | undefined>> {
  const health = (await l.worker.evaluate(() => chrome.storage.local.get('health:freshdesk')))['health:freshdesk'] as {
    diagnostics: { field: string; ok: boolean; via?: string }[];
  };
  return Object.fromEntries(health.diagnostics.map((d) => [d.field, d.ok ? d.via : 'missing']));
}

describe('Freshdesk through the agent’s own session (issue 17)', () => {
  it('the API gives the customer’s identity and name: the panel greets them and no field is missing', async () => {
    const page = await l.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${ORIGIN}${TICKET}`);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#1042');
    await expect.poll(() => missingFields(page), { timeout: 10_000 }).toBe('');
    await expect.poll(() => panel(page).locator('.whose').textContent(), { timeout: 10_000 }).toBe('Jonas · Charged twice for annual plan');
    expect(await healthVia()).toMatchObject({ ticketId: 'url', customerKey: 'api', requester: 'api', subject: 'api', status: 'api', channel: 'api', tags: 'api' });

    // The move's {customer.firstName} is filled from the API's requester name.
    const boxes = panel(page).getByRole('checkbox');
    await boxes.first().waitFor({ timeout: 10_000 });
    for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).click();
    await panel(page).getByRole('button', { name: 'Insert into reply' }).first().click();
    await expect.poll(() => page.locator('[contenteditable="true"]').first().textContent(), { timeout: 10_000 }).toContain('Thanks Jonas! A quick tip');
    await screenshot(page, 'helpdesk-api-freshdesk');

    // The interaction is keyed by the (hashed) identity the API gave.
    await expect
      .poll(async () => (await readStore<{ helpdesk: string; ticketId: string; customerKey: string }>(l.worker, 'interactions')).find((i) => i.helpdesk === 'freshdesk' && i.ticketId === '1042')?.customerKey, {
        timeout: 10_000,
      })
      .toMatch(/^[0-9a-f]{64}$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('site health names the helpdesk API as the source of the customer id', async () => {
    const options = await l.context.newPage();
    await options.goto(extensionPage(l, 'src/pages/options/index.html'));
    const line = options.locator('li[data-helpdesk="freshdesk"]');
    await line.waitFor({ timeout: 10_000 });
    expect(await line.locator('[data-field="customerKey"]').textContent()).toContain('helpdesk API');
    expect(await line.locator('[data-field="requester"]').textContent()).toContain('helpdesk API');
    await line.scrollIntoViewIfNeeded();
    await screenshot(options, 'helpdesk-api-site-health');
    await options.close();
  });

  it('a forged answer (another ticket’s JSON) is ignored: no identity, no name from it, the panel still works', async () => {
    const page = await l.context.newPage();
    const answered = l.context.waitForEvent('requestfinished', { predicate: (r) => r.url().startsWith(`${FORGED}/api/_/tickets/1044`), timeout: 15_000 });
    await page.goto(`${FORGED}/a/tickets/1044`);
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#1044');
    await answered;
    // Starting the interaction waits for the API read to settle, so its customer key says what the read gave.
    await panel(page).getByRole('checkbox').first().click();
    await expect
      .poll(async () => (await readStore<{ helpdesk: string; ticketId: string; customerKey: string }>(l.worker, 'interactions')).find((i) => i.helpdesk === 'freshdesk' && i.ticketId === '1044'), { timeout: 10_000 })
      .toMatchObject({ customerKey: '' });
    expect(await missingFields(page)).toContain('customerKey');
    expect(await panel(page).textContent()).not.toContain('Mallory');
    expect((await healthVia()).customerKey).toBe('missing');
    await page.close();
  });

  it('each page load reads the ticket once, only from the helpdesk’s own origin, with nothing but the session', async () => {
    const foreign = requests.filter((u) => /^https?:/.test(u) && ![ORIGIN, FORGED].includes(new URL(u).origin));
    expect(foreign).toEqual([]);
    const loads = requests.filter((u) => u === `${ORIGIN}${TICKET}`).length;
    const reads = requests.filter((u) => u === `${ORIGIN}${API}?include=requester`).length;
    expect(loads).toBeGreaterThan(0);
    expect(reads).toBe(loads);
    expect(apiHeaders.length).toBeGreaterThan(0);
    for (const h of apiHeaders) {
      expect(Object.keys(h).filter((k) => /authorization|token|csrf|api-?key/i.test(k))).toEqual([]);
      expect(h.accept).toContain('application/json');
    }
  });
});
