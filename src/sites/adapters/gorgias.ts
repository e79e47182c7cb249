/**
 * Gorgias (SUB.gorgias.com/app), React with CSS-module class names `Component--class--hash`, matched by the
 * stable `Component--class` prefix. One ticket is rendered at a time (React re-renders it on a switch), so
 * the ticket id comes from the URL and the root is the ticket view around `[aria-label="Ticket thread"]`.
 * Hooks: shared/reference/helpdesks.md (Gorgias) plus the thread/bubble/customer-link hooks named in the
 * report; subject, status, tags, channel and composer hooks are guesses with fallbacks.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: the `/app/views/<view>/<id>` and `/app/ticket/<id>` URLs. Guesses: every DOM hook (thread,
 * bubbles, customer link, subject, status, tags, channel, composer). API: none used — Gorgias' REST API
 * (`/api/tickets/{id}`) is documented with an API key (Basic auth) or OAuth2 only
 * (developers.gorgias.com/docs/authentication); every public use found sends a key, none the agent's session.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, firstMatch, textOf } from '../dom';
import { idAttribute, tableAdapter } from '../table';

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
  return sender && sender === customerName ? 'customer' : 'unknown';
}

export const gorgias = tableAdapter({
  id: 'gorgias',
  label: 'Gorgias',
  hostPatterns: ['https://*.gorgias.com/*'],
  matches: (url) => HOST.test(url.hostname) && /^\/app(\/|$)/.test(url.pathname),
  // One ticket is rendered at a time, so the URL's id is the page's.
  ticketIdFromUrl: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  root: rootOf,
  subject: SUBJECT,
  requester: CUSTOMER,
  email: EMAIL,
  customerId: idAttribute(CUSTOMER, 'href', /\/customer\/(\d+)/),
  status: STATUS,
  channel: CHANNEL,
  tags: TAGS,
  product: PRODUCT,
  thread: THREAD,
  message: BUBBLE,
  messageBody: ['[class*="MessageBody--"]'],
  roleOf,
  composer: COMPOSER,
  // The reply editor is contenteditable (Draft.js): execCommand fires the beforeinput it listens to.
  insertOrder: ['execCommand', 'paste-event'],
});
