/**
 * Intercom inbox (Ember, "embercom"). One conversation is rendered next to the conversation list (which only
 * holds previews); opening another re-renders the conversation space, so the id is re-read from its
 * `data-conversation-id`. Message parts carry `data-part-group-category` (1 customer, 3 teammate, 4 note,
 * 5 bot, 20 system). Hooks: shared/reference/helpdesks.md (Intercom) and public inbox helpers.
 *
 * The 2026 Tailwind inbox (test/fixtures/intercom/second-source.html, from a public reply-assistant
 * extension's content script) has none of the `data-intercom-target` containers: the conversation pane is
 * found from its stream, parts are `[class*="group/content-part"]` without group ids, the sender is the
 * nearest `data-author-type` or the bubble's alignment (`justify-start` customer, `justify-end` teammate),
 * and an e-mail conversation marks its parts `.inbox-2__user-email-part`.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `[data-intercom-target="conversation-toolbar"]`, `[data-inbox-conversation-header-title]`
 * (both sources). [code?] (second source only, one extension's selectors): `[data-testid="conversation-stream-
 * scroll-container"]`, `.inbox-2__conversation-stream`, `.inbox-2__conversation-title`, `group/content-part`,
 * `data-author-type`, the justify-start/-end alignment, `[class*="break-words"]`, `.inbox-2__user-email-part`,
 * `.embercom-prosemirror-composer-editor`. [code?] (first source): the conversation URL, `conversation-space`,
 * `[data-conversation-stream]`, part group categories, `.intercom-interblocks-html`, the ProseMirror
 * composer. Guesses: `data-conversation-id`, the e-mail link in the details sidebar, that a note in the 2026
 * inbox is told apart by anything (it is read as the teammate's). API: none used — the REST API (api.intercom.io, another origin) needs an access token
 * or OAuth (developers.intercom.com/docs/build-an-integration/learn-more/authentication/); the inbox's own
 * `/ember/…` JSON is undocumented and its only public use goes through the page's own Ember `$.ajax`.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanText } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import { $, firstMatch } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { tableAdapter } from '../table';

const CONVERSATION_PATH = /\/conversations?\/(\d+)/;
const HOSTS = new Set(['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']);
const ROOT = ['[data-intercom-target="conversation-space"]', '[data-conversation-id]'];
const SUBJECT = ['[data-intercom-target="conversation-title"]', '.conversation__card__title__text', '[data-conversation-title]'];
const REQUESTER = ['[data-inbox-conversation-header-title]', '[data-intercom-target="conversation-header-title"]', '.inbox-2__conversation-title'];
const DETAILS = ['[data-intercom-target="conversation-details"]', '[data-intercom-target="user-details"]'];
const EMAIL = ['[data-intercom-target="user-email"]', 'a[href^="mailto:"]'];
const STATUS = ['[data-intercom-target="conversation-state"]', '[data-conversation-state]'];
const CHANNEL = ['[data-intercom-target="conversation-channel"]', '[data-conversation-channel]'];
const EMAIL_MARKER = '.channels__inbox__email-metadata-container, [class*="email-metadata"], .inbox-2__user-email-part';
const TAGS = ['[data-intercom-target="conversation-tags"] [data-intercom-target="tag"]', '[data-intercom-target="conversation-tags"] .tag'];
/** The 2026 inbox's stream, which (unlike the classic one) sits in no conversation-space container. */
const STREAM_2026 = ['[data-testid="conversation-stream-scroll-container"]', '.inbox-2__conversation-stream'];
const STREAM = ['[data-conversation-stream]', ...STREAM_2026, '[class*="conversation-stream"]'];
/** Part groups (classic inbox), or the 2026 inbox's content parts, which carry no group id. */
const PARTS = '[data-part-group-id], [class*="group/content-part"]';
/** What the 2026 inbox's conversation pane holds besides its stream: the header title or the reply composer. */
const PANE_MARKS = '[data-inbox-conversation-header-title], .inbox-2__conversation-title, [data-conversation-reply-composer]';
const BODY = ['.intercom-interblocks-html', '.interblocks-html', '[class*="break-words"]'];
const COMPOSER = [
  '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
  '.embercom-prosemirror-composer-editor[contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
];

function roleOf(part: Element): MessageRole | null {
  const category = part.getAttribute('data-part-group-category');
  if (category === '1') return 'customer';
  if (category === '4') return 'internal';
  if (category === '3' || category === '5') return 'agent';
  if (category === '20') return null; // assignment / state-change lines are not messages
  // The 2026 inbox marks the sender on the bubble's row, not on the part itself.
  const author = part.closest('[data-author-type]')?.getAttribute('data-author-type') ?? '';
  if (/user|lead|customer|contact/i.test(author)) return 'customer';
  if (/admin|teammate|bot/i.test(author)) return 'agent';
  // Else the side the bubble sits on: customers left, teammates right. No side, no guess.
  const side = part.closest('.justify-start, .justify-end');
  return side ? (side.classList.contains('justify-end') ? 'agent' : 'customer') : 'unknown';
}

/**
 * The open conversation: its space (classic inbox), else (2026 inbox, no such container) the nearest ancestor
 * of the stream that also holds the header title or the composer — the pane, not the previews list beside it.
 */
function conversationRoot(doc: Document): Element | null {
  const space = firstMatch(doc, ROOT)?.value;
  if (space) return space;
  const stream = firstMatch(doc, STREAM_2026)?.value;
  for (let el = stream?.parentElement; el; el = el.parentElement) if ($(el, PANE_MARKS)) return el;
  return null;
}

/** A content part nested in a part group is one message, not two: keep the outermost match. */
function outermost(items: Element[]): Element[] {
  return items.filter((el) => !items.some((other) => other !== el && other.contains(el)));
}

export const intercom = tableAdapter({
  id: 'intercom',
  label: 'Intercom',
  hostPatterns: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  matches: (url) => HOSTS.has(url.hostname) && url.pathname.startsWith('/a/'),
  ticketIdFromUrl: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  root: conversationRoot,
  pageId(root) {
    const holder = root.hasAttribute('data-conversation-id') ? root : $(root, '[data-conversation-id]');
    const id = idIn(holder?.getAttribute('data-conversation-id'), /^(\d+)$/);
    return id ? { value: id, source: 'data-conversation-id' } : null;
  },
  subject: SUBJECT,
  // Chats often have no title; the first customer message is what the inbox list shows instead.
  subjectFallback(messages) {
    const ask = messages.find((m) => m.role === 'customer')?.text;
    return ask ? { value: cleanText(ask, 120), source: 'first message' } : null;
  },
  customerScope: DETAILS,
  requester: REQUESTER,
  email: EMAIL,
  customerId(details) {
    const id = idIn($(details, 'a[href*="/users/"]')?.getAttribute('href'), /\/users\/([\w-]+)/);
    return id ? { value: id, source: 'user link' } : null;
  },
  status: STATUS,
  channel: CHANNEL,
  channelFallback: (root) => ($(root, EMAIL_MARKER) ? { value: 'email', source: 'email metadata' } : { value: 'chat', source: 'default' }),
  tags: TAGS,
  product: (details) => textFound(labelledField(details, 'dt', /^product$/i, 'dd')),
  thread: STREAM,
  message: PARTS,
  orderMessages: outermost,
  messageBody: BODY,
  roleOf,
  composer: COMPOSER,
  // ProseMirror maps execCommand('insertText') (beforeinput) and paste events onto its own transactions.
});
