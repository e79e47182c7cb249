/**
 * The team-lead dashboard in real Chromium, on data logged through the real path (`log/append` from an
 * extension page to the worker): the virtualised table and its filters, an interaction's timeline by
 * click and by keyboard, CSV export (parsed back, formula-guarded), importing two rep files (a duplicate
 * and a broken row) without changing stored records, the review queue, the storage warning, and axe-core
 * in light and dark with zero violations. Screenshots go to artifacts/dashboard-*.png.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTEMPT_COLUMN_NAMES, ATTEMPT_COLUMNS, INTERACTION_COLUMN_NAMES } from '../../src/core/csv/columns';
import { attemptRows } from '../../src/core/csv/rows';
import { toCsv } from '../../src/core/csv/write';
import type { Attempt, LogEvent } from '../../src/core/log/types';
import { ARTIFACTS, extensionPage, type Launched, launch, readStore, screenshot, waitFor } from './harness';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DASHBOARD = 'src/pages/dashboard/index.html';
const DAY = 86_400_000;
// Recent days (09:00 UTC, two weeks back), so the worker's retention clean-up never touches the seed.
const T0 = Math.floor(Date.now() / DAY) * DAY - 14 * DAY + 9 * 3_600_000;
const KEY = 'ab'.repeat(32);

interface Seed {
  id: string;
  rep: string;
  helpdesk: 'zendesk' | 'freshdesk' | 'intercom';
  ticket: string;
  channel: 'chat' | 'email' | 'phone';
  variant: string;
  at: number;
}

/** A realistic interaction: start, two checklist steps, resolution, moves, wrap-up, end. */
function interactionEvents(s: Seed, moves: ((at: number, push: (e: Omit<LogEvent, 'id' | 'interactionId'>) => void) => void)[], opts: { resolve?: boolean; wrapup?: [number, number, number] } = {}) {
  const events: LogEvent[] = [];
  let n = 0;
  let at = s.at;
  const later = (ms: number) => {
    at += ms;
    return at;
  };
  const push = (e: Omit<LogEvent, 'id' | 'interactionId'>) => events.push({ ...e, id: `${s.id}-e${n++}`, interactionId: s.id } as LogEvent);
  push({ type: 'interaction-started', at, helpdesk: s.helpdesk, ticketId: s.ticket, customerKey: KEY, channel: s.channel, repId: s.rep, playbookId: 'default', playbookVersion: 3, variant: s.variant } as never);
  push({ type: 'step-completed', at: later(30_000), stepId: 'understand', auto: false } as never);
  push({ type: 'step-completed', at: later(60_000), stepId: 'solve', auto: true } as never);
  if (opts.resolve !== false) push({ type: 'resolution-confirmed', at: later(20_000) } as never);
  for (const m of moves) m(later(15_000), push);
  if (opts.wrapup) push({ type: 'wrapup', at: later(30_000), vesAchieveMore: opts.wrapup[0], vesConfidence: opts.wrapup[1], effort: opts.wrapup[2] } as never);
  push({ type: 'interaction-ended', at: later(10_000), reason: 'closed' } as never);
  return events;
}

const TIP = { moveId: 'tip-shortcuts', moveKind: 'usage-tip', moveTitle: 'Keyboard shortcuts save time' } as const;
const CONF = { moveId: 'conf-warranty', moveKind: 'confidence', moveTitle: '+2 years warranty included' } as const;
const move =
  (ref: typeof TIP | typeof CONF, outcome: 'offered' | 'accepted' | 'declined' | 'not-a-fit' | null, via: 'insert' | 'copy' | 'manual' = 'insert') =>
  (at: number, push: (e: Omit<LogEvent, 'id' | 'interactionId'>) => void) => {
    push({ type: 'move-shown', at, ...ref } as never);
    if (outcome === null) return;
    if (outcome === 'not-a-fit') {
      push({ type: 'move-outcome', at: at + 5_000, ...ref, outcome, skipReason: 'customer-upset' } as never);
      return;
    }
    push({ type: 'move-offered', at: at + 5_000, via, ...ref } as never);
    push({ type: 'move-outcome', at: at + 65_000, ...ref, outcome, skipReason: null } as never);
  };

const SEED: LogEvent[] = [
  ...interactionEvents({ id: 'int-1', rep: 'ana', helpdesk: 'zendesk', ticket: '1001', channel: 'chat', variant: 'A', at: T0 }, [move(TIP, 'accepted'), move(CONF, 'not-a-fit')], { wrapup: [5, 4, 6] }),
  ...interactionEvents({ id: 'int-2', rep: 'ben', helpdesk: 'freshdesk', ticket: '2002', channel: 'email', variant: 'B', at: T0 + DAY }, [move(TIP, 'declined', 'copy')]),
  ...interactionEvents({ id: 'int-3', rep: 'ana', helpdesk: 'zendesk', ticket: '=3003', channel: 'phone', variant: 'A', at: T0 + 2 * DAY }, [move(CONF, 'offered', 'manual')]),
  ...interactionEvents({ id: 'int-4', rep: 'cy', helpdesk: 'intercom', ticket: '4004', channel: 'chat', variant: 'B', at: T0 + 3 * DAY }, [move(TIP, null)], { resolve: false }),
  ...interactionEvents({ id: 'int-5', rep: '-carol', helpdesk: 'zendesk', ticket: '@5005', channel: 'chat', variant: 'B', at: T0 + 8 * DAY }, [move(CONF, 'accepted'), move(TIP, 'accepted')], { wrapup: [4, 5, 7] }),
  ...interactionEvents({ id: 'int-6', rep: 'ben', helpdesk: 'freshdesk', ticket: '6006', channel: 'email', variant: 'A', at: T0 + 9 * DAY }, []),
];
const SEEDED_ATTEMPTS = 7;

let l: Launched;
let page: Page;
let tmp: string;

const grid = (p: Page) => p.locator('section[aria-labelledby="rp-attempts"] table.grid');
const bodyRows = (p: Page) => grid(p).locator('tbody tr');
const interactionGrid = (p: Page) => p.locator('section[aria-labelledby="rp-interactions"] table.grid');
const rowCount = async (p: Page) => Number(await grid(p).getAttribute('aria-rowcount')) - 1;

async function openDashboard(): Promise<Page> {
  const p = await l.context.newPage();
  await p.goto(extensionPage(l, DASHBOARD));
  await p.locator('main[data-state="ready"]').waitFor({ timeout: 20_000 });
  return p;
}

async function axe(p: Page): Promise<string[]> {
  // Through evaluate, not a <script> tag: the extension page's CSP refuses inline scripts.
  await p.evaluate(axeSource);
  return p.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

async function fullShot(p: Page, name: string) {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** One card at full resolution (a full-page shot is too tall to read). */
async function sectionShot(p: Page, name: string, headingId: string) {
  await p.locator(`section[aria-labelledby="${headingId}"]`).screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

beforeAll(async () => {
  l = await launch();
  tmp = mkdtempSync(join(tmpdir(), 'rp-dash-'));
  const seeder = await l.context.newPage();
  await seeder.goto(extensionPage(l, DASHBOARD));
  const reply = await seeder.evaluate((events) => chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events } }), SEED);
  expect(reply).toMatchObject({ ok: true });
  expect(reply.result.acked).toHaveLength(SEED.length);
  await seeder.close();
  page = await openDashboard();
});
afterAll(async () => {
  await l?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('team-lead dashboard', () => {
  it('lists every logged attempt in the virtualised grid and emits the benchmark marks', async () => {
    expect(await rowCount(page)).toBe(SEEDED_ATTEMPTS);
    expect(await bodyRows(page).count()).toBe(SEEDED_ATTEMPTS);
    const marks = await page.evaluate(() => ['rp:first-rows', 'rp:all-loaded'].map((n) => performance.getEntriesByName(n).length));
    expect(marks).toEqual([1, 1]);
    await expect.poll(() => page.getByText('Offered in', { exact: false }).first().textContent()).toMatch(/within|below|above/);
    await screenshot(page, 'dashboard-overview');
    await fullShot(page, 'dashboard-full');
    await sectionShot(page, 'dashboard-metrics', 'rp-metrics');
    await sectionShot(page, 'dashboard-trend', 'rp-trend');
    await sectionShot(page, 'dashboard-interactions', 'rp-interactions');
  });

  it('filters by outcome and by search, and the table, counts and metrics follow', async () => {
    await page.locator('select[name="outcome"]').selectOption('accepted');
    await expect.poll(() => rowCount(page)).toBe(3);
    const outcomes = await bodyRows(page).locator('.outcome').allTextContents();
    expect(new Set(outcomes)).toEqual(new Set(['Accepted']));
    expect(await page.evaluate(() => performance.getEntriesByName('rp:filter-applied').length)).toBeGreaterThan(0);
    await page.locator('input[name="text"]').fill('warranty');
    await expect.poll(() => rowCount(page)).toBe(1);
    await screenshot(page, 'dashboard-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rowCount(page)).toBe(SEEDED_ATTEMPTS);
  });

  it('opens an interaction’s timeline on click and on Enter; Esc closes it and focus returns to the grid', async () => {
    await bodyRows(page).filter({ hasText: '1001' }).first().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Ticket 1001 — timeline');
    const events = dialog.locator('ol.events li');
    await events.filter({ hasText: 'Resolution confirmed' }).waitFor();
    expect(await events.filter({ hasText: 'Checklist step done automatically: solve' }).count()).toBe(1);
    expect(await events.filter({ hasText: 'Outcome of “+2 years warranty included”: Not a fit — Customer upset' }).count()).toBe(1);
    expect(await dialog.locator('dl.pairs dd').allTextContents()).toEqual(['5 / 5', '4 / 5', '6 / 7']);
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await screenshot(page, 'dashboard-timeline');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby'))).toBe('rp-attempts');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('grid'))).toBe(true);

    // Keyboard only: the grid moves its active row with the arrows, Enter opens it.
    await grid(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const active = await grid(page).getAttribute('aria-activedescendant');
    expect(active).toBe('rp-row-1');
    const ticket = await page.locator(`#${active} td`).nth(3).textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent()).toBe(`Ticket ${ticket} — timeline`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('lists interactions too, also one without any value move, and opens its timeline by keyboard', async () => {
    const ig = interactionGrid(page);
    expect(Number(await ig.getAttribute('aria-rowcount')) - 1).toBe(6);
    const quiet = ig.locator('tbody tr').filter({ hasText: '6006' });
    expect(await quiet.locator('td').nth(7).textContent()).toBe('—');
    await ig.focus();
    await page.keyboard.press('Home');
    expect(await ig.getAttribute('aria-activedescendant')).toBe('rp-irow-0');
    await page.keyboard.press('Enter'); // newest first: int-6, ticket 6006
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Ticket 6006 — timeline');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.locator('select[name="rep"]').selectOption('ben');
    await expect.poll(async () => Number(await ig.getAttribute('aria-rowcount')) - 1).toBe(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('exports the filtered attempts and the interactions as guarded CSV', async () => {
    await page.locator('select[name="rep"]').selectOption('ana');
    await expect.poll(() => rowCount(page)).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Attempts CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^resolve-plus-attempts-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // settings default: csvBom true
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...ATTEMPT_COLUMN_NAMES]);
    expect(rows).toHaveLength(4);
    const body = rows.slice(1);
    expect(new Set(body.map((r) => r[2]))).toEqual(new Set(['ana']));
    expect(body.map((r) => r[4])).toContain("'=3003");
    for (const r of body) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);
    await page.getByRole('status').filter({ hasText: 'Rows saved: 3.' }).waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Start CSV files with a byte-order mark (for Excel)').uncheck();
    const [interactions] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Interactions CSV' }).click()]);
    const itext = readFileSync((await interactions.path())!, 'utf8');
    expect(itext.charCodeAt(0)).not.toBe(0xfeff);
    const irows = Papa.parse<string[]>(itext.trim(), { skipEmptyLines: true }).data;
    expect(irows[0]).toEqual([...INTERACTION_COLUMN_NAMES]);
    expect(irows).toHaveLength(7);
    const carol = irows.find((r) => r[0] === 'int-5')!;
    expect(carol[5]).toBe("'-carol");
    expect(carol[7]).toBe("'@5005");
  });

  it('imports two rep files: reports added, duplicates and the bad line, and never changes stored records', async () => {
    const stored = await readStore<Attempt>(l.worker, 'attempts');
    const existing = stored.find((a) => a.id === 'int-1:tip-shortcuts')!;
    expect(existing.outcome).toBe('accepted');
    const fresh = (id: string, ticket: string): Attempt => ({ ...existing, id: `${id}:tip-shortcuts`, interactionId: id, ticketId: ticket, repId: 'dee', source: 'x' });
    // File A: the same attempt id with a different outcome (must not overwrite), plus one new attempt.
    writeFileSync(join(tmp, 'rep-a.csv'), toCsv(attemptRows([{ ...existing, outcome: 'declined' }, fresh('imp-1', '9001')]), ATTEMPT_COLUMNS, { bom: true }));
    // File B: one good row and one broken row (unknown outcome) on line 3.
    const b = toCsv(attemptRows([fresh('imp-2', '9002'), fresh('imp-3', '9003')]), ATTEMPT_COLUMNS, { bom: false }).split('\r\n');
    b[2] = b[2]!.replace(',accepted,', ',maybe,');
    writeFileSync(join(tmp, 'rep-b.csv'), b.join('\r\n'));

    await page.locator('input[type="file"]').setInputFiles([join(tmp, 'rep-a.csv'), join(tmp, 'rep-b.csv')]);
    const report = page.locator('.import-report');
    await report.locator('.import-done').nth(1).waitFor({ timeout: 30_000 });
    const items = await report.locator('li.import-file > p').allTextContents();
    expect(items[0]).toBe('rep-a.csv — added: 1, already present: 1, problems: 0');
    expect(items[1]).toBe('rep-b.csv — added: 1, already present: 0, problems: 1');
    expect(await report.locator('.problems li').first().textContent()).toMatch(/^Line 3: outcome/);
    await sectionShot(page, 'dashboard-import', 'rp-import');

    const after = await readStore<Attempt>(l.worker, 'attempts');
    expect(after.find((a) => a.id === existing.id)).toEqual(existing);
    expect(after.map((a) => a.id).sort()).toEqual([...stored.map((a) => a.id), 'imp-1:tip-shortcuts', 'imp-2:tip-shortcuts'].sort());
    // The dashboard reloads after a merge that added something.
    await expect.poll(() => rowCount(page), { timeout: 15_000 }).toBe(SEEDED_ATTEMPTS + 2);
  });

  it('rates a sampled attempt in the review queue through the worker and exports the reviews', async () => {
    const item = page.locator('.reviews > li').first();
    await item.waitFor();
    const radios = item.getByRole('radio');
    await radios.nth(0).check(); // resolution first: yes
    await radios.nth(3).check(); // fit: no
    await radios.nth(4).check(); // tone: yes
    await item.getByLabel('Note (optional)').fill('Good timing; the tip did not fit this customer.');
    await item.getByRole('button', { name: 'Save review' }).click();
    await item.getByText('Saved.').waitFor();
    const reviews = await waitFor(
      () => readStore<{ attemptId: string; fit: boolean | null; note: string }>(l.worker, 'reviews'),
      (r) => r.length === 1,
    );
    expect(reviews[0]).toMatchObject({ resolutionFirst: true, fit: false, tone: true, note: 'Good timing; the tip did not fit this customer.' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export reviews CSV/ }).click()]);
    const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim()).data;
    expect(rows[0]?.slice(0, 2)).toEqual(['attempt_id', 'reviewed_at']);
    expect(rows[1]?.[0]).toBe(reviews[0]!.attemptId);
    await sectionShot(page, 'dashboard-review', 'rp-review');
  });

  it('shows the storage warning while the worker reports a storage problem', async () => {
    await l.worker.evaluate(() => chrome.storage.local.set({ storageProblem: { message: 'QuotaExceededError: the quota has been exceeded', at: Date.now() } }));
    const banner = page.getByRole('alert').filter({ hasText: 'QuotaExceededError' });
    await banner.waitFor();
    await screenshot(page, 'dashboard-storage-warning');
    await l.worker.evaluate(() => chrome.storage.local.remove('storageProblem'));
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('passes axe-core with zero violations in light and dark, with the timeline open too', async () => {
    for (const details of await page.locator('details.as-table').all()) await details.locator('summary').click();
    expect(await axe(page)).toEqual([]);
    await bodyRows(page).first().click();
    await page.getByRole('dialog').locator('.timeline-body').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'dashboard-dark');
    await sectionShot(page, 'dashboard-dark-metrics', 'rp-metrics');
    await sectionShot(page, 'dashboard-dark-trend', 'rp-trend');
    await sectionShot(page, 'dashboard-dark-review', 'rp-review');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
