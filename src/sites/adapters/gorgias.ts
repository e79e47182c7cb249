/**
 * Gorgias (SUB.gorgias.com/app), React with CSS-module class names `File--local--hash` (the app's build
 * names them `[name]--[local]--[hash:base64:5]`), matched by the stable `File--local` prefix. One ticket is
 * rendered at a time (React re-renders it on a switch), so the ticket id comes from the URL and the root is
 * the ticket page with its customer panel.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code] from the Gorgias helpdesk web app's own source (public in the history of
 * ines-parreira/prototypes, apps/helpdesk; test/fixtures/gorgias/second-source.html): the URLs
 * `/app/tickets/<view>/<id>` (where newer accounts redirect), `/app/views/<view>/<id>` and `/app/ticket/<id>`;
 * the page `TicketDetailWithInfobar--container`; the subject input in `#TicketHeader`; status as the
 * `#change-status-button` ("Close" while open); tags `TicketTags--tags` > `Tag--text`; messages
 * `.ticket-message[data-testid="ticket-message-<id>"]` (`internal` on notes) with `MessageHeader--isAgent`
 * on agents' authors, text `.message-content`, channel icon `i.source-icon`; the Draft.js reply editor
 * `.public-DraftEditor-content`; the customer link `/app/customer/<id>` and `CustomerChannels` mailto links.
 * [code?]: `[aria-label="Ticket thread"]`, `MessageBubble--*` (ticket.html's source). Guesses: the
 * `data-testid` hooks for subject, status, tags, channel and customer, and the product field.
 * API: none used — Gorgias' REST API
 * (`/api/tickets/{id}`) is documented with an API key (Basic auth) or OAuth2 only
 * (developers.gorgias.com/docs/authentication); every public use found sends a key, none the agent's session.
 * (The web app's own reads of `/api/tickets/<id>/` also send an `X-CSRF-Token` taken from the page.)
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, $$, type Found, firstMatch, textOf } from '../dom';
import { idAttribute, tableAdapter } from '../table';

const HOST = /^[a-z0-9][a-z0-9-]*\.gorgias\.com$/;
const TICKET_PATH = /^\/app\/(?:ticket|views\/\d+|tickets\/\d+)\/(\d+)(?:\/|$)/;

const ROOT = ['[class*="TicketDetailWithInfobar--container"]', '[data-testid="ticket-view"]', '[class*="TicketDetailContainer--"]', '[class*="TicketView--"]'];
const THREAD = ['[aria-label="Ticket thread"]', '[class*="TicketBody--wrapper"]', '[class*="TicketView--ticketContent"]'];
const BUBBLE = '[class*="MessageBubble--messageBubble"], .ticket-message[data-testid^="ticket-message-"]';
const AUTHOR = '[class*="MessageHeader--author"]';
const SUBJECT = ['#TicketHeader input[placeholder="Subject"]', 'input[aria-label="Ticket subject"]', '[data-testid="ticket-subject"]', '[class*="TicketSubject--"]'];
const CUSTOMER = ['[aria-label="Breadcrumbs"] a[href*="/customer/"]', 'a[href*="/app/customer/"]', '[data-testid="customer-name"]'];
const EMAIL = ['[data-testid="customer-email"]', '[class*="CustomerChannels--customerChannel"] a[href^="mailto:"]', '[class*="CustomerInfo--"] a[href^="mailto:"]'];
const STATUS = ['[data-testid="ticket-status"]', '[class*="TicketStatus--"]'];
const CHANNEL = ['[data-testid="ticket-channel"]', '[class*="TicketChannel--"]'];
// `TicketTags--tag--` with its trailing `--`: without it the real `TicketTags--tags--` container matched,
// and a container's text is every tag plus each tag's "close" icon.
const TAGS = ['#TicketHeader [class*="TicketTags--tags"] [class*="Tag--text"]', '[data-testid="ticket-tags"] [class*="TicketTag--"]', '[class*="TicketTags--tag--"]'];
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
  if (/MessageBubble--(internal|note)/i.test(cls) || bubble.classList.contains('internal')) return 'internal';
  if (/MessageBubble--fromAgent/i.test(cls) || $(bubble, '[class*="MessageHeader--isAgent"]')) return 'agent';
  if (/MessageBubble--fromCustomer/i.test(cls)) return 'customer';
  const sender = textOf($(bubble, '[class*="MessageHeader--name"]')) || textOf($(bubble, AUTHOR));
  return sender && sender === customerName ? 'customer' : 'unknown';
}

/** Text of an element without its icon glyphs (material icons render their name as text: "check", "close"). */
function textWithoutIcons(el: Element): string {
  const icons = $$(el, '.material-icons, i').map((i) => i.textContent ?? '');
  let text = el.textContent ?? '';
  for (const icon of icons) text = text.replace(icon, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** The status button offers "Close" while the ticket is open and only a check icon once it is closed. */
function statusFromButton(root: Element): Found<string> | null {
  const box = $(root, '#change-status-button');
  if (!box) return null;
  const label = textWithoutIcons(box);
  if (/^close$/i.test(label)) return { value: 'open', source: '#change-status-button ("Close" offered)' };
  if (!label && /\bcheck\b/.test(box.textContent ?? '')) return { value: 'closed', source: '#change-status-button (reopen icon)' };
  return null;
}

/** Material icon names the message source icon shows, by channel (Gorgias' SourceIcon). */
const ICON_CHANNEL: Readonly<Record<string, string>> = { email: 'email', forward: 'email', forum: 'chat', sms: 'sms', phone: 'phone' };

/** The first public message's source icon names its channel (an image icon carries the channel in alt). */
function channelFromIcon(_root: Element, messages: readonly Element[]): Found<string> | null {
  for (const message of messages) {
    if (message.classList.contains('internal')) continue;
    const icon = $(message, '.source-icon');
    if (!icon) continue;
    const name = icon.tagName === 'IMG' ? (icon.getAttribute('alt') ?? '') : textOf(icon);
    const channel = icon.tagName === 'IMG' ? name : ICON_CHANNEL[name.toLowerCase()];
    return channel ? { value: channel, source: `.source-icon (${name.slice(0, 30)})` } : null;
  }
  return null;
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
  statusFallback: statusFromButton,
  channel: CHANNEL,
  channelFallback: channelFromIcon,
  tags: TAGS,
  product: PRODUCT,
  thread: THREAD,
  message: BUBBLE,
  messageBody: ['[class*="MessageBody--"]', '.message-content'],
  roleOf,
  composer: COMPOSER,
  // The reply editor is contenteditable (Draft.js): execCommand fires the beforeinput it listens to.
  insertOrder: ['execCommand', 'paste-event'],
});
