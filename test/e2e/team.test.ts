/**
 * Team mode end to end: a real nats-server (configured with exactly README's permission blocks), two rep
 * profiles and one lead profile in real Chromium with the built extension.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import type { TeamView } from '../../src/core/team/view';
import { encodeEvent } from '../../src/core/team/wire';
import { extensionPage, panel, readStore, screenshot, waitFor } from './harness';
import { type NatsServer, startNats } from './nats-server';
import { duplicatesIn, eventIdsAfter, joinMember, logEvents, makeEvents, type Member, pinnedExtensionId, streamEventIds, teamFile } from './team-kit';

/** Two moves that fit any resolved ticket, each with a 30-day per-customer cooldown. */
const TEAM_PLAYBOOK = {
  ...DEFAULT_PLAYBOOK,
  id: 'e2e-team',
  settings: { veCooldownDays: 0, maxMovesShown: 2 },
  moves: [
    { id: 'team-a', kind: 'usage-tip', title: 'Team move A', text: 'Tip A for {customer.firstName}.', when: { resolutionConfirmed: true }, priority: 1000, cooldownDays: 30 },
    { id: 'team-b', kind: 'confidence', title: 'Team move B', text: 'Reassurance B.', when: { resolutionConfirmed: true }, priority: 900, cooldownDays: 30 },
  ],
};
const TICKET = { url: 'https://acme.zendesk.com/agent/tickets/4521', fixture: 'zendesk/ticket.html' };

const USERS = [
  { user: 'rep-ana', password: 'ana-pass', repId: 'ana', role: 'rep' },
  { user: 'rep-bo', password: 'bo-pass', repId: 'bo', role: 'rep' },
  { user: 'lead-li', password: 'li-pass', repId: 'li', role: 'lead' },
  // Publishes to its own subject but lacks every JetStream read permission: pulling must fail with a name.
  { user: 'rep-nope', password: 'nope-pass', repId: 'nope', role: 'custom', permissions: { publish: { allow: ['rp.events.nope'] }, subscribe: { allow: ['_INBOX_nope.>'] } } },
] as const;

let server: NatsServer;
let ana: Member;
let bo: Member;
let lead: Member;
const leadProfile = mkdtempSync(join(tmpdir(), 'rp-lead-'));

const file = (i: 0 | 1 | 2 | 3, password?: string) => {
  const u = USERS[i];
  return teamFile(server, u.user, password ?? u.password, u.repId, u.role === 'lead' ? 'lead' : 'rep');
};

/**
 * The panel says "Inserted" before it logs the offer (src/content/controller.ts `offer`: the notice, then
 * the `move-offered` event through the outbox), so "nothing pending" right after the notice can be seen
 * before the offer reached the worker: wait until it is stored, then until it is published.
 */
async function offerStored(m: Member, moveId: string): Promise<void> {
  await waitFor(
    () => readStore<{ moveId: string; offeredAt: number | null }>(m.l.worker, 'attempts'),
    (rows) => rows.some((a) => a.moveId === moveId && a.offeredAt !== null),
    20_000,
  );
}

async function publishedAll(m: Member): Promise<TeamView> {
  return waitFor(() => m.sync(false), (v) => v.pending === 0 && v.failure === null, 60_000);
}

beforeAll(async () => {
  server = await startNats(USERS, { allowedOrigin: `chrome-extension://${pinnedExtensionId()}` });
  ana = await joinMember({ playbook: TEAM_PLAYBOOK });
  bo = await joinMember({ playbook: TEAM_PLAYBOOK });
  for (const m of [ana, bo]) await m.l.serve(TICKET.url, TICKET.fixture);
});
afterAll(async () => {
  for (const m of [ana, bo, lead]) await m?.close().catch(() => {});
  await server?.stop();
  rmSync(leadProfile, { recursive: true, force: true });
});

describe('team mode over NATS JetStream', () => {
  it('a wrong password is named within 10 s, and nothing is stored', async () => {
    const started = Date.now();
    const r = await ana.send<{ errors: string[]; view: TeamView }>('team/import', { text: file(0, 'not-the-password') });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.view.failure?.kind).toBe('auth');
    expect(r.view.failure?.message).toContain('refused the user name and password');
    expect(JSON.stringify(r.view)).not.toContain('not-the-password');
    // The options page and the popup say it too.
    const options = await ana.l.context.newPage();
    await options.goto(extensionPage(ana.l, 'src/pages/options/index.html'));
    await expect.poll(() => options.locator('[data-team-status]').textContent(), { timeout: 10_000 }).toContain('refused the user name and password');
    expect(await options.content()).not.toContain('not-the-password');
    await options.locator('[data-team-status]').scrollIntoViewIfNeeded();
    await screenshot(options, 'team-options-wrong-password');
    await options.close();
    const popup = await ana.l.context.newPage();
    await popup.goto(extensionPage(ana.l, 'src/pages/popup/index.html'));
    await expect.poll(() => popup.locator('[data-team-status]').textContent(), { timeout: 10_000 }).toContain('refused the user name and password');
    await popup.close();
    // The right file then connects, and the failure clears.
    const ok = await ana.send<{ errors: string[]; view: TeamView }>('team/import', { text: file(0) });
    expect(ok.view.failure).toBeNull();
    expect(ok.view.enabled).toBe(true);
  });

  it('a missing JetStream permission is named within 10 s', async () => {
    await bo.send('team/import', { text: file(3) });
    const started = Date.now();
    const v = await bo.sync(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(v.failure?.kind).toBe('permission');
    await bo.send('team/import', { text: file(1) });
    expect((await bo.sync(true)).failure).toBeNull();
  });

  it('a TLS failure (untrusted certificate on wss://) is named within 10 s', async () => {
    const tlsServer = await startNats([USERS[0]], { tls: true });
    try {
      const started = Date.now();
      const text = teamFile(tlsServer, USERS[0].user, USERS[0].password, USERS[0].repId, 'rep');
      const r = await ana.send<{ errors: string[]; view: TeamView }>('team/import', { text });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r.view.failure?.message).toContain('TLS certificate');
    } finally {
      await tlsServer.stop();
      await ana.send('team/import', { text: file(0) });
    }
  });

  it('attack: a rep cannot publish to another rep\'s subject', async () => {
    const before = await server.streamMessages();
    const nc = await connect({ servers: `127.0.0.1:${server.port}`, user: 'rep-ana', pass: 'ana-pass', inboxPrefix: '_INBOX_ana' });
    try {
      const js = jetstream(nc);
      await expect(js.publish('rp.events.bo', '{"schemaVersion":1}', { timeout: 3000 })).rejects.toThrow(/Permissions Violation/);
      await expect(js.publish('rp.events.ana', 'not json', { msgID: 'hostile-1', timeout: 3000 })).resolves.toMatchObject({ duplicate: false });
    } finally {
      await nc.close();
    }
    expect(await server.streamMessages()).toBe(before + 1);
  });

  it('the lead sees both reps\' attempts; rep 2 is not offered what rep 1 offered, but is offered what rep 1 only saw', async () => {
    // Rep 1 resolves the ticket and inserts move A; move B is shown but never offered.
    const p1 = await ana.l.context.newPage();
    await p1.goto(TICKET.url);
    await resolveAll(p1);
    await panel(p1).locator('article.move[data-move-id="team-b"]').waitFor({ timeout: 10_000 });
    await panel(p1).locator('article.move[data-move-id="team-a"]').getByRole('button', { name: 'Insert into reply' }).click();
    await expect.poll(async () => (await panel(p1).locator('[role="status"]').allTextContents()).join(' | ')).toContain('Inserted');
    await screenshot(p1, 'team-rep1-offered-a');
    await offerStored(ana, 'team-a');
    await publishedAll(ana);

    // Rep 2 pulls the team's attempts (the background alarm does this every minute) and opens the same customer.
    expect((await bo.sync(true)).failure).toBeNull();
    const p2 = await bo.l.context.newPage();
    await p2.goto(TICKET.url);
    await resolveAll(p2);
    await panel(p2).locator('article.move[data-move-id="team-b"]').waitFor({ timeout: 10_000 });
    expect(await panel(p2).locator('article.move[data-move-id="team-a"]').count()).toBe(0);
    await screenshot(p2, 'team-rep2-not-offered-a');
    await panel(p2).locator('article.move[data-move-id="team-b"]').getByRole('button', { name: 'Insert into reply' }).click();
    await offerStored(bo, 'team-b');
    await publishedAll(bo);

    lead = await joinMember({ profile: leadProfile, file: file(2) });
    const dash = await lead.l.context.newPage();
    await dash.goto(extensionPage(lead.l, 'src/pages/dashboard/index.html'));
    await waitFor(
      async () => (await readStore<{ repId: string; moveId: string; offeredAt: number | null }>(lead.l.worker, 'attempts')).filter((a) => a.offeredAt !== null),
      (rows) => rows.some((a) => a.repId === 'ana' && a.moveId === 'team-a') && rows.some((a) => a.repId === 'bo' && a.moveId === 'team-b'),
      20_000,
    );
    await dash.reload();
    const grid = dash.locator('#rp-attempts').locator('..');
    await expect.poll(() => grid.textContent(), { timeout: 15_000 }).toContain('Team move B');
    const text = (await grid.textContent()) ?? '';
    expect(text).toContain('ana');
    expect(text).toContain('bo');
    // Team section: both reps listed with their freshness; the source filter narrows to the team's records.
    await expect.poll(() => dash.locator('tr[data-rep]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rep'))), { timeout: 10_000 }).toEqual(
      expect.arrayContaining(['ana', 'bo']),
    );
    await screenshot(dash, 'team-lead-dashboard');
    await dash.locator('[data-source-filter]').selectOption('local');
    await expect.poll(() => grid.textContent()).not.toContain('Team move B');
    await dash.locator('[data-source-filter]').selectOption('team');
    await expect.poll(() => grid.textContent()).toContain('Team move B');
    await dash.close();
  });

  it('nats-server killed mid-publish and restarted: 0 lost, 0 duplicated in the stream and in the lead\'s store', async () => {
    const before = await streamEventIds(server);
    const sentBefore = (await ana.status()).published;
    const events = makeEvents(4_500, 'kill');
    const logging = logEvents(ana, events);
    // Kill once the first acks are in and more are queued.
    await waitFor(() => ana.status(), (v) => v.published > sentBefore && v.pending > 0, 30_000);
    await server.kill('SIGKILL');
    await logging; // local logging never waited for the server
    const down = await ana.sync(false);
    expect(down.failure?.kind).toBe('unreachable');
    expect(down.pending).toBeGreaterThan(0);
    await server.start();
    await publishedAll(ana);
    const ids = eventIdsAfter(await streamEventIds(server), before.length);
    expect(duplicatesIn(ids)).toBe(0);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    await expectLeadHas(events.map((e) => e.id));
  });

  it('worker stopped mid-batch: the queue survives, nothing is skipped or published twice', async () => {
    const before = (await streamEventIds(server)).length;
    const events = makeEvents(4_500, 'stop');
    const cdp = await bo.l.context.newCDPSession(bo.page);
    await cdp.send('ServiceWorker.enable');
    const sentBefore = (await bo.status()).published;
    // Caught at once: the worker is stopped while this runs, and a message may die with it (the outbox is
    // the content script's job); an unobserved rejection would be reported after the test.
    const logging = logEvents(bo, events).catch(() => {});
    await waitFor(() => bo.status(), (v) => v.published > sentBefore && v.pending > 0, 30_000);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await logging;
    await logEvents(bo, events); // re-send whatever was not acknowledged (idempotent)
    await publishedAll(bo);
    const ids = eventIdsAfter(await streamEventIds(server), before);
    expect(duplicatesIn(ids)).toBe(0);
    expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
    await expectLeadHas(events.map((e) => e.id));
  });

  it('the lead offline while 20,000 events arrive, then catches up when the dashboard opens', async () => {
    await lead.close();
    // Long enough a catch-up for the dashboard's progress poll (every 400 ms) to see it running: since
    // pulled events are stored one record per interaction, 5,000 events were stored in about one poll.
    const events = makeEvents(20_000, 'offline');
    await logEvents(ana, events);
    await publishedAll(ana);
    lead = await joinMember({ profile: leadProfile });
    const dash = await lead.page.context().newPage();
    await dash.goto(extensionPage(lead.l, 'src/pages/dashboard/index.html'));
    // The dashboard pulls on open (no explicit sync here) and shows its progress.
    await dash.locator('[data-team-progress]').waitFor({ timeout: 15_000 });
    await screenshot(dash, 'team-lead-catching-up');
    const want = new Set(events.map((e) => e.id));
    await waitFor(
      async () => (await storedEventIds()).filter((id) => want.has(id)).length,
      (n) => n === want.size,
      60_000,
    );
    const v = await lead.status();
    expect(v.failure).toBeNull();
    expect(v.malformed).toBeGreaterThanOrEqual(1); // the hostile 'not json' message: skipped and counted
  });

  it("the lead's own events coming back from the stream, and messages re-published past the duplicate window, count once in the lead's store", async () => {
    const own = makeEvents(40, 'lead-own');
    await logEvents(lead, own);
    await publishedAll(lead);
    // The same messages again with other message ids (as after the stream's 24 h duplicate window): the
    // stream holds them twice, the lead's store must not.
    const again = makeEvents(30, 'redelivered');
    const js = jetstream(await server.adminConnection());
    for (const round of [1, 2]) for (const e of again) await js.publish('rp.events.ana', encodeEvent(e, 'ana'), { msgID: `${e.id}#${round}` });
    for (const e of own.slice(0, 10)) await js.publish('rp.events.li', encodeEvent(e, 'li'), { msgID: `${e.id}#again` });
    await expectLeadHas([...own, ...again].map((e) => e.id));
  });
});

async function resolveAll(page: import('playwright-core').Page) {
  const boxes = panel(page).getByRole('checkbox');
  await boxes.first().waitFor({ timeout: 15_000 });
  for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).click();
}

async function expectLeadHas(ids: readonly string[]) {
  const v = await lead.sync(true);
  expect(v.failure).toBeNull();
  const all = await storedEventIds();
  // Counted once: the lead's own events come back from the stream, and batches may be re-read.
  expect(duplicatesIn(all)).toBe(0);
  const stored = new Set(all);
  expect(ids.filter((id) => !stored.has(id))).toEqual([]);
}

/** Every event id in the lead's log: its own (`events`) and those pulled from the team (`team-events`, one record per interaction). */
async function storedEventIds(): Promise<string[]> {
  const own = await readStore<{ id: string }>(lead.l.worker, 'events');
  const pulled = await readStore<{ events: { id: string }[] }>(lead.l.worker, 'team-events');
  return [...own.map((e) => e.id), ...pulled.flatMap((r) => r.events.map((e) => e.id))];
}
