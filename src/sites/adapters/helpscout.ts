/**
 * Help Scout (React). One conversation is rendered beside the mailbox list; opening another re-renders it.
 * The URL is `/conversation/<id>/<number>`; the number is what agents see ("#48213"), so it is the ticket id.
 * Hooks: shared/reference/helpdesks.md (Help Scout) — `data-cy` test hooks and the subject's aria-label.
 * Thread kinds follow Help Scout's own vocabulary (customer, message, note, lineitem, chat, phone).
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `/conversation/<id>/<number>`, `[aria-label="Conversation Subject"]`, `[data-cy="Tag"]`,
 * header actions. Verified from a second public source (Maxr1998/userscripts, test/fixtures/helpscout/
 * second-source.html): the legacy thread container `#tkContent` and message bodies `section.messageBody`.
 * Guesses: thread items and kinds, the customer profile e-mail, the composer, the legacy `#mainCol` root
 * (the legacy layout's customer sidebar is not read: no public source names it). API: none
 * used — the Mailbox API 2.0 lives on another origin (api.helpscout.net) and needs an OAuth2 token
 * (developer.helpscout.com/mailbox-api/overview/authentication/); no public code reads the web app's JSON.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, firstMatch, firstText } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { tableAdapter } from '../table';

const CONVERSATION_PATH = /^\/conversation\/(\d+)(?:\/(\d+))?/;
const ROOT = ['[data-cy="Conversation"]', '#conversation-view', '#mainCol'];
const NUMBER = ['[data-cy="ConversationHeader.Number"]', '[data-cy="ConversationHeader"] [data-cy="Text"]'];
const SUBJECT = ['[aria-label="Conversation Subject"]', '[data-cy="EditableTextarea"]', '#subjectLine'];
const PROFILE = ['[data-cy="CustomerProfile"]', '[data-cy="Sidebar"]'];
const NAME = ['[data-cy="CustomerProfile.Name"]', '[data-cy="CustomerName"]'];
const STATUS = ['[data-cy="StatusDropdown"]', '[data-cy="ConversationHeader.Status"]'];
const CHANNEL = ['[data-cy="ConversationType"]'];
const TAGS = ['[data-cy="Tag"]', '.c-Tag'];
const THREADS = ['[data-cy="ThreadList"]', '#tkContent', '#threads'];
const ITEM = '[data-cy="ThreadItem"], .thread';
const BODY = ['[data-cy="ThreadItem.Body"]', '.thread-content', '.messageBody'];
const COMPOSER = [
  '[data-cy="ReplyEditor"] [contenteditable="true"]',
  '.redactor-editor[contenteditable="true"]',
  '[role="textbox"][contenteditable="true"]',
  '[data-cy="ReplyEditor"] textarea',
];

function rootOf(doc: Document): Element | null {
  return firstMatch(doc, ROOT)?.value ?? $(doc, '[data-cy="ConversationHeader.Actions"]')?.closest('main') ?? null;
}

function idFromUrl(url: URL): string | null {
  const m = CONVERSATION_PATH.exec(url.pathname);
  return m ? (m[2] ?? m[1] ?? null) : null;
}

function roleOf(item: Element): MessageRole | null {
  const kind = (item.getAttribute('data-thread-type') ?? '').toLowerCase();
  if (kind === 'lineitem') return null; // "Status changed to Pending" and similar lines
  if (kind === 'note') return 'internal';
  if (kind === 'customer') return 'customer';
  if (kind === 'message' || kind === 'reply') return 'agent';
  // chat / phone / forwards: who created the thread decides.
  const by = item.getAttribute('data-created-by') ?? '';
  return /customer/i.test(by) ? 'customer' : /user|agent/i.test(by) ? 'agent' : 'unknown';
}

/** Help Scout lists the newest thread first by default; put threads in time order when they all carry one. */
function chronological(items: Element[]): Element[] {
  const times = items.map((el) => Date.parse($(el, 'time[datetime]')?.getAttribute('datetime') ?? ''));
  if (times.some(Number.isNaN)) return items;
  return items.map((el, i) => ({ el, t: times[i] ?? 0 })).sort((a, b) => a.t - b.t).map((x) => x.el);
}

export const helpscout = tableAdapter({
  id: 'helpscout',
  label: 'Help Scout',
  hostPatterns: ['https://secure.helpscout.net/*'],
  matches: (url) => url.hostname === 'secure.helpscout.net' && CONVERSATION_PATH.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  root: rootOf,
  pageId(root) {
    const id = idIn(firstText(root, NUMBER)?.value, /#\s*(\d+)/);
    return id ? { value: id, source: 'conversation number' } : null;
  },
  subject: SUBJECT,
  customerScope: PROFILE,
  requester: NAME,
  email: ['a[href^="mailto:"]', '[data-cy="CustomerProfile.Email"]'],
  status: STATUS,
  channel: CHANNEL,
  // Help Scout is email-first: a conversation is email unless its threads say chat or phone.
  channelFallback(_root, items) {
    const kind = items.map((el) => el.getAttribute('data-thread-type') ?? '').find((k) => k === 'chat' || k === 'phone');
    return kind ? { value: kind, source: 'thread type' } : { value: 'email', source: 'default' };
  },
  tags: TAGS,
  product: (profile) => textFound(labelledField(profile, 'dt', /^product$/i, 'dd')),
  thread: THREADS,
  message: ITEM,
  messageBody: BODY,
  orderMessages: chronological,
  roleOf,
  composer: COMPOSER,
});
