/**
 * Freshdesk agent portal (Ember). One ticket is rendered at a time; switching tickets re-renders the
 * detail page in place (the side ticket list only holds summaries), so the root is the detail page and the
 * id is re-read from its breadcrumb. Hooks: shared/reference/helpdesks.md (Freshdesk) plus public userscripts
 * that read `data-test-id="conversation-wrapper"` items and the `.status-cards-container` status card.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `/a/tickets/<id>`, `#ticket-details`, subject headings, the breadcrumb number, tag
 * options, labelled "Product" power-select (Toggl, Clockify, TMetric). Verified [code] from a second source
 * (userscripts LauraSWP/scripts fd-quicktool.js and chrisrivero-dev/futurehub-sidecar
 * freshdesk_tampermonkey.user.js; test/fixtures/freshdesk/second-source.html): `[data-testid="ticket-subject"]`
 * (its text sits next to an "Add AI summary" control, so only the heading's own text is read — Toggl strips
 * child controls from `.ticket-subject-heading` too), `.ticket-description .text__content` with its
 * "<name> reported via <channel>" line, `.ticket_note[data-note-id]` notes, the contact card's
 * `.contacts_cardemail--text` mailto link, the Reply button `[data-test-id="ticket-action-reply"]`, the Froala
 * editor `.fr-element.fr-view`. [code?]: the conversation-wrapper items. Guesses: status via the
 * labelled-field pattern, how an agent's note is marked, the requester-info card hooks.
 * API: the agent UI's own `/api/_/tickets/{id}?include=requester` through the agent's session
 * (widely used by public userscripts; see freshdesk-api.ts): requester e-mail or id, subject, status, tags, source.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import { $, type Found, firstMatch, firstText, textOf } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { tableAdapter } from '../table';
import { freshdeskApi } from './freshdesk-api';

const TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d+)/;
const PAGE = ['.app-main-wrapper', '.page-ticket-details'];
const SUBJECT = ['.sentiment-ticket-heading', '.ticket-subject-heading', '[data-testid="ticket-subject"]', '[data-test-id="ticket-subject"]'];
const NUMBER = ['.breadcrumb__item.active', '[data-test-id="ticket-display-id"]'];
const CARD = ['[data-test-id="requester-info"]', '.contact-info'];
const EMAIL = ['.contacts_cardemail--text a[href^="mailto:"]'];
const REQUESTER = [
  '[data-test-id="requester-info"] [data-test-id="requester-name"]',
  '.contact-info .requester-name',
  '[data-test-id="ticket-description"] [data-test-id="user-name"]',
];
const STATUS = ['.status-cards-container [data-test-id="ticket-status"]', '[data-test-id="ticket-status"]'];
const CHANNEL = ['[data-test-id="ticket-description"] [data-test-id="conversation-status"]', '[data-test-id="ticket-source"]'];
const TAGS = ['.ticket-tags ul li .tag-options', '.ticket-tags .tag-options', '[data-test-id="ticket-tags"] li'];
const LOG = ['#ticket-details', '.ticket-details-wrapper', '.tickets-conversation-pane'];
/** Marks of a rendered ticket page when none of the LOG containers is there (the second source names none). */
const PAGE_MARKS = ['.ticket-description', '[data-testid="ticket-subject"]', 'button[data-test-id="ticket-action-reply"]'];
const ITEMS = '[data-test-id="ticket-description"], [data-test-id="conversation-wrapper"], .ticket-description, .ticket_note[data-note-id]';
const BODY = ['[data-test-conversation="conversation-text"]', '#ticket_original_request', '.ticket_note', '.text-content-wrapper', '.text__content'];
const SELECTED = '.ember-power-select-selected-item';
const COMPOSER = [
  '.fr-element.fr-view[contenteditable="true"]',
  '[data-test-id="reply-editor"] [contenteditable="true"]',
  '#reply-editor [contenteditable="true"]',
];

function rootOf(doc: Document): Element | null {
  const details = $(doc, '#ticket-details') ?? $(doc, '.ticket-details-wrapper');
  if (!details) {
    // A ticket page without those containers: its own marks prove the ticket, the page is the root.
    const mark = firstMatch(doc, PAGE_MARKS)?.value;
    return mark ? (mark.closest([...PAGE, 'main', '[role="main"]'].join(', ')) ?? doc.body) : null;
  }
  for (const sel of PAGE) {
    const page = details.closest(sel);
    if (page) return page;
  }
  return details;
}

/** An element's text without what matches `skip` (the controls in a heading, the body under a header line). */
function textWithout(el: Element, skip: string): string {
  let text = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches(skip)) text += textWithout(node as Element, skip);
  }
  return text;
}

/** A heading's own text, without the controls inside it ("Add AI summary", edit buttons). */
const headingText = (el: Element): string => textWithout(el, 'button, [role="button"], svg, script, style');

function subjectOf(root: Element): Found<string> | null {
  for (const sel of SUBJECT) {
    const el = $(root, sel);
    const value = el ? cleanText(headingText(el), LIMITS.field) : '';
    if (value) return { value, source: sel };
  }
  return null;
}

/** "<name> reported via <channel>": the description's own line names the requester and the channel. */
const REPORTED = /^\s*(.+?)\s+reported via\s+(?:the\s+)?([a-z]+)/i;
const reportedLine = (root: Element): RegExpExecArray | null => {
  const description = root.matches('.ticket-description') ? root : $(root, '.ticket-description');
  // Only the line around the message body: the customer's own words can say "X reported via Y" too.
  const line = description ? cleanText(textWithout(description, BODY.join(', ')), 200) : '';
  return REPORTED.exec(line);
};

function requesterOf(scope: Element): Found<string> | null {
  const own = firstText(scope, REQUESTER);
  if (own) return own;
  const name = reportedLine(scope)?.[1];
  return name ? { value: cleanText(name, 120), source: '.ticket-description ("<name> reported via")' } : null;
}

function roleOf(item: Element, requester: string): MessageRole {
  const box = item.closest('.ticket-details__item') ?? item;
  const cls = `${item.getAttribute('class') ?? ''} ${box.getAttribute('class') ?? ''}`;
  const kind = textOf($(item, '[data-test-id="conversation-status"]'));
  if (/privatenote/.test(cls) || /private note/i.test(kind)) return 'internal';
  if (item.hasAttribute('data-test-is-agent') || $(item, '[data-test-is-agent]')) return 'agent';
  if (/requestor/.test(cls)) return 'customer';
  // The description the requester "reported" is theirs (an agent's outbound ticket says otherwise).
  if (item.matches('.ticket-description') && reportedLine(item)?.[1] === requester && requester) return 'customer';
  const author = textOf($(item, '[data-test-id="user-name"]'));
  // A different name is not proof of an agent (CC'd people, renamed customers): unknown, never the agent.
  return author && author === requester ? 'customer' : 'unknown';
}

/** A note inside a conversation item is the same message: keep the outer item only. */
const outermost = (items: Element[]): Element[] => items.filter((el) => !items.some((other) => other !== el && other.contains(el)));

export const freshdesk = tableAdapter({
  id: 'freshdesk',
  label: 'Freshdesk',
  hostPatterns: ['https://*.freshdesk.com/*'],
  matches: (url) => /(^|\.)freshdesk\.com$/.test(url.hostname) && /^\/(a|helpdesk)\//.test(url.pathname),
  ticketIdFromUrl: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  root: rootOf,
  // The breadcrumb belongs to the rendered ticket; the URL is the fallback (and the same on a fresh load).
  pageId(root) {
    const id = idIn(firstText(root, NUMBER)?.value, /#?\s*(\d+)/);
    return id ? { value: id, source: 'breadcrumb' } : null;
  },
  subject: subjectOf,
  customerScope: CARD,
  requester: requesterOf,
  email: EMAIL,
  status: STATUS,
  statusFallback: (root) => textFound(labelledField(root, '.label-field', /^status$/i, SELECTED)),
  channel: CHANNEL,
  channelFallback: (root) => {
    const via = reportedLine(root)?.[2];
    return via ? { value: via, source: '.ticket-description ("reported via <channel>")' } : null;
  },
  tags: TAGS,
  product: (scope) => textFound(labelledField(scope.closest('#ticket-details, .app-main-wrapper, .page-ticket-details') ?? scope, '.label-field', /^product$/i, SELECTED)),
  // The conversation containers, else (a page without them) the page itself holds the description and notes.
  thread: (root) => {
    const log = firstMatch(root, LOG) ?? (LOG.some((sel) => root.matches(sel)) ? { value: root, source: 'ticket root' } : null);
    return log ?? ($(root, '.ticket-description, .ticket_note[data-note-id]') ? { value: root, source: 'ticket page' } : null);
  },
  message: ITEMS,
  orderMessages: outermost,
  messageBody: BODY,
  roleOf,
  composer: COMPOSER,
  api: freshdeskApi,
  // Froala applies execCommand('insertText') and paste events through its own input pipeline (by element type).
});
