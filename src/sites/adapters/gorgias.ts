/**
 * Gorgias (SUB.gorgias.com/app), React with CSS-module class names `Component--class--hash`, matched by the
 * stable `Component--class` prefix. One ticket is rendered at a time (React re-renders it on a switch), so
 * the ticket id comes from the URL and the root is the ticket view around `[aria-label="Ticket thread"]`.
 * Hooks: shared/reference/helpdesks.md (Gorgias) plus the thread/bubble/customer-link hooks named in the
 * report; subject, status, tags, channel and composer hooks are guesses with fallbacks.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: the `/app/views/<view>/<id>` and `/app/ticket/<id>` URLs. Guesses: every DOM hook (thread,
 * bubbles, customer link, subject, status, tags, channel, composer). API: none used — Gorgias' REST API is
 * documented with API-key Basic auth, not the agent's session.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole, TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, firstMatch, firstText, textOf } from '../dom';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

const HOST = /^[a-z0-9][a-z0-9-]*\.gorgias\.com$/;
const TICKET_PATH = /^\/app\/(?:ticket|views\/\d+)\/(\d+)/;

const ROOT = ['[data-testid="ticket-view"]', '[class*="TicketDetailContainer--"]', '[class*="TicketView--"]'];
const THREAD = ['[aria-label="Ticket thread"]'];
const BUBBLE = '[class*="MessageBubble--messageBubble"]';
const SUBJECT = ['input[aria-label="Ticket subject"]', '[data-testid="ticket-subject"]', '[class*="TicketSubject--"]'];
const CUSTOMER = ['[aria-label="Breadcrumbs"] a[href*="/customer/"]', 'a[href*="/app/customer/"]', '[data-testid="customer-name"]'];
const EMAIL = ['[data-testid="customer-email"]', '[class*="CustomerInfo--"] a[href^="mailto:"]'];
const STATUS = ['[data-testid="ticket-status"]', '[class*="TicketStatus--"]'];
const CHANNEL = ['[data-testid="ticket-channel"]', '[class*="TicketChannel--"]'];
const TAGS = ['[data-testid="ticket-tags"] [class*="TicketTag--"]', '[class*="TicketTags--tag"]'];
const PRODUCT = ['[class*="CopyableField"]:has(button[aria-label="Copy product title"]) [data-name="text"]', '[data-testid="order-product-title"]'];
const COMPOSER = [
  '.public-DraftEditor-content[contenteditable="true"]',
  '[data-testid="ticket-reply-editor"] [contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
];

function rootOf(doc: Document): Element | null {
  const root = firstMatch(doc, ROOT)?.value;
  if (root) return root;
  const thread = firstMatch(doc, THREAD)?.value;
  return thread ? (thread.closest('main') ?? thread.parentElement) : null;
}

function roleOf(bubble: Element, customerName: string): MessageRole {
  const cls = bubble.getAttribute('class') ?? '';
  if (/MessageBubble--(internal|note)/i.test(cls)) return 'internal';
  if (/MessageBubble--fromAgent/i.test(cls)) return 'agent';
  if (/MessageBubble--fromCustomer/i.test(cls)) return 'customer';
  const sender = textOf($(bubble, '[class*="MessageHeader--name"]'));
  return sender && sender === customerName ? 'customer' : 'agent';
}

export const gorgias: SiteAdapter = {
  id: 'gorgias',
  label: 'Gorgias',
  hostPatterns: ['https://*.gorgias.com/*'],
  matches: (url) => HOST.test(url.hostname) && /^\/app(\/|$)/.test(url.pathname),
  ticketIdFromUrl: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  findTicketRoot: rootOf,
  findComposer(doc) {
    const root = rootOf(doc);
    return root ? ((firstMatch(root, COMPOSER)?.value as HTMLElement | undefined) ?? null) : null;
  },
  watchTargets(doc) {
    const root = rootOf(doc);
    const thread = root ? firstMatch(root, THREAD)?.value : undefined;
    return [thread, root].filter((el): el is Element => !!el);
  },
  read(doc, url) {
    const d = new Diagnostics();
    const root = rootOf(doc);
    const ticketId = cleanText(TICKET_PATH.exec(url.pathname)?.[1], 40);
    if (root && ticketId) d.ok('ticketId', 'url');
    else d.fail('ticketId');
    if (!root || !ticketId) {
      for (const f of ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const) d.fail(f);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', firstText(root, SUBJECT)) ?? '';
    const customer = firstMatch(root, CUSTOMER);
    const requesterName = d.note('requester', firstText(root, CUSTOMER)) ?? '';
    const email = exactEmail(firstText(root, EMAIL)?.value ?? '');
    const customerId = /\/customer\/(\d+)/.exec(customer?.value.getAttribute('href') ?? '')?.[1];
    const customerKey = email ?? customerId ?? null;
    d.note('customerKey', customerKey ? { value: customerKey, source: email ? (firstMatch(root, EMAIL)?.source ?? 'email') : 'customer link' } : null);
    const status = toStatus(d.note('status', firstText(root, STATUS)));
    const channel = toChannel(d.note('channel', firstText(root, CHANNEL)));
    const tagFound = firstMatch(root, TAGS);
    const tags = tagFound ? cleanTags($$(root, tagFound.source).map((el) => el.textContent ?? '')) : [];
    d.note('tags', tagFound);
    const product = firstText(root, PRODUCT)?.value ?? null;
    const thread = firstMatch(root, THREAD);
    const messages: TicketMessage[] = [];
    for (const bubble of $$(thread?.value ?? root, BUBBLE).slice(-LIMITS.messages)) {
      const text = textOf($(bubble, '[class*="MessageBody--"]') ?? bubble, LIMITS.messageText);
      if (text) messages.push({ role: roleOf(bubble, requesterName), text });
    }
    d.note('messages', thread && messages.length ? thread : null);
    d.note('composer', firstMatch(root, COMPOSER));
    return {
      context: { helpdesk: 'gorgias', ticketId, subject, requesterName, customerKey, channel, status, tags, product, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // The reply editor is contenteditable (Draft.js): execCommand fires the beforeinput it listens to.
    return insertInto(this.findComposer(doc), text, ['execCommand', 'paste-event']);
  },
};
