/**
 * Team mode for the lead (issue 19): site health from every rep reaches the lead's dashboard. A real
 * nats-server configured with README's permission blocks, three rep profiles and a lead in real
 * Chromium with the built extension.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamView } from '../../src/core/team/view';
import { extensionPage, panel, readStore, screenshot, waitFor } from './harness';
import { type NatsServer, startNats } from './nats-server';
import { joinMember, logEvents, makeEvents, type Member, pinnedExtensionId, teamFile } from './team-kit';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'zendesk', 'ticket.html');
const USERS = [
  { user: 'rep-ana', password: 'ana-pass', repId: 'ana', role: 'rep' },
  { user: 'rep-bo', password: 'bo-pass', repId: 'bo', role: 'rep' },
  { user: 'rep-cy', password: 'cy-pass', repId: 'cy', role: 'rep' },
  { user: 'lead-li', password: 'li-pass', repId: 'li', role: 'lead' },
] as const;

let server: NatsServer;
const members: Member[] = [];
let ana: Member;
let bo: Member;
let cy: Member;
let lead: Member;

beforeAll(async () => {
  server = await startNats(USERS, { allowedOrigin: `chrome-extension://${pinnedExtensionId()}` });
});
afterAll(async () => {
  for (const m of members) await m.close().catch(() => {});
  await server?.stop();
});

const join_ = async (i: 0 | 1 | 2 | 3) => {
  const u = USERS[i];
  const m = await joinMember({ file: teamFile(server, u.user, u.password, u.repId, u.role === 'lead' ? 'lead' : 'rep') });
  members.push(m);
  return m;
};

/** A rep opens a Zendesk ticket (no API at this host); `broken` removes the requester's address, so customerKey cannot be read. */
async function repReads(m: Member, host: string, broken: boolean): Promise<void> {
  const original = readFileSync(FIXTURE, 'utf8');
  const html = broken ? original.replace(' data-requester-email="maria.lopez@example.com"', '') : original;
  expect(html !== original).toBe(broken);
  const url = `https://${host}.zendesk.com/agent/tickets/4521`;
  await m.l.serve(url, html, { html: true });
  const page = await m.l.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
  const health = await waitFor(
    async () => (await m.l.worker.evaluate(() => chrome.storage.local.get('health:zendesk')))['health:zendesk'] as { diagnostics: { field: string; ok: boolean }[] } | undefined,
    (h) => h !== undefined,
  );
  expect(health?.diagnostics.find((d) => d.field === 'customerKey')?.ok).toBe(!broken);
  // The alarm publishes within a minute; the test asks for the same run now.
  await waitFor(() => m.sync(false), (v: TeamView) => v.pending === 0 && v.failure === null && v.lastPublishAt !== null, 30_000);
  await page.close();
}

describe('site health from every rep on the lead\'s dashboard', () => {
  it('attack: a rep cannot publish site health under another rep\'s subject', async () => {
    const nc = await connect({ servers: `127.0.0.1:${server.port}`, user: 'rep-bo', pass: 'bo-pass', inboxPrefix: '_INBOX_bo' });
    const js = jetstream(nc, { timeout: 4_000 });
    await expect(js.publish('rp.events.ana.health', '{}')).rejects.toThrow();
    // Reviews come only from a lead's own review subject: a rep cannot write one, even under its own id.
    await expect(js.publish('rp.events.bo.review', '{}')).rejects.toThrow();
    await nc.close();
  });

  it('a field that fails for two of three reps is named on the lead\'s dashboard with the rep count and since when', async () => {
    const before = Date.now();
    [ana, bo, cy] = [await join_(0), await join_(1), await join_(2)];
    await repReads(ana, 'broken-a', true);
    await repReads(bo, 'broken-b', true);
    await repReads(cy, 'fine', false);

    // Hostile: a report with an unknown field (a place to smuggle text) is refused by the lead, not shown.
    const { jetstream: js2 } = await import('@nats-io/jetstream');
    const admin = js2(await server.adminConnection());
    await admin.publish(
      'rp.events.zz.health',
      JSON.stringify({ schemaVersion: 1, kind: 'site-health', at: Date.now(), helpdesks: [{ helpdesk: 'zendesk', at: 1, fields: [{ field: 'subject', ok: false, failingSince: 1, note: '<img src=x onerror=alert(1)>' }] }] }),
    );

    lead = await join_(3);
    const dash = await lead.l.context.newPage();
    await dash.goto(extensionPage(lead.l, 'src/pages/dashboard/index.html'));
    const row = dash.locator('tr[data-health-field="zendesk/customerKey"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-failing')).toBe('2');
    const text = (await row.textContent()) ?? '';
    // Named as a lead reads them (product and field), not as raw ids.
    expect(text).toContain('Zendesk');
    expect(text).not.toContain('zendesk');
    expect(text).toContain('customer');
    expect(text).not.toContain('customerKey');
    expect(text).toContain('2 of 3 reps');
    expect(text).toContain('ana, bo');
    expect(text).not.toContain('cy');
    // Since when: the earliest rep's first failed read (during this run).
    const view = await lead.status();
    const h = view.health.find((r) => r.helpdesk === 'zendesk' && r.field === 'customerKey');
    expect(h?.since).toBeGreaterThanOrEqual(before);
    expect(h?.since).toBeLessThanOrEqual(Date.now());
    // The forged report was counted as malformed, and its field is not listed.
    expect(await dash.locator('tr[data-health-field="zendesk/subject"]').count()).toBe(0);
    expect(view.malformed).toBeGreaterThanOrEqual(1);
    await dash.locator('table.team-health').scrollIntoViewIfNeeded();
    await screenshot(dash, 'team-lead-site-health');
  });
});

describe('a lead\'s review reaches the rep\'s popup', () => {
  it('the lead reviews ana\'s offer; ana\'s popup shows the note as text; bo keeps nothing', async () => {
    await logEvents(ana, makeEvents(3, 'rv'));
    await waitFor(() => ana.sync(false), (v) => v.pending === 0 && v.failure === null, 30_000);
    const attemptId = 'rv-i0:m1';
    await waitFor(
      async () => {
        await lead.sync(true);
        return readStore<{ id: string }>(lead.l.worker, 'attempts');
      },
      (rows) => rows.some((a) => a.id === attemptId),
      30_000,
    );
    const note = 'Good tip — offer it after the fix is confirmed. <img src=x onerror="document.title=1">';
    await lead.send('review/save', { attemptId, resolutionFirst: true, fit: false, tone: true, note });
    await waitFor(() => lead.sync(false), (v) => v.failure === null && v.lastPublishAt !== null, 20_000);

    const view = await waitFor(() => ana.sync(true), (v) => v.reviews.length > 0, 30_000);
    expect(view.reviews[0]).toMatchObject({ attemptId, reviewer: 'li', note, moveTitle: 'Tip', ticketId: '10000' });
    await ana.page.reload();
    const notes = ana.page.locator('[data-lead-notes]');
    await notes.waitFor({ timeout: 10_000 });
    const text = (await notes.textContent()) ?? '';
    expect(text).toContain('Notes from your lead');
    expect(text).toContain(note);
    expect(text).toContain('li on “Tip” (ticket 10000)');
    expect(text).toContain('Resolution first: yes · Fit: no · Tone: yes');
    expect(await notes.locator('img').count()).toBe(0);
    await screenshot(ana.page, 'team-rep-popup-lead-note');

    // Bo has no attempt of that id: the review is not his to keep.
    expect((await bo.sync(true)).reviews).toEqual([]);
  });
});
