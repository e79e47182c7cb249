/**
 * Freshdesk agent portal (Ember). One ticket is rendered at a time; switching tickets re-renders the
 * detail page in place (the side ticket list only holds summaries), so the root is the detail page and the
 * id is re-read from its breadcrumb. Hooks: shared/reference/helpdesks.md (Freshdesk) plus public userscripts
 * that read `data-test-id="conversation-wrapper"` items and the `.status-cards-container` status card.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `/a/tickets/<id>`, `#ticket-details`, subject headings, the breadcrumb number, tag
 * options, labelled "Product" power-select. [code?]: Froala composer `.fr-element.fr-view`, the
 * conversation-wrapper items. Guesses: status via the labelled-field pattern, requester mailto in the
 * contact card. API: the agent UI's own `/api/_/tickets/{id}?include=requester` through the agent's session
 * (widely used by public userscripts; see freshdesk-api.ts): requester e-mail or id, subject, status, tags, source.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, firstText, textOf } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { tableAdapter } from '../table';
import { freshdeskApi } from './freshdesk-api';

const TICKET_PATH = /^\/(?:a|helpdesk)\/tickets\/(\d+)/;
const PAGE = ['.app-main-wrapper', '.page-ticket-details'];
const SUBJECT = ['.sentiment-ticket-heading', '.ticket-subject-heading', '[data-test-id="ticket-subject"]'];
const NUMBER = ['.breadcrumb__item.active', '[data-test-id="ticket-display-id"]'];
const CARD = ['[data-test-id="requester-info"]', '.contact-info'];
const REQUESTER = [
  '[data-test-id="requester-info"] [data-test-id="requester-name"]',
  '.contact-info .requester-name',
  '[data-test-id="ticket-description"] [data-test-id="user-name"]',
];
const STATUS = ['.status-cards-container [data-test-id="ticket-status"]', '[data-test-id="ticket-status"]'];
const CHANNEL = ['[data-test-id="ticket-description"] [data-test-id="conversation-status"]', '[data-test-id="ticket-source"]'];
const TAGS = ['.ticket-tags ul li .tag-options', '.ticket-tags .tag-options', '[data-test-id="ticket-tags"] li'];
const LOG = ['#ticket-details', '.ticket-details-wrapper', '.tickets-conversation-pane'];
const ITEMS = '[data-test-id="ticket-description"], [data-test-id="conversation-wrapper"]';
const BODY = ['[data-test-conversation="conversation-text"]', '#ticket_original_request', '.ticket_note', '.text-content-wrapper'];
const SELECTED = '.ember-power-select-selected-item';
const COMPOSER = [
  '.fr-element.fr-view[contenteditable="true"]',
  '[data-test-id="reply-editor"] [contenteditable="true"]',
  '#reply-editor [contenteditable="true"]',
];

function rootOf(doc: Document): Element | null {
  const details = $(doc, '#ticket-details') ?? $(doc, '.ticket-details-wrapper');
  if (!details) return null;
  for (const sel of PAGE) {
    const page = details.closest(sel);
    if (page) return page;
  }
  return details;
}

function roleOf(item: Element, requester: string): MessageRole {
  const box = item.closest('.ticket-details__item') ?? item;
  const cls = `${item.getAttribute('class') ?? ''} ${box.getAttribute('class') ?? ''}`;
  const kind = textOf($(item, '[data-test-id="conversation-status"]'));
  if (/privatenote/.test(cls) || /private note/i.test(kind)) return 'internal';
  if (item.hasAttribute('data-test-is-agent') || $(item, '[data-test-is-agent]')) return 'agent';
  if (/requestor/.test(cls)) return 'customer';
  const author = textOf($(item, '[data-test-id="user-name"]'));
  // A different name is not proof of an agent (CC'd people, renamed customers): unknown, never the agent.
  return author && author === requester ? 'customer' : 'unknown';
}

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
  subject: SUBJECT,
  customerScope: CARD,
  requester: REQUESTER,
  status: STATUS,
  statusFallback: (root) => textFound(labelledField(root, '.label-field', /^status$/i, SELECTED)),
  channel: CHANNEL,
  tags: TAGS,
  product: (scope) => textFound(labelledField(scope.closest('#ticket-details, .app-main-wrapper, .page-ticket-details') ?? scope, '.label-field', /^product$/i, SELECTED)),
  thread: LOG,
  message: ITEMS,
  messageBody: BODY,
  roleOf,
  composer: COMPOSER,
  api: freshdeskApi,
  // Froala applies execCommand('insertText') and paste events through its own input pipeline (by element type).
});
