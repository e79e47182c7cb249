/**
 * Issue 15 findings #2, #3 and the worker's part of #4, in real Chromium. Attacks are page scripts in
 * the fixture, or — where a compromised renderer is modelled — code run in the content script's isolated
 * world through the DevTools protocol (it can use chrome.runtime and chrome.storage like our script).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInIsolatedWorld } from './isolated';
import { type Launched, launch, panel, readStore, waitFor } from './harness';

const ACME = 'https://acme.zendesk.com/agent/tickets/4521';
const EVIL = 'https://evil.zendesk.com/agent/tickets/4521';
const FLOOD = 'https://flood.zendesk.com/agent/tickets/4521';
let l: Launched;

/** A page script that fakes ticket after ticket: pushState plus a pane that claims the new id. */
const FLOOD_SCRIPT = `<script>
  window.flood = async (n) => {
    const pane = document.querySelector('[data-is-active="true"][data-side-conversations-anchor-id]');
    for (let i = 0; i < n; i++) {
      const id = String(900000 + i);
      history.pushState({}, '', '/agent/tickets/' + id);
      pane.setAttribute('data-side-conversations-anchor-id', id);
      await new Promise((r) => setTimeout(r, 15));
    }
  };
</script></head>`;

beforeAll(async () => {
  l = await launch();
  await l.serve(ACME, 'zendesk/ticket.html');
  await l.serve(EVIL, 'zendesk/ticket.html');
  const { readFileSync } = await import('node:fs');
  const html = readFileSync('test/fixtures/zendesk/ticket.html', 'utf8').replace('</head>', FLOOD_SCRIPT);
  await l.serve(FLOOD, html, { html: true });
}, 60_000);
afterAll(async () => {
  await l?.close();
});

type Stored = { id: string; type: string; interactionId: string; at: number; repId?: string };
type TicketRow = { interactionId: string; checklist: Record<string, unknown> };

async function open(url: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(url);
  await panel(page).getByRole('checkbox').first().waitFor({ timeout: 15_000 });
  return page;
}

async function storageLocal(): Promise<Record<string, unknown>> {
  return l.worker.evaluate(() => chrome.storage.local.get(null));
}

const send = (page: Page, name: string, payload: unknown) =>
  evaluateInIsolatedWorld<{ ok: boolean; error?: string; result?: Record<string, unknown> }>(page, `chrome.runtime.sendMessage(${JSON.stringify({ rp: 1, name, payload })})`);

describe('one site cannot reach another site’s tickets (#2)', () => {
  let acmeInteraction = '';

  it('keys ticket state by site: evil.zendesk.com/…/4521 does not resume acme’s ticket 4521', async () => {
    const acme = await open(ACME);
    await panel(acme).getByRole('checkbox').first().click();
    const acmeKey = 'ticket:https://acme.zendesk.com:zendesk:4521';
    const stored = await waitFor(storageLocal, (all) => acmeKey in all);
    acmeInteraction = (stored[acmeKey] as TicketRow).interactionId;
    await waitFor(() => readStore<Stored>(l.worker, 'events'), (rows) => rows.some((e) => e.interactionId === acmeInteraction && e.type === 'step-completed'));

    const evil = await open(EVIL);
    await expect.poll(() => panel(evil).getByRole('checkbox').first().isChecked()).toBe(false);
    await panel(evil).getByRole('checkbox').nth(1).click();
    const both = await waitFor(storageLocal, (all) => 'ticket:https://evil.zendesk.com:zendesk:4521' in all);
    const evilState = both['ticket:https://evil.zendesk.com:zendesk:4521'] as TicketRow;
    expect(evilState.interactionId).not.toBe(acmeInteraction);
    expect(Object.keys(evilState.checklist)).toHaveLength(1);
    // acme's ticket is untouched by what happened on evil's page.
    expect(Object.keys((both[acmeKey] as TicketRow).checklist)).toHaveLength(1);
    await acme.close();
    await evil.close();
  }, 60_000);

  it('refuses a compromised renderer on another site: events, resume and history for acme’s interaction', async () => {
    const evil = await open(EVIL);
    const forged = { id: 'forged-step', at: Date.now(), interactionId: acmeInteraction, type: 'step-completed', stepId: 'refund-approved', auto: false };
    const append = await send(evil, 'log/append', { events: [forged] });
    expect(append).toMatchObject({ ok: true, result: { acked: [], rejected: [{ id: 'forged-step', reason: 'interaction belongs to another site' }] } });
    const resumed = await send(evil, 'interaction/open', { helpdesk: 'zendesk', ticketId: '4521', startedAt: Date.now(), resume: acmeInteraction });
    expect(resumed.ok).toBe(true);
    expect(resumed.result?.interactionId).not.toBe(acmeInteraction);
    const history = await send(evil, 'customer/history', { interactionId: acmeInteraction });
    expect(history).toMatchObject({ ok: false, error: expect.stringMatching(/not issued to this tab/) });
    const key = await send(evil, 'customer/key', { raw: 'victim@example.com', interactionId: acmeInteraction });
    expect(key.ok).toBe(false);

    // The outbox drain too: an entry written into storage.local for acme's interaction is refused.
    await evaluateInIsolatedWorld(
      evil,
      `chrome.storage.local.set({ 'outbox:forged-drain': { json: JSON.stringify(${JSON.stringify({ ...forged, id: 'forged-drain' })}), mac: '00' } })`,
    );
    const cdp = await l.context.newCDPSession(evil);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The next message wakes a fresh worker, which drains the outboxes first thing.
    await send(evil, 'config/panel', {});
    await send(evil, 'log/append', { events: [{ ...forged, id: 'wake' }] });
    const worker = l.context.serviceWorkers()[0] ?? (await l.context.waitForEvent('serviceworker'));
    const refused = await waitFor(
      () => readStore<{ id: string; reason: string }>(worker, 'rejected'),
      (rows) => rows.some((r) => r.id === 'forged-drain'),
    );
    expect(refused.find((r) => r.id === 'forged-drain')?.reason).toMatch(/not signed by the tab that opened the interaction/);
    const events = await readStore<Stored>(worker, 'events');
    expect(events.filter((e) => e.id.startsWith('forged') || e.id === 'wake')).toEqual([]);
    expect(Object.keys(await worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain('outbox:forged-drain');
    l.worker = worker;
    await evil.close();
  }, 60_000);
});

describe('a page cannot flood the log or the storage (#3)', () => {
  it('writes nothing for 300 faked tickets, and the rep’s next real click is still logged', async () => {
    const page = await open(FLOOD);
    const before = await storageLocal();
    const eventsBefore = (await readStore<Stored>(l.worker, 'events')).length;
    await page.evaluate(() => (window as unknown as { flood: (n: number) => Promise<void> }).flood(300));
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toContain('900299');
    const after = await storageLocal();
    // No ticket state and no outbox entry: the page's fake tickets cost no storage at all.
    const newKeys = Object.keys(after).filter((k) => !(k in before) && (k.startsWith('ticket:') || k.startsWith('outbox:')));
    expect(newKeys).toEqual([]);
    expect((await readStore<Stored>(l.worker, 'events')).length).toBe(eventsBefore);
    // The worker issued ids for at most its per-tab limit, not 300.
    const bindings = (await readStore<{ key: string; value: { origin: string } }>(l.worker, 'config')).filter((r) => r.key.startsWith('interaction:') && r.value.origin === 'https://flood.zendesk.com');
    expect(bindings.length).toBeLessThanOrEqual(31);

    // The rep acts on the ticket on screen: its interaction starts and the click is stored.
    const clickedAt = Date.now();
    await panel(page).getByRole('checkbox').first().click();
    const rows = await waitFor(
      () => readStore<Stored>(l.worker, 'events'),
      (r) => r.some((e) => e.type === 'step-completed' && e.at >= clickedAt - 1000 && r.some((s) => s.type === 'interaction-started' && s.interactionId === e.interactionId)),
    );
    const step = rows.find((e) => e.type === 'step-completed' && e.at >= clickedAt - 1000)!;
    const interaction = await waitFor(() => readStore<{ id: string; ticketId: string }>(l.worker, 'interactions'), (r) => r.some((i) => i.id === step.interactionId));
    expect(interaction.find((i) => i.id === step.interactionId)?.ticketId).toBe('900299');
    await page.close();
  }, 90_000);
});

describe('the worker, not the page, decides who and when (#4)', () => {
  it('stamps the rep on a forged start and refuses times out of bounds', async () => {
    const page = await open(ACME);
    const opened = await send(page, 'interaction/open', { helpdesk: 'zendesk', ticketId: '4521', startedAt: Date.UTC(2015, 0, 1), forAction: true });
    const { interactionId, startedAt } = opened.result as { interactionId: string; startedAt: number };
    // A start claimed in 2015 is clamped to at most a day back.
    expect(Date.now() - startedAt).toBeLessThanOrEqual(24 * 3_600_000 + 60_000);
    const start = { id: 'forged-start', at: startedAt, interactionId, type: 'interaction-started', helpdesk: 'zendesk', ticketId: '4521', customerKey: '', channel: 'chat', repId: 'mallory', playbookId: '', playbookVersion: 0, variant: '' };
    const reply = await send(page, 'log/append', {
      events: [
        start,
        { ...start, id: 'dated-2015', at: Date.UTC(2015, 5, 1) },
        { id: 'future', at: Date.now() + 3_600_000, interactionId, type: 'resolution-confirmed' },
        { id: 'before-start', at: startedAt - 3_600_000, interactionId, type: 'resolution-confirmed' },
      ],
    });
    expect(reply.result?.acked).toEqual(['forged-start']);
    expect(Object.fromEntries(((reply.result?.rejected ?? []) as { id: string; reason: string }[]).map((r) => [r.id, r.reason]))).toEqual({
      'dated-2015': 'time is before 2020',
      future: 'time is in the future',
      'before-start': 'time is before the interaction started',
    });
    const stored = (await readStore<Stored>(l.worker, 'events')).find((e) => e.id === 'forged-start');
    // No rep id is configured in this profile: the worker's own value, never the page's.
    expect(stored?.repId).toBe('unknown');
    await page.close();
  }, 60_000);
});
