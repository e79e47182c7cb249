/**
 * A/B assignment by customer, end to end: with a local playbook that runs an A/B test, two tickets of
 * the same customer (whose ticket ids alone would have landed in different variants) start their
 * interactions in the same variant, and a ticket of another customer lands where that customer's key
 * says. The expected variants are computed here from the documented rule (FNV-1a 32 of
 * `playbookId \0 customer:<trimmed, lower-cased email>` below shareB → variant B), not with the code
 * under test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/core/log/types';
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook/default-playbook';
import { sendFromPage } from './config-store';
import { extensionPage, FIXTURES, type Launched, launch, panel, readStore, waitFor } from './harness';

const SHARE_B = 0.5;
const PLAYBOOK = {
  ...DEFAULT_PLAYBOOK,
  id: 'ab-e2e',
  abTest: { labelA: 'control', labelB: 'short', shareB: SHARE_B, movesB: DEFAULT_PLAYBOOK.moves.slice(0, 2) },
};

function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
const isB = (key: string) => fnv1a32(`${PLAYBOOK.id}\u0000${key}`) / 2 ** 32 < SHARE_B;
const expectedFor = (email: string) => (isB(`customer:${email.trim().toLowerCase()}`) ? 'short' : 'control');

// Two ticket ids that the old per-ticket rule (`playbookId \0 ticketId`) put in different variants.
function splitTicketPair(): [string, string] {
  const first = '6000';
  for (let n = 6001; n < 7000; n++) if (isB(String(n)) !== isB(first)) return [first, String(n)];
  throw new Error('no split pair found');
}

const MARIA = 'Maria.Lopez@Example.com';
// Another customer whose key lands in the other variant from Maria's.
function otherCustomer(): string {
  for (let k = 0; k < 1000; k++) {
    const email = `customer${k}@example.org`;
    if (expectedFor(email) !== expectedFor(MARIA)) return email;
  }
  throw new Error('no other customer found');
}

const template = readFileSync(join(FIXTURES, 'zendesk/ticket.html'), 'utf8');
/** The Zendesk fixture as ticket `id` of customer `email` (the active pane's id and requester). */
const ticketHtml = (id: string, email: string) => template.replaceAll('4521', id).replace('data-requester-email="maria.lopez@example.com"', `data-requester-email="${email}"`);

let l: Launched;
const [t1, t2] = splitTicketPair();
const t3 = '6999';
const other = otherCustomer();

beforeAll(async () => {
  l = await launch();
  // Saved through the worker (an extension page's message): only the trusted config store holds playbooks
  // now, a value in storage.local is ignored (issue 15).
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, 'src/pages/popup/index.html'));
  expect(await sendFromPage(page, 'playbooks/save', { current: PLAYBOOK, history: [], savedAt: {} })).toEqual({ ok: true, result: { saved: true } });
  await page.close();
  await l.serve(`https://acme.zendesk.com/agent/tickets/${t1}`, ticketHtml(t1, MARIA), { html: true });
  await l.serve(`https://acme.zendesk.com/agent/tickets/${t2}`, ticketHtml(t2, `  ${MARIA.toUpperCase()} `), { html: true });
  await l.serve(`https://acme.zendesk.com/agent/tickets/${t3}`, ticketHtml(t3, other), { html: true });
});
afterAll(async () => {
  await l?.close();
});

describe('A/B assignment by customer', () => {
  it('keeps one customer in one variant across tickets, and assigns another customer by their own key', async () => {
    for (const id of [t1, t2, t3]) {
      const page = await l.context.newPage();
      await page.goto(`https://acme.zendesk.com/agent/tickets/${id}`);
      await panel(page).waitFor({ timeout: 20_000 });
      // An interaction is logged from the rep's first action in the panel (a ticket merely opened writes nothing).
      await panel(page).getByRole('checkbox').first().click();
      await waitFor(
        () => readStore<Interaction>(l.worker, 'interactions'),
        (rows) => rows.some((r) => r.ticketId === id),
        20_000,
      );
      await page.close();
    }
    const rows = await readStore<Interaction>(l.worker, 'interactions');
    const variantOf = (id: string) => rows.find((r) => r.ticketId === id)?.variant;
    expect(rows.every((r) => r.playbookId === 'ab-e2e')).toBe(true);
    expect(variantOf(t1)).toBe(expectedFor(MARIA));
    expect(variantOf(t2)).toBe(variantOf(t1));
    expect(variantOf(t3)).toBe(expectedFor(other));
    expect(variantOf(t3)).not.toBe(variantOf(t1));
    // The customer key is stored hashed, the same for both of Maria's tickets whatever the case and spaces.
    const keys = new Set(rows.filter((r) => r.ticketId === t1 || r.ticketId === t2).map((r) => r.customerKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
