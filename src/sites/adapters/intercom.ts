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
 * the details sidebar. API: none used — the inbox's own `/ember/…` JSON endpoints are undocumented.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole, TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, firstMatch, firstText, textOf } from '../dom';
import { asHtml, failFields, idIn, insertOrder, labelledField, noteComposer, noteTags, textFound } from '../dom-extra';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

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

function rootOf(doc: Document): Element | null {
  return firstMatch(doc, ROOT)?.value ?? null;
}

function roleOf(part: Element): MessageRole | null {
  const category = part.getAttribute('data-part-group-category');
  if (category === '1') return 'customer';
  if (category === '4') return 'internal';
  if (category === '3' || category === '5') return 'agent';
  if (category === '20') return null; // assignment / state-change lines are not messages
  return /user|lead|customer|contact/i.test(part.getAttribute('data-author-type') ?? '') ? 'customer' : 'agent';
}

function readMessages(stream: Element): TicketMessage[] {
  const messages: TicketMessage[] = [];
  for (const part of $$(stream, PARTS).slice(-LIMITS.messages)) {
    const role = roleOf(part);
    const text = role ? textOf(firstMatch(part, BODY)?.value ?? part, LIMITS.messageText) : '';
    if (role && text) messages.push({ role, text });
  }
  return messages;
}

export const intercom: SiteAdapter = {
  id: 'intercom',
  label: 'Intercom',
  hostPatterns: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  matches: (url) => HOSTS.has(url.hostname) && url.pathname.startsWith('/a/'),
  ticketIdFromUrl: (url) => CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null,
  findTicketRoot: rootOf,
  findComposer(doc) {
    const root = rootOf(doc);
    return root ? asHtml(firstMatch(root, COMPOSER)?.value) : null;
  },
  watchTargets(doc) {
    const root = rootOf(doc);
    if (!root) return [];
    const stream = firstMatch(root, STREAM)?.value;
    return stream ? [stream, root] : [root];
  },
  read(doc, url) {
    const d = new Diagnostics();
    const root = rootOf(doc);
    const holder = root?.hasAttribute('data-conversation-id') ? root : root && $(root, '[data-conversation-id]');
    const domId = idIn(holder?.getAttribute('data-conversation-id'), /^(\d+)$/);
    const ticketId = cleanText(domId ?? CONVERSATION_PATH.exec(url.pathname)?.[1], 40);
    if (ticketId) d.ok('ticketId', domId ? 'data-conversation-id' : 'url');
    else d.fail('ticketId');
    if (!root || !ticketId) {
      failFields(d, ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer']);
      return { context: null, diagnostics: d.list };
    }
    const stream = firstMatch(root, STREAM);
    const messages = stream ? readMessages(stream.value) : [];
    if (stream) d.ok('messages', stream.source);
    else d.fail('messages');
    // Chats often have no title; the first customer message is what the inbox list shows instead.
    const firstAsk = messages.find((m) => m.role === 'customer')?.text;
    const subjectFound = firstText(root, SUBJECT) ?? (firstAsk ? { value: cleanText(firstAsk, 120), source: 'first message' } : null);
    const subject = d.note('subject', subjectFound) ?? '';
    const requesterName = d.note('requester', firstText(root, REQUESTER)) ?? '';
    const details = firstMatch(root, DETAILS)?.value ?? root;
    const emailEl = firstMatch(details, EMAIL);
    const email = exactEmail(emailEl?.value.getAttribute('href') ?? '') ?? exactEmail(textOf(emailEl?.value));
    const userId = idIn($(details, 'a[href*="/users/"]')?.getAttribute('href'), /\/users\/([\w-]+)/);
    const customerKey = email ?? userId;
    if (customerKey) d.ok('customerKey', email ? (emailEl?.source ?? 'email') : 'user link');
    else d.fail('customerKey');
    const status = toStatus(d.note('status', firstText(root, STATUS)));
    const channelFound =
      firstText(root, CHANNEL) ?? ($(root, EMAIL_MARKER) ? { value: 'email', source: 'email metadata' } : { value: 'chat', source: 'default' });
    const channel = toChannel(d.note('channel', channelFound));
    const tags = noteTags(d, root, TAGS);
    const product = textFound(labelledField(details, 'dt', /^product$/i, 'dd'))?.value ?? null;
    noteComposer(d, firstMatch(root, COMPOSER));
    return {
      context: { helpdesk: 'intercom', ticketId, subject, requesterName, customerKey, channel, status, tags, product, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // ProseMirror maps execCommand('insertText') (beforeinput) and paste events onto its own transactions.
    const el = this.findComposer(doc);
    return insertInto(el, text, insertOrder(el));
  },
};
