// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { helpscout } from './helpscout';

const URL_A = new URL('https://secure.helpscout.net/conversation/2865017431/48213?folderId=6672231');
const URLS = {
  positive: [
    [URL_A.href, '48213'],
    ['https://secure.helpscout.net/conversation/2865011209/48207/', '48207'],
    ['https://secure.helpscout.net/conversation/2865011209', '2865011209'],
  ],
  negative: [
    'https://secure.helpscout.net/mailbox/6672231/',
    'https://secure.helpscout.net.evil.io/conversation/2865017431/48213',
    'https://docs.helpscout.net/conversation/2865017431/48213',
    'https://example.com/conversation/2865017431/48213',
  ],
} as const;

/** Does what the fixture's script does on a list click: React re-renders the conversation. */
function switchTo(doc: Document, number: string): void {
  const view = doc.querySelector('[data-cy="Conversation"]')!;
  const tpl = doc.getElementById(`conversation-${number}`) as HTMLTemplateElement;
  view.replaceChildren(tpl.content.cloneNode(true));
}

describe('helpscout adapter', () => {
  it('matches conversation URLs and takes the displayed number', () => {
    for (const [url, id] of URLS.positive) {
      expect(helpscout.matches(new URL(url)), url).toBe(true);
      expect(helpscout.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(helpscout.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context, with threads in time order', () => {
    const { context, diagnostics } = helpscout.read(loadFixture('helpscout/ticket.html'), URL_A);
    expect(context).toEqual({
      helpdesk: 'helpscout',
      ticketId: '48213',
      subject: 'Shipping label printed with wrong return address',
      requesterName: "Grace O'Neill",
      customerKey: 'grace@oneill-ceramics.example',
      channel: 'email',
      status: 'open',
      tags: ['shipping', 'labels', 'shopify'],
      product: 'ShipKit for Shopify',
      messages: expect.any(Array),
    });
    // Newest-first on the page; the status line item is not a message.
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[0]?.text).toMatch(/^Hi, every shipping label/);
    expect(context?.messages[3]?.text).toContain('Dublin warehouse');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([]);
  });

  it('scopes to the open conversation, not the mailbox list, and follows a re-render', () => {
    const doc = loadFixture('helpscout/ticket.html');
    expect(helpscout.findTicketRoot(doc)?.textContent).not.toContain('Samir');
    switchTo(doc, '48207');
    const { context, diagnostics } = helpscout.read(doc, URL_A);
    expect(context).toMatchObject({
      ticketId: '48207',
      subject: 'Can I change my subscription to yearly?',
      requesterName: 'Samir Haddad',
      customerKey: 'samir.haddad@example.com',
      channel: 'chat',
      status: 'pending',
      tags: ['billing'],
      product: null,
      messages: [{ role: 'customer', text: expect.stringContaining('yearly billing') }],
    });
    expect(diagnostics.find((d) => d.field === 'channel')?.source).toBe('thread type');
  });

  it('reports the missing status and still reads the rest', () => {
    const { context, diagnostics } = helpscout.read(loadFixture('helpscout/missing-field.html'), URL_A);
    expect(context?.status).toBe('other');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([{ field: 'status', ok: false }]);
    expect(context?.tags).toEqual(['shipping', 'labels', 'shopify']);
  });

  it('returns no context on a page that is not a conversation', () => {
    const page = parseHtml('<main><h1>Support · Mine</h1></main>');
    const { context, diagnostics } = helpscout.read(page, new URL('https://secure.helpscout.net/mailbox/6672231/'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
    expect(helpscout.findComposer(page)).toBeNull();
  });

  it('shows a hostile subject (textarea value) as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe\u2067${'A'.repeat(100_000)}`;
    const escaped = evil.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = fixtureHtml('helpscout/ticket.html').replace('rows="1">Shipping label printed with wrong return address<', `rows="1">${escaped}<`);
    const { context } = helpscout.read(parseHtml(html), URL_A);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toMatch(/[\u202E\u2067]/);
    expect(context?.subject.startsWith('<img src=x onerror=alert(1)>gnp.exe')).toBe(true);
  });

  it('finds the reply editor and watches the thread list', () => {
    const doc = loadFixture('helpscout/ticket.html');
    expect(helpscout.findComposer(doc)?.getAttribute('aria-label')).toBe("Reply to Grace O'Neill");
    const targets = helpscout.watchTargets?.(doc) ?? [];
    expect(targets.map((el) => el.getAttribute('data-cy'))).toEqual(['ThreadList', 'Conversation']);
  });
});
