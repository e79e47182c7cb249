// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { hubspot } from './hubspot';
import { provideInserter } from '../insert';
import { insertWithStrategies } from '../insert-strategies';

// In the extension the strategies come with the lazy bundle (src/content/index.ts); here they are at hand.
provideInserter(async () => insertWithStrategies);

const ID_A = '29859078751';
const ID_B = '29859078823';
const URL_A = new URL(`https://app.hubspot.com/help-desk/21635735/view/95291824/ticket/${ID_A}`);
const URLS = {
  positive: [
    [URL_A.href, ID_A],
    [`https://app-eu1.hubspot.com/help-desk/21635735/view/search/ticket/${ID_B}/thread/10598988085#notes`, ID_B],
    [`https://app.hubspot.com/contacts/21635735/record/0-5/${ID_A}`, ID_A],
    ['https://app.hubspot.com/live-messages/21635735/inbox/8765432109', '8765432109'],
    ['https://app.hubspot.com/help-desk/21635735/view/95291824', null],
  ],
  negative: [
    'https://app.hubspot.com/contacts/21635735/record/0-1/95012',
    `https://app.hubspot.com.evil.io/help-desk/21635735/view/1/ticket/${ID_A}`,
    `https://www.hubspot.com/help-desk/21635735/view/1/ticket/${ID_A}`,
    'https://app.hubspot.com/reports-dashboard/21635735/view/1',
  ],
} as const;

/** Does what the fixture's script does on a list click: React re-renders the ticket workspace. */
function switchTo(doc: Document, id: string): void {
  const workspace = doc.querySelector('main[data-test-id="ticket-workspace"]')!;
  const tpl = doc.getElementById(`ticket-${id}`) as HTMLTemplateElement;
  workspace.replaceChildren(tpl.content.cloneNode(true));
}

describe('hubspot adapter', () => {
  it('matches help desk, inbox and ticket record URLs only', () => {
    for (const [url, id] of URLS.positive) {
      expect(hubspot.matches(new URL(url)), url).toBe(true);
      expect(hubspot.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(hubspot.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context of the open ticket', () => {
    const { context, diagnostics } = hubspot.read(loadFixture('hubspot/ticket.html'), URL_A);
    expect(context).toEqual({
      helpdesk: 'hubspot',
      ticketId: ID_A,
      subject: 'Invoice shows old company address',
      requesterName: 'Aiko Tanaka',
      customerKey: 'aiko.tanaka@example.jp',
      channel: 'email',
      status: 'open',
      tags: ['billing', 'invoices'],
      product: 'Sales Hub',
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[2]?.text).toBe('@Maya can finance regenerate the January and February invoices?');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([]);
  });

  it('scopes to the ticket workspace, not the view list, and follows a re-render', () => {
    const doc = loadFixture('hubspot/ticket.html');
    expect(hubspot.findTicketRoot(doc)?.textContent).not.toContain('Jonas');
    switchTo(doc, ID_B);
    const { context, diagnostics } = hubspot.read(doc, URL_A);
    expect(context).toMatchObject({
      ticketId: ID_B,
      subject: 'Chat widget not loading on checkout page',
      requesterName: 'Jonas Berg',
      customerKey: 'jonas@berg-outdoor.example',
      channel: 'chat',
      status: 'pending',
      tags: ['technical issue'],
      product: null,
    });
    expect(diagnostics.find((d) => d.field === 'ticketId')?.source).toBe('Ticket ID property');
  });

  it('falls back to the URL id and the contact record id', () => {
    const html = fixtureHtml('hubspot/ticket.html')
      .replace('<div class="property"><label>Ticket ID</label><span data-test-id="property-value">29859078751</span></div>', '')
      .replace('<div><a href="mailto:aiko.tanaka@example.jp">aiko.tanaka@example.jp</a></div>', '');
    const { context, diagnostics } = hubspot.read(parseHtml(html), URL_A);
    expect(context).toMatchObject({ ticketId: ID_A, customerKey: '95012' });
    expect(diagnostics.find((d) => d.field === 'ticketId')?.source).toBe('url');
  });

  it('reports the missing status and still reads the rest', () => {
    const { context, diagnostics } = hubspot.read(loadFixture('hubspot/missing-field.html'), URL_A);
    expect(context?.status).toBe('other');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([{ field: 'status', ok: false }]);
    expect(context?.subject).toBe('Invoice shows old company address');
  });

  it('returns no context on a page that is not a ticket', () => {
    const page = parseHtml('<main><h1>Help desk home</h1></main>');
    const { context, diagnostics } = hubspot.read(page, new URL('https://app.hubspot.com/help-desk/21635735/view/95291824'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
    expect(hubspot.watchTargets?.(page)).toEqual([]);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe\u200F${'A'.repeat(100_000)}`;
    const escaped = evil.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = fixtureHtml('hubspot/ticket.html').replace('>Invoice shows old company address</h1>', `>${escaped}</h1>`);
    const { context } = hubspot.read(parseHtml(html), URL_A);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toMatch(/[\u202E\u200F]/);
    expect(context?.subject.startsWith('<img src=x onerror=alert(1)>gnp.exe')).toBe(true);
  });

  it('finds the composer from its send button and inserts into a textarea with the native setter', async () => {
    const doc = loadFixture('hubspot/ticket.html');
    expect(hubspot.findComposer(doc)?.getAttribute('contenteditable')).toBe('true');
    const plain = parseHtml(
      fixtureHtml('hubspot/ticket.html').replace(/<div class="composer-editor"[^>]*><\/div>/, '<textarea aria-label="Reply"></textarea>'),
    );
    await expect(hubspot.insertText(plain, 'Both invoices are on their way.')).resolves.toEqual({ inserted: true, strategy: 'native-setter' });
  });

  it('reads the record page of the second source (hashy-chrome-extension hooks) without a generic fallback, composer included', () => {
    const doc = loadFixture('hubspot/second-source.html');
    const { context, diagnostics } = hubspot.read(doc, new URL('https://app.hubspot.com/contacts/21635735/record/0-5/29859079410'));
    expect(context?.subject).toBe('Export to CSV drops accented names');
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    // The fields a generic fallback would fill (subject, messages, composer) are all the adapter's own.
    expect(diagnostics.filter((d) => ['subject', 'messages', 'composer'].includes(d.field)).every((d) => d.ok)).toBe(true);
    expect(hubspot.findComposer(doc)?.getAttribute('aria-label')).toBe('Reply');
  });
});
