// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { front } from './front';
import { provideInserter } from '../insert';
import { insertWithStrategies } from '../insert-strategies';

// In the extension the strategies come with the lazy bundle (src/content/index.ts); here they are at hand.
provideInserter(async () => insertWithStrategies);

const URL1 = new URL('https://app.frontapp.com/inboxes/teams/folders/6380615/unassigned/86412345678');

const URLS = {
  positive: [
    ['https://app.frontapp.com/inboxes/teams/folders/6380615/unassigned/86412345678', '86412345678'],
    ['https://app.frontapp.com/open/cnv_66m63b', 'cnv_66m63b'],
    ['https://app.frontapp.com/inboxes/shared/support/open/cnv_1a2b3c/message/msg_9z', 'cnv_1a2b3c'],
    ['https://app.frontapp.com/inboxes/teams/folders/6380615', null],
    ['https://app.frontapp.com/inboxes/teams/folders/6380615/unassigned', null],
  ],
  negative: [
    'https://app.frontapp.com/settings/company/rules',
    'https://app.frontapp.com.evil.io/open/cnv_66m63b',
    'https://frontapp.com/open/cnv_66m63b',
    'https://evil-app.frontapp.com/open/cnv_66m63b',
  ],
} as const;

/** happy-dom has no execCommand; imitate the browser inserting into the focused editor. */
function withExecCommand(doc: Document): Document {
  Object.assign(doc, {
    execCommand: (_cmd: string, _ui: boolean, text: string) => {
      doc.activeElement?.append(text);
      return true;
    },
  });
  return doc;
}

describe('front adapter', () => {
  it('matches app conversation URLs and takes the conversation id', () => {
    for (const [url, id] of URLS.positive) {
      expect(front.matches(new URL(url)), url).toBe(true);
      expect(front.ticketIdFromUrl(new URL(url)), url).toBe(id);
    }
    for (const url of URLS.negative) expect(front.matches(new URL(url)), url).toBe(false);
  });

  it('reads the active conversation, not the hidden one', () => {
    const { context, diagnostics } = front.read(loadFixture('front/ticket.html'), URL1);
    expect(context).toEqual({
      helpdesk: 'front',
      ticketId: '86412345678',
      subject: 'Charged twice for order #48213',
      requesterName: 'Priya Raman',
      customerKey: 'priya.raman@example.net',
      channel: 'email',
      status: 'open',
      tags: ['billing', 'refund'],
      product: null,
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'internal', 'customer']);
    expect(context?.messages[2]?.text).toContain('Stripe shows two captures');
    expect(context?.messages[3]?.text).toContain('second charge disappears');
    expect(diagnostics.every((d) => d.ok)).toBe(true);
  });

  it('follows the viewer the URL names, and the visible one when the URL names none', () => {
    const doc = loadFixture('front/ticket.html');
    const url2 = new URL('https://app.frontapp.com/inboxes/teams/folders/6380615/unassigned/86412399120');
    expect(front.read(doc, url2).context).toMatchObject({ ticketId: '86412399120', status: 'pending', channel: 'chat', tags: ['shipping'] });
    const swapped = fixtureHtml('front/ticket.html')
      .replace('data-testid="viewer-86412345678">', 'data-testid="viewer-86412345678" hidden>')
      .replace('data-testid="viewer-86412399120" hidden>', 'data-testid="viewer-86412399120">');
    const { context } = front.read(parseHtml(swapped), new URL('https://app.frontapp.com/inboxes/teams/folders/6380615/unassigned'));
    expect(context).toMatchObject({ ticketId: '86412399120', subject: 'Can I change my delivery address?', requesterName: 'Tomás Ortega' });
  });

  it('reports the missing field and still reads the rest', () => {
    const { context, diagnostics } = front.read(loadFixture('front/missing-field.html'), URL1);
    expect(context?.status).toBe('other');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: false });
    expect(context).toMatchObject({ subject: 'Charged twice for order #48213', customerKey: 'priya.raman@example.net' });
  });

  it('returns no context on a page that is not a conversation', () => {
    const { context, diagnostics } = front.read(parseHtml('<div>Inbox zero</div>'), URL1);
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = fixtureHtml('front/ticket.html').replace(
      'data-searchable-subject="true"><span>Charged twice for order #48213</span>',
      `data-searchable-subject="true"><span>${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</span>`,
    );
    const { context } = front.read(parseHtml(html), URL1);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });

  it('inserts into the composer of the active viewer', async () => {
    const doc = withExecCommand(loadFixture('front/ticket.html'));
    const composer = front.findComposer(doc);
    expect(composer?.getAttribute('aria-label')).toBe('Reply to Priya Raman');
    expect(await front.insertText(doc, 'Refunds take 5–10 business days.')).toEqual({ inserted: true, strategy: 'execCommand' });
    expect(composer?.textContent).toBe('Refunds take 5–10 business days.');
  });

  describe('second source: Clockify\'s Front hooks (test/fixtures/front/second-source.html)', () => {
    const URL2 = new URL('https://app.frontapp.com/open/cnv_5hk2p1q');
    const second = () => loadFixture('front/second-source.html');

    it('reads the pane around the top bar: subject, requester and messages, with no viewer marks', () => {
      const { context, diagnostics } = front.read(second(), URL2);
      expect(context).toEqual({
        helpdesk: 'front',
        ticketId: 'cnv_5hk2p1q',
        subject: 'Package stuck in customs since Monday',
        requesterName: 'Ana Souza',
        customerKey: null,
        channel: 'other',
        status: 'other',
        tags: [],
        product: null,
        messages: [
          { role: 'customer', text: 'Hi, my parcel 7713 has been in customs since Monday. Do I need to pay something to release it?' },
          { role: 'unknown', text: 'Hi Ana, customs asked for the commercial invoice; I have sent it to them this morning.' },
          { role: 'customer', text: 'Thanks Nina. Will I get a tracking update once it is released?' },
        ],
      });
      expect(front.findTicketRoot(second())?.textContent).not.toContain('Invoice address change');
      // What this source does not show is reported, not invented.
      expect(diagnostics.filter((d) => !d.ok).map((d) => d.field)).toEqual(['customerKey', 'status', 'channel', 'tags']);
      // The pane's one editable box is the reply editor: found by the adapter, no generic fallback needed.
      expect(front.findComposer(second())?.getAttribute('aria-label')).toBe('Reply');
      expect(diagnostics.find((d) => d.field === 'subject')?.source).toBe('[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] > div > span');
    });

    it('counts a message once when its sender details sit in a nested wrapper', () => {
      // An outer message element ([role="article"]) around the element that holds the sender details.
      const html = fixtureHtml('front/second-source.html')
        .replace('<div>\n      <div class="messageViewerRecipient__StyledDetailsWrapperDiv-sc-1z03g13-1 fGhJkL"><div>Nina Park</div>', '<div role="article"><div>\n      <div class="messageViewerRecipient__StyledDetailsWrapperDiv-sc-1z03g13-1 fGhJkL"><div>Nina Park</div>')
        .replace('sent it to them this morning.</div>', 'sent it to them this morning.</div></div>');
      expect(html).toContain('<div role="article">');
      expect(front.read(parseHtml(html), URL2).context?.messages).toHaveLength(3);
    });
  });
});
