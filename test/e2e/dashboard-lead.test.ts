/**
 * The team lead's questions in real Chromium, on data logged through the worker (`log/append`):
 * the reps table (values, sorting, a rep's filtered view, CSV with a hostile rep id), "last week"
 * compared with the week before (changes on a tile and in the reps table), the VES/CES shares split by
 * VE offer, an A/B card whose rates, 95% intervals and probability are checked against an independent
 * exact computation in this file (closed-form Beta results, not the grid the extension uses), the
 * review queue following the filters evenly per rep, the printed report (print media), and the
 * options page's move results. Screenshots: artifacts/lead-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/core/log/types';
import { ARTIFACTS, extensionPage, type Launched, launch } from './harness';

const DASHBOARD = 'src/pages/dashboard/index.html';
const OPTIONS = 'src/pages/options/index.html';
const KEY = 'cd'.repeat(32);

// Local calendar (the browser runs in the same time zone as this process).
const today = new Date();
const todayMidnight = new Date(today.getFullYear(), today.getMonth(), today.getDate());
const thisMonday = new Date(todayMidnight.getFullYear(), todayMidnight.getMonth(), todayMidnight.getDate() - ((todayMidnight.getDay() + 6) % 7));
const plusDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);
const lastMonday = plusDays(thisMonday, -7);
const weekBefore = plusDays(thisMonday, -14);
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

interface Spec {
  id: string;
  rep: string;
  at: number;
  playbookId: string;
  variant: string;
  move?: { id: string; kind: 'usage-tip' | 'confidence'; outcome: 'accepted' | 'declined' };
  /** [achieve more, confidence, effort] */
  wrapup?: [number, number, number];
}

function events(s: Spec): LogEvent[] {
  const out: LogEvent[] = [];
  let n = 0;
  const push = (e: Record<string, unknown>) => out.push({ ...e, id: `${s.id}-e${n++}`, interactionId: s.id } as unknown as LogEvent);
  push({ type: 'interaction-started', at: s.at, helpdesk: 'zendesk', ticketId: s.id, customerKey: KEY, channel: 'chat', repId: s.rep, playbookId: s.playbookId, playbookVersion: 1, variant: s.variant });
  push({ type: 'resolution-confirmed', at: s.at + 60_000 });
  if (s.move) {
    const ref = { moveId: s.move.id, moveKind: s.move.kind, moveTitle: s.move.id };
    push({ type: 'move-shown', at: s.at + 70_000, ...ref });
    push({ type: 'move-offered', at: s.at + 80_000, via: 'insert', ...ref });
    push({ type: 'move-outcome', at: s.at + 140_000, ...ref, outcome: s.move.outcome, skipReason: null });
  }
  if (s.wrapup) push({ type: 'wrapup', at: s.at + 200_000, vesAchieveMore: s.wrapup[0], vesConfidence: s.wrapup[1], effort: s.wrapup[2] });
  push({ type: 'interaction-ended', at: s.at + 210_000, reason: 'closed' });
  return out;
}

const at = (week: Date, i: number) => plusDays(week, i % 7).getTime() + 9 * 3_600_000 + i * 60_000;
const AGREE: [number, number, number] = [5, 4, 6];
const DISAGREE: [number, number, number] = [3, 4, 3];

/** Last week: an A/B test on playbook pb-ab, 20 offers per variant. */
const LAST_WEEK: Spec[] = [
  ...Array.from({ length: 40 }, (_, i): Spec => {
    const control = i < 20;
    const k = control ? i : i - 20;
    const accepted = control ? k < 6 : k < 12;
    const answered = k < 10;
    const agrees = control ? k < 4 : k < 7;
    return {
      id: `lw-${i}`,
      rep: i < 10 || (i >= 20 && i < 32) ? 'ana' : 'ben',
      at: at(lastMonday, i),
      playbookId: 'pb-ab',
      variant: control ? 'control' : 'short',
      move: { id: 'care-tip', kind: 'usage-tip', outcome: accepted ? 'accepted' : 'declined' },
      ...(answered ? { wrapup: agrees ? AGREE : DISAGREE } : {}),
    };
  }),
  // No VE offer at all; a hostile rep id that must reach the CSV as text.
  ...Array.from({ length: 6 }, (_, i): Spec => ({ id: `nv-${i}`, rep: '=cy', at: at(lastMonday, i + 40), playbookId: 'pb-ab', variant: '', wrapup: i < 2 ? [5, 5, 7] : [2, 3, 2] })),
];

/** The week before: ana only, a move that rarely lands (1 of 10). */
const WEEK_BEFORE: Spec[] = Array.from({ length: 10 }, (_, i): Spec => ({
  id: `wb-${i}`,
  rep: 'ana',
  at: at(weekBefore, i),
  playbookId: 'pb-ab',
  variant: 'control',
  move: { id: 'loyal-thanks', kind: 'confidence', outcome: i === 0 ? 'accepted' : 'declined' },
  ...(i < 4 ? { wrapup: i === 0 ? AGREE : DISAGREE } : {}),
}));

// ---- Independent expectations (plain loops over the specs; exact Beta maths for integer parameters) ----

const pct = (x: number) => `${Math.round(x * 100)}%`;

function repExpect(specs: Spec[], rep: string) {
  const mine = specs.filter((s) => s.rep === rep);
  const offers = mine.filter((s) => s.move);
  const accepted = offers.filter((s) => s.move?.outcome === 'accepted').length;
  return { interactions: mine.length, acceptance: offers.length ? accepted / offers.length : null };
}

function vesShare(specs: Spec[]) {
  const answered = specs.filter((s) => s.wrapup);
  return answered.filter((s) => s.wrapup![0] >= 4 && s.wrapup![1] >= 4).length / answered.length;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let k = 2; k <= n; k++) s += Math.log(k);
  return s;
}
const logBeta = (a: number, b: number) => logFactorial(a - 1) + logFactorial(b - 1) - logFactorial(a + b - 1);

/** Evan Miller's closed form of P(p_B > p_A) for Beta(aA, bA), Beta(aB, bB) with integer parameters. */
function probBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA));
  return total;
}

/** Beta(a, b) CDF for integers: P(Binomial(a+b−1, x) ≥ a). Quantile by bisection. */
function betaQuantile(a: number, b: number, q: number): number {
  const cdf = (x: number) => {
    const n = a + b - 1;
    let p = 0;
    for (let k = a; k <= n; k++) p += Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(x) + (n - k) * Math.log1p(-x));
    return p;
  };
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
const intervalText = (s: number, n: number) => `${Math.round(betaQuantile(s + 1, n - s + 1, 0.025) * 100)}–${Math.round(betaQuantile(s + 1, n - s + 1, 0.975) * 100)}%`;

// ---------------------------------------------------------------------------------------------------

let l: Launched;
let page: Page;

async function openDashboard(): Promise<Page> {
  const p = await l.context.newPage();
  await p.goto(extensionPage(l, DASHBOARD));
  await p.locator('main[data-state="ready"]').waitFor({ timeout: 30_000 });
  return p;
}

const section = (p: Page, id: string) => p.locator(`section[aria-labelledby="${id}"]`);
const repRow = (p: Page, rep: string) => section(p, 'rp-reps').locator(`tr[data-rep="${rep}"]`);
const repCell = (p: Page, rep: string, col: string) => repRow(p, rep).locator(`td[data-col="${col}"] .cell-value`);
const repsInOrder = (p: Page) => section(p, 'rp-reps').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rep')));
const shot = (p: Page, name: string) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

beforeAll(async () => {
  l = await launch();
  const seeder = await l.context.newPage();
  await seeder.goto(extensionPage(l, DASHBOARD));
  const all = [...LAST_WEEK, ...WEEK_BEFORE].flatMap(events);
  for (let i = 0; i < all.length; i += 200) {
    const batch = all.slice(i, i + 200);
    const reply = await seeder.evaluate((evs) => chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: evs } }), batch);
    expect(reply).toMatchObject({ ok: true });
    expect(reply.result.acked).toHaveLength(batch.length);
  }
  await seeder.close();
  page = await openDashboard();
});
afterAll(async () => {
  await l?.close();
});

describe('dashboard for the team lead', () => {
  it('lists one row per rep with their numbers, sorts by any column, and opens a rep’s filtered view', async () => {
    const everything = [...LAST_WEEK, ...WEEK_BEFORE];
    await expect.poll(() => section(page, 'rp-reps').locator('tbody tr').count()).toBe(3);
    for (const rep of ['ana', 'ben', '=cy']) {
      const e = repExpect(everything, rep);
      expect(await repCell(page, rep, 'interactions').textContent()).toBe(String(e.interactions));
      expect(await repCell(page, rep, 'acceptance').textContent()).toBe(e.acceptance === null ? '—' : pct(e.acceptance));
    }
    expect(await repRow(page, '=cy').locator('td[data-col="offerShare"] .band-tag').textContent()).toBe('below band');
    expect(await repCell(page, 'ana', 'medianToOffer').textContent()).toBe('20s');
    // Default: most interactions first. Acceptance ascending puts ben (0%) first and =cy (no offers) last.
    expect(await repsInOrder(page)).toEqual(['ana', 'ben', '=cy']);
    const acceptanceHead = section(page, 'rp-reps').getByRole('button', { name: 'Acceptance' });
    await acceptanceHead.click();
    expect(await repsInOrder(page)).toEqual(['ana', 'ben', '=cy']);
    await acceptanceHead.click();
    expect(await repsInOrder(page)).toEqual(['ben', 'ana', '=cy']);
    expect(await section(page, 'rp-reps').locator('th[aria-sort="ascending"]').textContent()).toContain('Acceptance');
    await page.locator('section[aria-labelledby="rp-reps"]').screenshot({ path: join(ARTIFACTS, 'lead-reps.png') });

    await repRow(page, 'ben').getByRole('button', { name: 'ben' }).click();
    await expect.poll(() => page.locator('select[name="rep"]').inputValue()).toBe('ben');
    const grid = section(page, 'rp-attempts').locator('table.grid');
    await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(repExpect(everything, 'ben').interactions);
    await expect.poll(() => section(page, 'rp-reps').locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => section(page, 'rp-reps').locator('tbody tr').count()).toBe(3);
  });

  it('exports the reps table as CSV with the hostile rep id guarded', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), section(page, 'rp-reps').getByRole('button', { name: 'Download Reps as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^resolve-plus-reps-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
    const rows = parsed.data;
    expect(rows[0]?.slice(0, 3)).toEqual(['Rep', 'Interactions', 'Resolution first']);
    const cy = rows.find((r) => r[0] === "'=cy");
    expect(cy, 'the formula-looking rep id is prefixed with an apostrophe').toBeDefined();
    const ana = rows.find((r) => r[0] === 'ana')!;
    expect(Number(ana[1])).toBe(repExpect([...LAST_WEEK, ...WEEK_BEFORE], 'ana').interactions);
    expect(Number(ana[4])).toBeCloseTo(repExpect([...LAST_WEEK, ...WEEK_BEFORE], 'ana').acceptance!, 10);

    // Every metric table has its CSV: funnel, VE split, by kind, by variant, by move, trend, reps, A/B.
    expect(await page.locator('button.csv').count()).toBe(8);
    const [abDownload] = await Promise.all([page.waitForEvent('download'), section(page, 'rp-ab').getByRole('button', { name: 'Download A/B tests as CSV' }).click()]);
    const ab = Papa.parse<Record<string, string>>(readFileSync(await abDownload.path(), 'utf8').trim(), { header: true }).data;
    const control = ab.find((r) => r.metric === 'acceptance' && r.variant === 'control')!;
    const everyControl = [...LAST_WEEK, ...WEEK_BEFORE].filter((x) => x.variant === 'control' && x.move);
    expect(Number(control.successes)).toBe(everyControl.filter((x) => x.move?.outcome === 'accepted').length);
    expect(Number(control.trials)).toBe(everyControl.length);
  });

  it('compares last week with the week before: changes on the tiles and in the reps table', async () => {
    await page.locator('select[name="period"]').selectOption('last-week');
    await expect.poll(() => page.locator('input[name="from"]').inputValue()).toBe(iso(lastMonday));
    expect(await page.locator('input[name="to"]').inputValue()).toBe(iso(plusDays(lastMonday, 6)));
    await page.locator('input[name="compare"]').check();
    await expect.poll(() => page.getByText(`previous: ${iso(weekBefore)} to ${iso(plusDays(weekBefore, 6))}`).count()).toBe(1);

    const vesTile = page.locator('.tile').filter({ hasText: 'VES: agree' });
    const current = vesShare(LAST_WEEK);
    const previous = vesShare(WEEK_BEFORE);
    await expect.poll(() => vesTile.locator('.tile-value').textContent()).toBe(pct(current));
    const points = Math.round((current - previous) * 100);
    expect(await vesTile.locator('.change').textContent()).toBe(`▲ +${points} pts vs previous`);

    const ana = { now: repExpect(LAST_WEEK, 'ana'), before: repExpect(WEEK_BEFORE, 'ana') };
    await expect.poll(() => repCell(page, 'ana', 'interactions').textContent()).toBe(String(ana.now.interactions));
    expect(await repRow(page, 'ana').locator('td[data-col="interactions"] .change').textContent()).toBe(`▲ +${ana.now.interactions - ana.before.interactions} vs previous`);
    const accPoints = Math.round((ana.now.acceptance! - ana.before.acceptance!) * 100);
    expect(await repRow(page, 'ana').locator('td[data-col="acceptance"] .change').textContent()).toBe(`▲ +${accPoints} pts vs previous`);
    // ben had no interactions the week before: a change from nothing is not a number.
    expect(await repRow(page, 'ben').locator('td[data-col="interactions"] .change').textContent()).toBe('— vs previous');

    // VE pays off: agree with both statements, with vs without a VE offer.
    const split = page.locator('figure.ve-split tbody tr');
    const withVe = LAST_WEEK.filter((s) => s.move);
    const withoutVe = LAST_WEEK.filter((s) => !s.move);
    expect(await split.nth(0).locator('td').first().textContent()).toBe(pct(vesShare(withVe)));
    expect(await split.nth(1).locator('td').first().textContent()).toBe(pct(vesShare(withoutVe)));
    await section(page, 'rp-metrics').screenshot({ path: join(ARTIFACTS, 'lead-metrics-compare.png') });
  });

  it('shows the A/B card with rates, 95% intervals and P(short beats control) that match the exact maths', async () => {
    const card = page.locator('article.ab-card[data-playbook="pb-ab"]');
    await expect.poll(() => card.count()).toBe(1);
    const arms = {
      control: LAST_WEEK.filter((s) => s.variant === 'control'),
      short: LAST_WEEK.filter((s) => s.variant === 'short'),
    };
    const acc = (specs: Spec[]) => ({ s: specs.filter((x) => x.move?.outcome === 'accepted').length, n: specs.filter((x) => x.move).length });
    const ves = (specs: Spec[]) => ({
      s: specs.filter((x) => x.wrapup && x.wrapup[0] >= 4 && x.wrapup[1] >= 4).length,
      n: specs.filter((x) => x.wrapup).length,
    });
    const metrics = card.locator('.ab-metric');
    for (const [i, count] of [acc, ves].entries()) {
      const block = metrics.nth(i);
      for (const variant of ['control', 'short'] as const) {
        const { s, n } = count(arms[variant]);
        const row = block.locator(`tr[data-variant="${variant}"]`);
        expect(await row.locator('[data-col="rate"]').textContent()).toBe(pct(s / n));
        expect(await row.locator('[data-col="interval"]').textContent()).toBe(intervalText(s, n));
        expect(await row.locator('[data-col="n"]').textContent()).toBe(`${s} of ${n}`);
      }
      const a = count(arms.control);
      const b = count(arms.short);
      const p = probBBeatsA(a.s + 1, a.n - a.s + 1, b.s + 1, b.n - b.s + 1);
      expect(await block.locator('[data-col="prob"]').textContent()).toBe(pct(p));
      // Compared with the week before, where only control ran (1 of 10 accepted; 1 of 4 agreed).
      const before = count(WEEK_BEFORE);
      const points = Math.round((a.s / a.n - before.s / before.n) * 100);
      expect(await block.locator('tr[data-variant="control"] [data-col="change"]').textContent()).toBe(`▲ +${points} pts vs previous`);
      expect(await block.locator('tr[data-variant="short"] [data-col="change"]').textContent()).toBe('— vs previous');
      const verdict = await block.locator('.ab-verdict').textContent();
      if (p >= 0.95) expect(verdict).toMatch(/^Decided: short is better/);
      else expect(verdict).toMatch(/^About [\d,]+ more (offers|VES answers) needed/);
    }
    await card.screenshot({ path: join(ARTIFACTS, 'lead-ab-card.png') });
  });

  it('samples the review queue from the filtered attempts, evenly per rep', async () => {
    const items = section(page, 'rp-review').locator('ol.reviews > li');
    await expect.poll(() => items.count()).toBe(10);
    const reps = await items.evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
    // Last week's offers: ana 22, ben 18 (=cy made none): five each, none from the week before.
    expect(reps.filter((r) => r.includes('ana')).length).toBe(5);
    expect(reps.filter((r) => r.includes('ben')).length).toBe(5);
    expect(reps.join('\n')).not.toContain('loyal-thanks');
  });

  it('prints a clean report: no controls or row grids, the reps table, charts and A/B card kept', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.filters').isVisible()).toBe(false);
      expect(await page.locator('.period-bar').isVisible()).toBe(false);
      expect(await section(page, 'rp-attempts').isVisible()).toBe(false);
      expect(await section(page, 'rp-export').isVisible()).toBe(false);
      expect(await page.locator('button.csv').first().isVisible()).toBe(false);
      expect(await section(page, 'rp-reps').isVisible()).toBe(true);
      expect(await page.locator('article.ab-card').isVisible()).toBe(true);
      expect(await page.locator('.print-only').textContent()).toBe(`Report for ${iso(lastMonday)} to ${iso(plusDays(lastMonday, 6))} · all reps`);
      await shot(page, 'lead-print');
      await page.pdf({ path: join(ARTIFACTS, 'lead-report.pdf'), format: 'A4', printBackground: true });
      // A4 minus the 12 mm margins is about 700 CSS pixels wide: nothing may stick out of that.
      await page.setViewportSize({ width: 700, height: 1000 });
      const sticking = () => page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('main *')]
          .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}`);
      });
      await expect.poll(sticking).toEqual([]);
      await shot(page, 'lead-print-a4-width');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ media: 'screen' });
    }
    await shot(page, 'lead-screen');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'lead-top.png') });
  });

  it('shows each move’s last-30-day results next to its priority in the playbook editor, flagging one that rarely lands', async () => {
    const options = await l.context.newPage();
    await options.goto(`${extensionPage(l, OPTIONS)}#playbook`);
    await options.getByTestId('playbook-source').waitFor({ timeout: 30_000 });
    // Moves are disclosures in the editor: open the three this test reads.
    for (const title of ['Care tip to make it last', 'Thank a long-standing customer', 'Point to the help centre']) {
      await options.locator('button.disclosure', { hasText: title }).first().click();
    }
    const care = options.locator('.move-results[data-move="care-tip"]');
    await care.waitFor({ timeout: 30_000 });
    const careOffers = LAST_WEEK.filter((s) => s.move?.id === 'care-tip');
    const careAccepted = careOffers.filter((s) => s.move?.outcome === 'accepted').length;
    expect(await care.textContent()).toContain(`offered ${careOffers.length} · accepted ${pct(careAccepted / careOffers.length)} · VES ${pct(vesShare(careOffers))}`);
    expect(await care.locator('.move-results-flag').count()).toBe(0);
    const loyal = options.locator('.move-results[data-move="loyal-thanks"]');
    expect(await loyal.textContent()).toContain(`offered 10 · accepted 10% · VES ${pct(vesShare(WEEK_BEFORE))}`);
    expect(await loyal.locator('.move-results-flag').textContent()).toMatch(/^Rarely lands/);
    // Next to the priority: in the same row of fields.
    const row = options.locator('.field-row').filter({ has: loyal });
    expect(await row.locator('input[id$="-priority"]').count()).toBe(1);
    await row.scrollIntoViewIfNeeded();
    await row.screenshot({ path: join(ARTIFACTS, 'lead-move-results.png') });
    // A move never offered in the window says so instead of showing zeros.
    expect(await options.locator('.move-results[data-move="help-centre"]').textContent()).toContain('Not offered in the last 30 days.');
    await options.close();
  });
});
