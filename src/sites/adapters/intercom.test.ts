// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { intercom } from './intercom';

const ID_A = '215467823901234';
const ID_B = '215467823900871';
const URL_A = new URL(`https://app.intercom.com/a/inbox/x7k2p9qd/inbox/shared/all/conversation/${ID_A}`);
const ID_2026 = '215467823955510';
const URL_2026 = new URL(`https://app.intercom.com/a/inbox/x7k2p9qd/inbox/shared/all/conversation/${ID_2026}`);
const URLS = {
  positive: [
    [URL_A.href, ID_A],
    [`https://app.eu.intercom.com/a/inbox/x7k2p9qd/inbox/admin/5521/conversation/${ID_B}?view=List`, ID_B],
    ['https://app.au.intercom.com/a/apps/x7k2p9qd/inbox/inbox/conversations/1234567', '1234567'],
    ['https://app.intercom.com/a/inbox/x7k2p9qd/inbox/shared/all', null],
  ],
  negative: [
    `https://www.intercom.com/a/inbox/x7k2p9qd/inbox/shared/all/conversation/${ID_A}`,
    `https://app.intercom.com.evil.io/a/inbox/x7k2p9qd/inbox/conversation/${ID_A}`,
    `https://evilapp.intercom.com/a/inbox/x/inbox/conversation/${ID_A}`,
    'https://app.intercom.com/admins/sign_in',
  ],
} as const;

/** Does what the fixture's script does on a list click: Ember re-renders the conversation space. */
function switchTo(doc: Document, id: string): void {
  const space = doc.querySelector('[data-intercom-target="conversation-space"]')!;
  const tpl = doc.getElementById(`conversation-${id}`) as HTMLTemplateElement;
  space.replaceChildren(tpl.content.cloneNode(true));
}

describe('intercom adapter', () => {
  it('matches inbox URLs on the three regional hosts and takes the conversation id', () => {
    for (const [url, id] of URLS.positive) {
      expect(intercom.matches(new URL(url)), url).toBe(true);
      expect(intercom.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(intercom.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context of the open conversation', () => {
    const { context, diagnostics } = intercom.read(loadFixture('intercom/ticket.html'), URL_A);
    expect(context).toEqual({
      helpdesk: 'intercom',
      ticketId: ID_A,
      subject: 'CSV export stops at 1,000 contacts',
      requesterName: 'Lena Fischer',
      customerKey: 'lena.fischer@example.de',
      channel: 'chat',
      status: 'open',
      tags: ['export', 'csv', 'limits'],
      product: 'Contacts & Exports',
      messages: expect.any(Array),
    });
    // Bot part counts as agent; the system line (category 20) is not a message.
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'agent', 'internal', 'customer']);
    expect(context?.messages[4]?.text).toBe('That worked, thanks. Can I schedule that export to run every Monday?');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([]);
  });

  it('scopes to the conversation space, not the list previews, and follows a re-render', () => {
    const doc = loadFixture('intercom/ticket.html');
    expect(intercom.findTicketRoot(doc)?.textContent).not.toContain('Kwame');
    switchTo(doc, ID_B);
    const { context, diagnostics } = intercom.read(doc, URL_A);
    expect(context).toMatchObject({
      ticketId: ID_B,
      subject: 'Invite link expired for new teammate',
      requesterName: 'Kwame Mensah',
      customerKey: 'kwame@mensah-studio.example',
      channel: 'email',
      status: 'pending',
      tags: ['workspace-invites'],
      product: null,
    });
    expect(diagnostics.find((d) => d.field === 'channel')?.source).toBe('email metadata');
  });

  it('falls back to the first customer message and the user link when title and email are absent', () => {
    const html = fixtureHtml('intercom/ticket.html')
      .replace('<span data-intercom-target="conversation-title">CSV export stops at 1,000 contacts</span>', '')
      .replace('<dt>Email</dt><dd data-intercom-target="user-email">lena.fischer@example.de</dd>', '');
    const { context, diagnostics } = intercom.read(parseHtml(html), URL_A);
    expect(context?.subject).toMatch(/^Hi! When I export my contacts to CSV/);
    expect(context?.customerKey).toBe('6412c0f2e1b9a3001f7d21aa');
    expect(diagnostics.find((d) => d.field === 'subject')?.source).toBe('first message');
  });

  it('reports the missing status and still reads the rest', () => {
    const { context, diagnostics } = intercom.read(loadFixture('intercom/missing-field.html'), URL_A);
    expect(context?.status).toBe('other');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([{ field: 'status', ok: false }]);
    expect(context?.subject).toBe('CSV export stops at 1,000 contacts');
  });

  it('returns no context on a page that is not a conversation', () => {
    const page = parseHtml('<div data-intercom-target="conversation-list"><h2>Your inbox</h2></div>');
    const { context, diagnostics } = intercom.read(page, new URL('https://app.intercom.com/a/inbox/x7k2p9qd/inbox/shared/all'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
    expect(intercom.findComposer(page)).toBeNull();
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe\uFEFF${'A'.repeat(100_000)}`;
    const escaped = evil.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = fixtureHtml('intercom/ticket.html').replace('<span data-inbox-conversation-header-title>Lena Fischer</span>', `<span data-inbox-conversation-header-title>${escaped}</span>`);
    const { context } = intercom.read(parseHtml(html), URL_A);
    expect(context?.requesterName.length).toBeLessThanOrEqual(300);
    expect(context?.requesterName).not.toMatch(/[\u202E\uFEFF]/);
    expect(context?.requesterName.startsWith('<img src=x onerror=alert(1)>gnp.exe')).toBe(true);
  });

  it('finds the ProseMirror composer and watches the stream', () => {
    const doc = loadFixture('intercom/ticket.html');
    expect(intercom.findComposer(doc)?.classList.contains('ProseMirror')).toBe(true);
    const targets = intercom.watchTargets?.(doc) ?? [];
    expect(targets.map((el) => el.hasAttribute('data-conversation-stream'))).toEqual([true, false]);
  });

  describe('the 2026 Tailwind inbox (second-source.html, another public source)', () => {
    it('reads parts without group ids, their roles from the author type, the header name, the e-mail marker and the composer', () => {
      const doc = loadFixture('intercom/second-source.html');
      const { context, diagnostics } = intercom.read(doc, URL_2026);
      expect(context).toMatchObject({
        ticketId: ID_2026,
        requesterName: 'Marta Kowalska',
        channel: 'email',
        customerKey: null, // this markup shows no e-mail address or user link: no key is invented
        // No title in this inbox: the first customer message stands in, as the inbox list shows it.
        subject: 'Hi, the webhook for new leads stopped firing yesterday evening.',
      });
      expect(context?.messages).toEqual([
        { role: 'customer', text: 'Hi, the webhook for new leads stopped firing yesterday evening.' },
        { role: 'agent', text: "Thanks Marta — the endpoint returned 410, so we paused it. I've re-enabled it now." },
        { role: 'customer', text: 'Confirmed, leads are coming through again. Thanks!' },
      ]);
      expect(diagnostics.find((d) => d.field === 'channel')?.source).toBe('email metadata');
      expect(diagnostics.filter((d) => !d.ok).map((d) => d.field)).toEqual(['customerKey', 'status', 'tags']);
      expect(intercom.findComposer(doc)?.classList.contains('embercom-prosemirror-composer-editor')).toBe(true);
    });

    it('takes roles from the bubble alignment when the author type is absent, and never guesses the agent', () => {
      const html = fixtureHtml('intercom/second-source.html').replace(/ data-author-type="\w+"/g, '');
      const { context } = intercom.read(parseHtml(html), URL_2026);
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
      const bare = html.replace(/ justify-(start|end)/g, '');
      expect(intercom.read(parseHtml(bare), URL_2026).context?.messages.map((m) => m.role)).toEqual(['unknown', 'unknown', 'unknown']);
    });

    it('counts a content part inside a part group once', () => {
      const html = fixtureHtml('intercom/ticket.html').replace(
        '<div class="intercom-interblocks-html"><p>That worked',
        '<div class="group/content-part"><div class="intercom-interblocks-html"><p>That worked',
      ).replace('every Monday?</p></div></div>', 'every Monday?</p></div></div></div>');
      const { context } = intercom.read(parseHtml(html), URL_A);
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'agent', 'internal', 'customer']);
    });
  });
});
