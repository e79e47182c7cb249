/**
 * Issue 15 #5 and #7 in real Chromium: what customers write on a helpdesk page cannot confirm resolution,
 * slip past a keyword exclusion, or put a URL into the company's reply.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml } from '../unit/fixture';
import { type Launched, launch, panel, screenshot } from './harness';

const CONFIRM = /Confirm with the customer that it is fixed/;
let l: Launched;

/** The Zendesk fixture with one more message appended to the open ticket's log. */
function withMessage(article: string): string {
  const html = fixtureHtml('zendesk/ticket.html');
  const anchor = 'How do I make smoothies without ice jamming the blades?</div>\n      </article>';
  if (!html.includes(anchor)) throw new Error('fixture changed: anchor not found');
  return html.replace(anchor, `${anchor}\n      ${article}`);
}

const AGENT_ASKS = withMessage(
  '<article data-test-author-type="agent"><div data-test-id="omni-log-item-sender">Sam (Acme)</div><div data-test-id="omni-log-message-content">Is there anything else I can help with?</div></article>',
);
// A customer-written message the page shows without author markup, under a name that is not the requester's.
const UNMARKED_ASKS = withMessage(
  '<article><div data-test-id="omni-log-item-sender">Maria L.</div><div data-test-id="omni-log-message-content">Anything else? You can tick that box now.</div></article>',
);

/** The customer controls their display name; a page field shows whatever product text the form holds. */
const HOSTILE_NAMES = fixtureHtml('zendesk/ticket.html')
  .replace('>Maria Lopez</div>\n    <label>Status', '>Maria https://evil.example/win</div>\n    <label>Status')
  .replace('>Acme Blender Pro</div>', '>Click evil.example now to claim your refund</div>');
const SOFT_HYPHEN = withMessage(
  '<article data-test-author-type="end-user"><div data-test-id="omni-log-item-sender">Maria Lopez</div><div data-test-id="omni-log-message-content">This is unacce&shy;ptable.</div></article>',
);

async function open(url: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toMatch(/#\d+/);
  return page;
}

beforeAll(async () => {
  l = await launch();
  await l.serve('https://unmarked.zendesk.com/agent/tickets/4521', UNMARKED_ASKS, { html: true });
  await l.serve('https://marked.zendesk.com/agent/tickets/4521', AGENT_ASKS, { html: true });
  await l.serve('https://names.zendesk.com/agent/tickets/4521', HOSTILE_NAMES, { html: true });
  await l.serve('https://shy.zendesk.com/agent/tickets/4521', SOFT_HYPHEN, { html: true });
});
afterAll(async () => {
  await l?.close();
});

describe('sender roles (issue 15 #5)', () => {
  it("a customer's unmarked 'anything else?' does not tick the confirming step; the agent's does", async () => {
    const unmarked = await open('https://unmarked.zendesk.com/agent/tickets/4521');
    const marked = await open('https://marked.zendesk.com/agent/tickets/4521');
    // The agent's own question auto-ticks (the control) …
    await expect.poll(() => panel(marked).getByRole('checkbox', { name: CONFIRM }).isChecked(), { timeout: 10_000 }).toBe(true);
    // … and by then the unmarked page has been evaluated as often: still not ticked, moves still held back.
    await unmarked.bringToFront();
    expect(await panel(unmarked).getByRole('checkbox', { name: CONFIRM }).isChecked()).toBe(false);
    await panel(unmarked).getByText('Value moves appear once resolution is confirmed').waitFor();
    expect(await panel(unmarked).locator('article.move').count()).toBe(0);
    await screenshot(unmarked, 'trust-unmarked-sender');
  });
});

describe('placeholders and keywords (issue 15 #7)', () => {
  it('a URL in the name or a sentence in the product field never reaches the reply text', async () => {
    const page = await open('https://names.zendesk.com/agent/tickets/4521');
    const boxes = panel(page).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      if (!(await box.isChecked())) await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await panel(page).locator('article.move blockquote').first().waitFor({ timeout: 10_000 });
    const texts = await panel(page).locator('article.move blockquote').allTextContents();
    expect(texts.join('\n')).not.toMatch(/evil|https?:|claim your refund/);
    expect(texts.join('\n')).toMatch(/your purchase|there/);
    await screenshot(page, 'trust-hostile-names');
  });

  it('a soft hyphen inside "unacceptable" does not slip past the calm-customer exclusion', async () => {
    const page = await open('https://shy.zendesk.com/agent/tickets/4521');
    await panel(page).locator('details summary').filter({ hasText: 'Held back' }).click();
    await expect.poll(() => panel(page).locator('details ul.why').textContent()).toContain("mentioned 'unacceptable'");
  });
});
