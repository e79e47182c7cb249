// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { zendesk } from './zendesk';

const URLS = {
  positive: [
    ['https://acme.zendesk.com/agent/tickets/4521', '4521'],
    ['https://support-eu.zendesk.com/agent/tickets/77/events', '77'],
    ['https://acme.zendesk.com/agent/dashboard', null],
  ],
  negative: ['https://acme.zendesk.com/hc/en-us/articles/1', 'https://zendesk.com.evil.io/agent/tickets/1', 'https://example.com/agent/tickets/1'],
} as const;

describe('zendesk adapter', () => {
  it('matches agent URLs and takes the ticket id from the path', () => {
    for (const [url, id] of URLS.positive) {
      expect(zendesk.matches(new URL(url)), url).toBe(true);
      expect(zendesk.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(zendesk.matches(new URL(url)), url).toBe(false);
  });

  it('reads the active ticket, not the background tab', () => {
    const doc = loadFixture('zendesk/ticket.html');
    const { context, diagnostics } = zendesk.read(doc, new URL('https://acme.zendesk.com/agent/tickets/4521'));
    expect(context).toMatchObject({
      helpdesk: 'zendesk',
      ticketId: '4521',
      subject: 'Order arrived damaged',
      requesterName: 'Maria Lopez',
      customerKey: 'maria.lopez@example.com',
      channel: 'chat',
      status: 'open',
      tags: ['damaged', 'blender', 'vip'],
      product: 'Acme Blender Pro',
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[3]?.text).toContain('smoothies');
    expect(diagnostics.every((d) => d.ok)).toBe(true);
  });

  it('follows the active pane when the other tab is selected', () => {
    const html = fixtureHtml('zendesk/ticket.html')
      .replace('data-is-active="true" data-side-conversations-anchor-id="4521"', 'data-is-active="false" data-side-conversations-anchor-id="4521"')
      .replace('data-is-active="false" data-side-conversations-anchor-id="4519"', 'data-is-active="true" data-side-conversations-anchor-id="4519"');
    const { context } = zendesk.read(parseHtml(html), new URL('https://acme.zendesk.com/agent/tickets/4521'));
    expect(context).toMatchObject({ ticketId: '4519', subject: "Can't export invoices", status: 'pending', channel: 'email' });
  });

  it('reports the missing field and still reads the rest', () => {
    const html = fixtureHtml('zendesk/ticket.html').replace(/<span data-test-id="ticket-status-badge">Open<\/span>/, '');
    const { context, diagnostics } = zendesk.read(parseHtml(html), new URL('https://acme.zendesk.com/agent/tickets/4521'));
    expect(context?.status).toBe('other');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: false });
    expect(context?.subject).toBe('Order arrived damaged');
  });

  it('returns no context on a page that is not a ticket', () => {
    const { context, diagnostics } = zendesk.read(parseHtml('<div>Views</div>'), new URL('https://acme.zendesk.com/agent/dashboard'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = fixtureHtml('zendesk/ticket.html').replace('value="Order arrived damaged"', `value="${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
    const { context } = zendesk.read(parseHtml(html), new URL('https://acme.zendesk.com/agent/tickets/4521'));
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });
});
