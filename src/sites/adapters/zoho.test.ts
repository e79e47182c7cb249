// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { zoho } from './zoho';

const URL1 = new URL('https://desk.zoho.eu/agent/zylker/accounts/tickets/details/400000002841043');

const URLS = {
  positive: [
    ['https://desk.zoho.com/agent/zylker/accounts/tickets/details/400000002841043', '400000002841043'],
    ['https://desk.zoho.eu/agent/zylker/accounts/tickets/details/400000002841043/conversation', '400000002841043'],
    ['https://desk.zoho.in/agent/acme/support/tickets/details/123456789', '123456789'],
    ['https://desk.zoho.com.au/agent/acme/support/tickets/details/123456789', '123456789'],
    ['https://desk.zoho.jp/agent/acme/support/tickets/details/123456789', '123456789'],
    ['https://desk.zoho.eu/support/mycompany/ShowHomePage.do#Cases/dv/80000000001234567', '80000000001234567'],
    ['https://desk.zoho.com/agent/zylker/accounts/tickets/list/all-tickets', null],
  ],
  negative: [
    'https://desk.zoho.com.evil.io/agent/zylker/accounts/tickets/details/1',
    'https://desk.zoho.eu.evil.io/agent/zylker/accounts/tickets/details/1',
    'https://crm.zoho.com/agent/zylker/accounts/tickets/details/1',
    'https://desk.zoho.com/portal/zylker/en/kb',
    'https://support.zylker.com/agent/zylker/accounts/tickets/details/1',
  ],
} as const;

describe('zoho adapter', () => {
  it('matches agent URLs on every regional host and takes the internal id', () => {
    for (const [url, id] of URLS.positive) {
      expect(zoho.matches(new URL(url)), url).toBe(true);
      expect(zoho.ticketIdFromUrl(new URL(url)), url).toBe(id);
    }
    for (const url of URLS.negative) expect(zoho.matches(new URL(url)), url).toBe(false);
  });

  it('reads the active ticket container, not the hidden one', () => {
    const { context, diagnostics } = zoho.read(loadFixture('zoho/ticket.html'), URL1);
    expect(context).toEqual({
      helpdesk: 'zoho',
      ticketId: '1047',
      subject: 'Invoice PDF shows the wrong VAT number',
      requesterName: 'Hannah Becker',
      customerKey: 'hannah.becker@example.de',
      channel: 'email',
      status: 'open',
      tags: ['vat', 'invoice'],
      product: 'Zylker Accounting Cloud',
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[2]?.text).toContain('FIN-2291');
    expect(diagnostics.every((d) => d.ok)).toBe(true);
  });

  it('follows the container the URL names, and the visible one without an id in the URL', () => {
    const url2 = new URL('https://desk.zoho.eu/agent/zylker/accounts/tickets/details/400000002838291');
    expect(zoho.read(loadFixture('zoho/ticket.html'), url2).context).toMatchObject({
      ticketId: '1045',
      subject: 'Cannot log in after password reset',
      status: 'pending',
      channel: 'chat',
      tags: ['login'],
    });
    const swapped = fixtureHtml('zoho/ticket.html')
      .replace('data-id="subTab_400000002841043">', 'data-id="subTab_400000002841043" hidden>')
      .replace('data-id="subTab_400000002838291" hidden>', 'data-id="subTab_400000002838291">');
    const { context } = zoho.read(parseHtml(swapped), new URL('https://desk.zoho.eu/agent/zylker/accounts/tickets/list/all'));
    expect(context).toMatchObject({ ticketId: '1045', requesterName: 'Kenji Sato', customerKey: 'kenji.sato@example.jp' });
  });

  it('reports the missing field and still reads the rest', () => {
    const { context, diagnostics } = zoho.read(loadFixture('zoho/missing-field.html'), URL1);
    expect(context?.requesterName).toBe('');
    expect(diagnostics.find((d) => d.field === 'requester')).toEqual({ field: 'requester', ok: false });
    expect(context).toMatchObject({ subject: 'Invoice PDF shows the wrong VAT number', customerKey: 'hannah.becker@example.de', status: 'open' });
    // Roles come from the thread direction, so they survive the missing name.
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
  });

  it('returns no context on a page that is not a ticket', () => {
    const { context, diagnostics } = zoho.read(parseHtml('<div class="zd_v2-listlayout-container">Tickets</div>'), URL1);
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = fixtureHtml('zoho/ticket.html').replace(
      'data-id="caseSubjectText">Invoice PDF shows the wrong VAT number',
      `data-id="caseSubjectText">${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
    const { context } = zoho.read(parseHtml(html), URL1);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });

  it('finds the composer of the active ticket', () => {
    expect(zoho.findComposer(loadFixture('zoho/ticket.html'))?.getAttribute('aria-label')).toBe('Reply to Hannah Becker');
  });

  it('reads the second source (container, thread and note hooks only) without a generic fallback: subject from the title, the pane\'s editor', () => {
    const doc = loadFixture('zoho/second-source.html');
    const { context, diagnostics } = zoho.read(doc, new URL('https://desk.zoho.eu/agent/example/support/tickets/details/400000002855177'));
    expect(context?.subject).toBe("Cannot download last month's statement");
    expect(diagnostics.find((d) => d.field === 'subject')?.source).toContain('document title');
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(diagnostics.filter((d) => ['subject', 'messages', 'composer'].includes(d.field)).every((d) => d.ok)).toBe(true);
    expect(zoho.findComposer(doc)?.getAttribute('aria-label')).toBe('Reply');
    // A title that is not Zoho's "<subject> - Zoho Desk" names no subject.
    const other = parseHtml(fixtureHtml('zoho/second-source.html').replace(/<title>[^<]*<\/title>/, '<title>Zoho Desk</title>'));
    expect(zoho.read(other, new URL('https://desk.zoho.eu/agent/example/support/tickets/details/400000002855177')).context?.subject).toBe('');
  });
});
