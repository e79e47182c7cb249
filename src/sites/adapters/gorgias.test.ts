// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { gorgias } from './gorgias';

const URL1 = new URL('https://comfort-works.gorgias.com/app/views/1384557/230640920');

const URLS = {
  positive: [
    ['https://comfort-works.gorgias.com/app/views/1384557/230640920', '230640920'],
    ['https://acme.gorgias.com/app/ticket/500', '500'],
    ['https://acme.gorgias.com/app/ticket/500/print', '500'],
    ['https://acme.gorgias.com/app/views/1384557', null],
    // Where the app redirects /app/ticket/<id> and /app/views/<view>/<id> (its useRedirectDeprecatedTicketRoutes).
    ['https://acme.gorgias.com/app/tickets/1384557/231004417', '231004417'],
    ['https://acme.gorgias.com/app/tickets/0/231004417', '231004417'],
    ['https://acme.gorgias.com/app/tickets/1384557', null],
    ['https://acme.gorgias.com/app/tickets/1384557/inbox', null],
  ],
  negative: [
    'https://gorgias.com.evil.io/app/ticket/500',
    'https://acme.gorgias.com.evil.io/app/ticket/500',
    'https://gorgias.com/app/ticket/500',
    'https://acme.gorgias.io/app/ticket/500',
    'https://acme.gorgias.com/help-center/articles/1',
  ],
} as const;

describe('gorgias adapter', () => {
  it('matches helpdesk app URLs on account subdomains and takes the ticket id', () => {
    for (const [url, id] of URLS.positive) {
      expect(gorgias.matches(new URL(url)), url).toBe(true);
      expect(gorgias.ticketIdFromUrl(new URL(url)), url).toBe(id);
    }
    for (const url of URLS.negative) expect(gorgias.matches(new URL(url)), url).toBe(false);
  });

  it('reads the rendered ticket, not the one waiting in a template', () => {
    const { context, diagnostics } = gorgias.read(loadFixture('gorgias/ticket.html'), URL1);
    expect(context).toEqual({
      helpdesk: 'gorgias',
      ticketId: '230640920',
      subject: 'Where is my order #GG-10482?',
      requesterName: 'Jamie Alexander',
      customerKey: 'jamie.alexander@example.com',
      channel: 'email',
      status: 'open',
      tags: ['wismo', 'shipping'],
      product: 'Linen Sofa Cover – Oatmeal, 3-seater',
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
    expect(context?.messages[2]?.text).toContain('customs in Leipzig');
    expect(diagnostics.every((d) => d.ok)).toBe(true);
  });

  it('follows the re-rendered ticket after a switch', () => {
    const doc = loadFixture('gorgias/ticket.html');
    const view = doc.querySelector('[data-testid="ticket-view"]') as HTMLElement;
    view.innerHTML = (doc.getElementById('ticket-230998813') as HTMLTemplateElement).innerHTML;
    const { context } = gorgias.read(doc, new URL('https://comfort-works.gorgias.com/app/views/1384557/230998813'));
    expect(context).toMatchObject({ ticketId: '230998813', subject: 'Return label for wrong size', status: 'solved', channel: 'chat', requesterName: 'Noor Haddad' });
    expect(gorgias.findComposer(doc)?.getAttribute('aria-label')).toBe('Reply to Noor Haddad');
  });

  it('reports the missing field and still reads the rest', () => {
    const { context, diagnostics } = gorgias.read(loadFixture('gorgias/missing-field.html'), URL1);
    expect(context?.tags).toEqual([]);
    expect(diagnostics.find((d) => d.field === 'tags')).toEqual({ field: 'tags', ok: false });
    expect(context).toMatchObject({ subject: 'Where is my order #GG-10482?', status: 'open', requesterName: 'Jamie Alexander' });
  });

  it('falls back to the customer id when no email is shown', () => {
    const html = fixtureHtml('gorgias/ticket.html').replace(/<a data-testid="customer-email"[^>]*>[^<]*<\/a>/g, '');
    expect(gorgias.read(parseHtml(html), URL1).context?.customerKey).toBe('55012345');
  });

  it('returns no context on a page that is not a ticket', () => {
    const { context, diagnostics } = gorgias.read(parseHtml('<div>Statistics</div>'), URL1);
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = fixtureHtml('gorgias/ticket.html').replace(
      'value="Where is my order #GG-10482?"',
      `value="${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
    );
    const { context } = gorgias.read(parseHtml(html), URL1);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });

  describe('second source: the Gorgias web app\'s own markup (test/fixtures/gorgias/second-source.html)', () => {
    const URL2 = new URL('https://comfort-works.gorgias.com/app/tickets/1384557/231004417');
    const second = () => loadFixture('gorgias/second-source.html');

    it('reads every field from the app\'s own hooks, none from ticket.html\'s', () => {
      const { context, diagnostics } = gorgias.read(second(), URL2);
      expect(context).toEqual({
        helpdesk: 'gorgias',
        ticketId: '231004417',
        subject: 'Wrong size delivered for order #GG-20931',
        requesterName: 'Priya Raman',
        customerKey: 'priya.raman@example.com',
        channel: 'email',
        status: 'open',
        tags: ['exchange', 'sizing'],
        product: null,
        messages: expect.any(Array),
      });
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'customer']);
      expect(context?.messages[0]?.text).toBe('Hello, I ordered the linen shirt in M (order GG-20931) but the parcel has an XL inside. Can I swap it?');
      const source = Object.fromEntries(diagnostics.map((d) => [d.field, d.ok ? d.source : 'missing']));
      expect(source).toMatchObject({
        subject: '#TicketHeader input[placeholder="Subject"]',
        status: '#change-status-button ("Close" offered)',
        channel: '.source-icon (email)',
        tags: '#TicketHeader [class*="TicketTags--tags"] [class*="Tag--text"]',
        composer: '.public-DraftEditor-content[contenteditable="true"]',
      });
      expect(diagnostics.every((d) => d.ok)).toBe(true);
      expect(gorgias.findComposer(second())?.getAttribute('aria-describedby')).toBe('placeholder-rp1');
    });

    it('reads a closed ticket from the reopen icon, and a chat from its forum icon', () => {
      const html = fixtureHtml('gorgias/second-source.html')
        .replace('<button type="button"><i class="material-icons">check</i>Close</button>', '<button type="button" aria-label="Reopen"><i class="material-icons">check</i></button>')
        .replaceAll('material-icons Source--secondary--p1Lq" id="source-r1">email', 'material-icons Source--secondary--p1Lq" id="source-r1">forum');
      expect(gorgias.read(parseHtml(html), URL2).context).toMatchObject({ status: 'solved', channel: 'chat' });
    });

    it('never reads a tag container (every tag plus its "close" icon) as one tag', () => {
      // The app's tag text hook drifted: the container class TicketTags--tags-- must not stand in for a tag.
      const html = fixtureHtml('gorgias/second-source.html').replaceAll('Tag--text--o9GvB', 'Chip--label--o9GvB');
      const tags = gorgias.read(parseHtml(html), URL2).context?.tags ?? [];
      expect(tags.join(' ')).not.toMatch(/close/);
    });

    it('without the customer panel\'s e-mail, keys the customer by the profile link', () => {
      const html = fixtureHtml('gorgias/second-source.html').replace(/<a id="customer-channel-0"[^>]*>[^<]*<\/a>/, '');
      expect(gorgias.read(parseHtml(html), URL2).context?.customerKey).toBe('98211345');
    });
  });
});
