// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { freshdesk } from './freshdesk';

const URL_1042 = new URL('https://acme.freshdesk.com/a/tickets/1042');
const URLS = {
  positive: [
    ['https://acme.freshdesk.com/a/tickets/1042', '1042'],
    ['https://support-eu.freshdesk.com/a/tickets/77/edit', '77'],
    ['https://acme.freshdesk.com/helpdesk/tickets/9001', '9001'],
    ['https://acme.freshdesk.com/a/tickets/filters/all_tickets', null],
  ],
  negative: [
    'https://acme.freshdesk.com/support/tickets/1042',
    'https://freshdesk.com.evil.io/a/tickets/1',
    'https://acme.freshdesk.co/a/tickets/1',
    'https://example.com/a/tickets/1',
  ],
} as const;

/** Does what the fixture's script does on a list click: Ember re-renders the details from the template. */
function switchTo(doc: Document, id: string): void {
  const wrapper = doc.querySelector('.app-main-wrapper')!;
  const tpl = doc.getElementById(`ticket-${id}`) as HTMLTemplateElement;
  wrapper.replaceChildren(tpl.content.cloneNode(true));
}

describe('freshdesk adapter', () => {
  it('matches agent ticket URLs and takes the ticket id from the path', () => {
    for (const [url, id] of URLS.positive) {
      expect(freshdesk.matches(new URL(url)), url).toBe(true);
      expect(freshdesk.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(freshdesk.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context of the rendered ticket', () => {
    const { context, diagnostics } = freshdesk.read(loadFixture('freshdesk/ticket.html'), URL_1042);
    expect(context).toEqual({
      helpdesk: 'freshdesk',
      ticketId: '1042',
      subject: 'Charged twice for annual plan',
      requesterName: 'Priya Raman',
      customerKey: 'priya.raman@example.com',
      channel: 'email',
      status: 'open',
      tags: ['billing', 'refund', 'annual-plan'],
      product: 'Acme Payroll',
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[0]?.text).toMatch(/^Hello, my card statement shows two charges/);
    expect(context?.messages[3]?.text).toContain('accountant');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([]);
  });

  it('scopes to the rendered ticket, not the side list, and follows a re-render', () => {
    const doc = loadFixture('freshdesk/ticket.html');
    expect(freshdesk.findTicketRoot(doc)?.textContent).not.toContain('Tomás');
    switchTo(doc, '1039');
    // The URL has not caught up yet: the breadcrumb of the rendered ticket wins.
    const { context } = freshdesk.read(doc, URL_1042);
    expect(context).toMatchObject({
      ticketId: '1039',
      subject: "Can't add a new employee to payroll",
      requesterName: 'Tomás Alvarez',
      customerKey: 'tomas@alvarez-bakery.example',
      status: 'pending',
      channel: 'chat',
      tags: ['onboarding'],
      product: null,
    });
    expect(freshdesk.findComposer(doc)?.getAttribute('contenteditable')).toBe('true');
  });

  it('reports the missing status and still reads the rest', () => {
    const { context, diagnostics } = freshdesk.read(loadFixture('freshdesk/missing-field.html'), URL_1042);
    expect(context?.status).toBe('other');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: false });
    expect(diagnostics.filter((d) => !d.ok).map((d) => d.field)).toEqual(['status']);
    expect(context?.subject).toBe('Charged twice for annual plan');
    expect(context?.tags).toEqual(['billing', 'refund', 'annual-plan']);
  });

  it('returns no context on a page that is not a ticket', () => {
    const page = parseHtml('<div class="app-main-wrapper"><h1>All unresolved tickets</h1></div>');
    const { context, diagnostics } = freshdesk.read(page, new URL('https://acme.freshdesk.com/a/tickets/filters/all'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
    expect(freshdesk.findComposer(page)).toBeNull();
    expect(freshdesk.watchTargets?.(page)).toEqual([]);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe\u200B${'A'.repeat(100_000)}`;
    const escaped = evil.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = fixtureHtml('freshdesk/ticket.html').replace(
      '<h1 class="sentiment-ticket-heading">Charged twice for annual plan</h1>',
      `<h1 class="sentiment-ticket-heading">${escaped}</h1>`,
    );
    const { context } = freshdesk.read(parseHtml(html), URL_1042);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toMatch(/[\u202E\u200B]/);
    expect(context?.subject.startsWith('<img src=x onerror=alert(1)>gnp.exe')).toBe(true);
  });

  it('watches the conversation and the page, not the document', () => {
    const doc = loadFixture('freshdesk/ticket.html');
    const targets = freshdesk.watchTargets?.(doc) ?? [];
    expect(targets.map((el) => el.id || el.className)).toEqual(['ticket-details', 'app-main-wrapper']);
  });

  describe('second source: userscripts on the 2025–26 agent UI (test/fixtures/freshdesk/second-source.html)', () => {
    const URL_2317 = new URL('https://northwind-hr.freshdesk.com/a/tickets/2317');
    const second = () => loadFixture('freshdesk/second-source.html');

    it('reads the ticket from the description, notes and contact card, without ticket.html\'s containers', () => {
      const { context, diagnostics } = freshdesk.read(second(), URL_2317);
      expect(context).toEqual({
        helpdesk: 'freshdesk',
        ticketId: '2317',
        subject: 'Overtime hours missing from March payroll export',
        requesterName: 'Maya Chen',
        customerKey: 'maya.chen@example.net',
        channel: 'email',
        status: 'other',
        tags: [],
        product: null,
        messages: expect.any(Array),
      });
      // The requester reported the description; how an agent's note is marked is not known from the sources.
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'unknown', 'unknown']);
      expect(context?.messages[0]?.text).toBe('Hi, the March payroll export leaves out every overtime hour we approved in the timesheets. Our accountant needs the corrected file by Friday.');
      expect(context?.messages.map((m) => m.text).join(' ')).not.toMatch(/February timesheet import fails|Add a second payroll admin/);
      const source = Object.fromEntries(diagnostics.map((d) => [d.field, d.ok ? d.source : 'missing']));
      expect(source).toEqual({
        ticketId: 'url',
        subject: '[data-testid="ticket-subject"]',
        requester: '.ticket-description ("<name> reported via")',
        customerKey: '.contacts_cardemail--text a[href^="mailto:"] (mailto link)',
        status: 'missing',
        channel: '.ticket-description ("reported via <channel>")',
        tags: 'missing',
        messages: 'ticket page',
        composer: '.fr-element.fr-view[contenteditable="true"]',
      });
    });

    it('reads a subject heading without the controls inside it', () => {
      // Toggl strips child controls from .ticket-subject-heading for the same reason.
      const html = fixtureHtml('freshdesk/ticket.html').replace(
        '<h1 class="sentiment-ticket-heading">Charged twice for annual plan</h1>',
        '<h1 class="sentiment-ticket-heading">Charged twice for annual plan <button type="button">Add AI summary</button></h1>',
      );
      expect(freshdesk.read(parseHtml(html), URL_1042).context?.subject).toBe('Charged twice for annual plan');
    });

    it('counts a note inside a conversation item once', () => {
      const html = fixtureHtml('freshdesk/ticket.html').replace('<div class="ticket_note">Hi Priya', '<div class="ticket_note" data-note-id="88231">Hi Priya');
      expect(freshdesk.read(parseHtml(html), URL_1042).context?.messages).toHaveLength(4);
    });

    it('takes no name or channel from a customer\'s own words when the "reported via" line is gone', () => {
      const html = fixtureHtml('freshdesk/second-source.html')
        .replace('<div><strong>Maya Chen</strong> reported via email · 3 hours ago</div>', '')
        .replace('Hi, the March payroll export', 'Hi, the March payroll export (Mallory reported via phone)');
      const { context } = freshdesk.read(parseHtml(html), URL_2317);
      expect(context?.requesterName).toBe('');
      expect(context?.channel).toBe('other');
      expect(context?.messages[0]?.role).toBe('unknown');
    });
  });
});
