// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../test/unit/fixture';
import { zendeskApi } from './adapters/zendesk-api';
import { exactEmail } from './dom';
import { composerNearSend, largestMessageList, subjectFromTitle } from './generic';
import { structuredEmail } from './markup-hints';

const el = (html: string): Element => parseHtml(`<body>${html}</body>`).body.firstElementChild as Element;

describe('customer identity from structured data only (issue 15 #6)', () => {
  it('never takes an address out of a display name', () => {
    expect(exactEmail('ceo@victim.example <me@x.com>')).toBeNull();
    expect(exactEmail('Maria Lopez <maria@example.com>')).toBeNull();
    expect(structuredEmail(el('<span>ceo@victim.example &lt;me@x.com&gt;</span>'))).toBeNull();
    expect(structuredEmail(el('<span title="ceo@victim.example">Maria</span>'))).toBeNull();
  });

  it('takes mailto links, e-mail data attributes and whole-address values', () => {
    expect(structuredEmail(el('<span>ceo@victim.example <a href="mailto:Me@X.com">me@x.com</a></span>'))).toEqual({ value: 'me@x.com', source: 'mailto link' });
    expect(structuredEmail(el('<div data-requester-email="maria@example.com">Maria</div>'))?.value).toBe('maria@example.com');
    expect(structuredEmail(el('<span> maria@example.com </span>'))?.value).toBe('maria@example.com');
    expect(exactEmail('<priya@example.net>')).toBe('priya@example.net');
  });

  it('an e-mail data attribute that holds a display string is not an address either', () => {
    expect(structuredEmail(el('<div data-email="ceo@victim.example <me@x.com>">x</div>'))).toBeNull();
  });

  it('the Zendesk API answer gives the requester’s e-mail, or the user id, never a display name', () => {
    const answer = (email: unknown) => ({ ticket: { id: 7, subject: 'S', requester_id: 5 }, users: [{ id: 5, name: 'ceo@victim.example <me@x.com>', email }] });
    expect(zendeskApi.parse(answer('Me@X.com'), '7')?.customerKey).toBe('me@x.com');
    expect(zendeskApi.parse(answer('ceo@victim.example <me@x.com>'), '7')?.customerKey).toBe('zendesk-user:5');
    expect(zendeskApi.parse(answer(null), '7')?.customerKey).toBe('zendesk-user:5');
    // An answer for another ticket (a stale or forged response) is ignored.
    expect(zendeskApi.parse(answer('me@x.com'), '8')).toBeNull();
    expect(zendeskApi.parse('<html>', '7')).toBeNull();
  });
});

describe('generic fallbacks', () => {
  it('subject from the title: ids, product and page words skipped', () => {
    expect(subjectFromTitle('Order arrived damaged – Ticket #4521 – Acme Support', 'Zendesk', '4521')).toBe('Order arrived damaged');
    expect(subjectFromTitle('#1042 Charged twice : Acme Payroll Support', 'Freshdesk', '1042')).toBe('Charged twice');
    expect(subjectFromTitle('(3) Inbox | Zendesk', 'Zendesk', '1')).toBeNull();
    expect(subjectFromTitle('00001026 | Case | Salesforce', 'Salesforce Service Console', '500x')).toBeNull();
    expect(subjectFromTitle('Lena Fischer | Inbox | Intercom', 'Intercom', '2', 'Lena Fischer')).toBeNull();
  });

  it('composer: the editable box nearest the send button, not another editable field', () => {
    const doc = parseHtml(`<main>
      <div class="notes"><div contenteditable="true" id="notes"></div><button>Save note</button></div>
      <div class="reply"><div class="wrap"><div contenteditable="true" id="reply"></div></div><div><button aria-label="Send"></button></div></div>
    </main>`);
    expect(composerNearSend(doc)?.id).toBe('reply');
  });

  it('thread: the list with the most message text, not the longer list of short links', () => {
    const doc = parseHtml(`<main><ul>${'<li><a href="#">Ticket 1</a></li>'.repeat(30)}</ul>
      <div class="t"><p class="m">First message with a real sentence in it.</p><p class="m m--agent">A reply with another sentence.</p></div></main>`);
    const list = largestMessageList(doc, null);
    expect(list?.items.map((e) => e.className)).toEqual(['m', 'm m--agent']);
  });
});
