/**
 * Intercom inbox (Ember, "embercom"). One conversation is rendered next to the conversation list (which only
 * holds previews); opening another re-renders the conversation space, so the id is re-read from its
 * `data-conversation-id`. Message parts carry `data-part-group-category` (1 customer, 3 teammate, 4 note,
 * 5 bot, 20 system). Hooks: shared/reference/helpdesks.md (Intercom) and public inbox helpers.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `[data-intercom-target="conversation-toolbar"]`, `[data-inbox-conversation-header-title]`.
 * [code?]: the conversation URL, `conversation-space`, `[data-conversation-stream]`, part group categories,
 * `.intercom-interblocks-html`, the ProseMirror composer. Guesses: `data-conversation-id`, the e-mail link in
 * the details sidebar. API: none used — the REST API (api.intercom.io, another origin) needs an access token
 * or OAuth (developers.intercom.com/docs/build-an-integration/learn-more/authentication/); the inbox's own
 * `/ember/…` JSON is undocumented and its only public use goes through the page's own Ember `$.ajax`.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanText } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import { $ } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { tableAdapter } from '../table';

const CONVERSATION_PATH = /\/conversations?\/(\d+)/;
const HOSTS = new Set(['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com']);
const ROOT = ['[data-intercom-target="conversation-space"]', '[data-conversation-id]'];
const SUBJECT = ['[data-intercom-target="conversation-title"]', '.conversation__card__title__text', '[data-conversation-title]'];
const REQUESTER = ['[data-inbox-conversation-header-title]', '[data-intercom-target="conversation-header-title"]'];
const DETAILS = ['[data-intercom-target="conversation-details"]', '[data-intercom-target="user-details"]'];
const EMAIL = ['[data-intercom-target="user-email"]', 'a[href^="mailto:"]'];
const STATUS = ['[data-intercom-target="conversation-state"]', '[data-conversation-state]'];
const CHANNEL = ['[data-intercom-target="conversation-channel"]', '[data-conversation-channel]'];
const EMAIL_MARKER = '.channels__inbox__email-metadata-container, [class*="email-metadata"]';
const TAGS = ['[data-intercom-target="conversation-tags"] [data-intercom-target="tag"]', '[data-intercom-target="conversation-tags"] .tag'];
const STREAM = ['[data-conversation-stream]', '[data-testid="conversation-stream-scroll-container"]', '[class*="conversation-stream"]'];
const PARTS = '[data-part-group-id]';
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
  const author = part.getAttribute('data-author-type') ?? '';
  return /user|lead|customer|contact/i.test(author) ? 'customer' : /admin|teammate|bot/i.test(author) ? 'agent' : 'unknown';
}


export const intercom = tableAdapter({
  id: 'intercom',
  label: 'Intercom',
  hostPatterns: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  matches: (url) => HOSTS.has(url.hostname) && url.pathname.startsWith('/a/'),
  ticketIdFromUrl: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  root: ROOT,
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
  messageBody: BODY,
  roleOf,
  composer: COMPOSER,
  // ProseMirror maps execCommand('insertText') (beforeinput) and paste events onto its own transactions.
});
