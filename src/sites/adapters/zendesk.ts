/**
 * Zendesk Support, agent workspace (React + Garden). Several tickets stay in the DOM as tabs; only the
 * pane with `data-is-active="true"` is the one the agent sees, so every read is scoped to it.
 * Hooks: shared/reference/helpdesks.md (Zendesk section) — data-test-id attributes are Zendesk's own
 * test hooks and far more stable than class names.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code] (public extensions and time trackers): the `/agent/tickets/<id>` URL, the active pane
 * (`[data-is-active="true"]`, `data-side-conversations-anchor-id`), subject `omni-header-subject`, tags, via
 * label, `omni-log-container` articles, sender and internal-note markers; the composer's older class.
 * Verified [docs]: the ticket API `/api/v2/tickets/{id}.json?include=users` with the agent's session (GET
 * needs no CSRF token) — see zendesk-api.ts; it gives the requester's e-mail, status, tags and channel.
 * [code?]: the requester menu hook, the CKEditor composer test id. Guesses: the status badge test ids (the
 * API covers status), `data-requester-email`/`data-requester-id`, `data-test-author-type`.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, $$, type Found, firstMatch, firstText, textOf } from '../dom';
import { idAttribute, tableAdapter } from '../table';
import { zendeskApi } from './zendesk-api';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)/;

const ACTIVE_PANE = [
  '.ticket-panes-grid-layout[data-is-active="true"]',
  '[data-side-conversations-anchor-id][data-is-active="true"]',
  '[data-is-active="true"] [data-side-conversations-anchor-id]',
  '[data-is-active="true"]',
];
const SUBJECT = ['input[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-subject"]'];
const REQUESTER = [
  '[data-test-id="ticket-system-field-requester-menu"]',
  '[data-test-id="ticket-system-field-requester-select"]',
  '[data-test-id="omni-log-item-sender"]',
];
const STATUS = [
  '[data-test-id="ticket-status-badge"]',
  '[data-test-id="status-badge-state"]',
  // Seen in holatuwol/liferay-zendesk-userscript (a second public source): the in-ticket status label.
  'span.ticket_status_label',
  '[data-cy-test-id="status-badge-state"]',
  '[data-test-id="ticket-system-field-status-select"]',
];
const CHANNEL = ['[data-test-id="omni-header-via-label"]', '[data-test-id="ticket-via-label"]'];
const TAGS = [
  '[data-test-id="ticket-fields-tags"] .garden-tag-item',
  '[data-test-id="ticket-system-field-tags-item-selected"]',
];
const PRODUCT = ['[data-test-id="ticket-form-field-product"] [data-garden-id="dropdowns.select"]', '[data-test-id="ticket-form-field-product"]'];
const LOG = ['[data-test-id="omni-log-container"]', '[data-test-id="conversation-log"]'];
const COMPOSER = [
  '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  '.ck-editor__editable[contenteditable="true"]',
  '.zendesk-editor--rich-text-comment[contenteditable="true"]',
  'textarea[data-test-id="omnicomposer-plain-text"]',
  // CKEditor 5's editable root carries role="textbox" whatever wrapper Zendesk puts around it.
  '[contenteditable="true"][role="textbox"]',
];
/** The header tab of a ticket (title + "#<id>" subtitle), as holatuwol/liferay-zendesk-userscript reads them. */
const HEADER_TAB = '[data-test-id="header-tab"]';

function roleOf(article: Element, requesterName: string): MessageRole {
  if ($(article, '[data-test-id="omni-log-internal-note-tag"]')) return 'internal';
  const sender = textOf($(article, '[data-test-id="omni-log-item-sender"]'));
  const kind = article.getAttribute('data-test-author-type') ?? article.getAttribute('data-author-role');
  if (kind) return /agent|admin|staff/i.test(kind) ? 'agent' : 'customer';
  return sender && requesterName && sender === requesterName ? 'customer' : 'unknown';
}

/**
 * The active pane; else (markup without `data-is-active`, as in holatuwol/liferay-zendesk-userscript, which
 * finds `div[data-side-conversations-anchor-id="<URL id>"]`) the pane the URL names, or the only pane.
 */
function paneOf(doc: Document): Element | null {
  const active = firstMatch(doc, ACTIVE_PANE)?.value;
  if (active) return active;
  const panes = $$(doc, 'div[data-side-conversations-anchor-id]');
  const urlId = TICKET_PATH.exec(doc.location?.pathname ?? '')?.[1];
  return panes.find((p) => p.getAttribute('data-side-conversations-anchor-id') === urlId) ?? (panes.length === 1 ? (panes[0] ?? null) : null);
}

/** The subject in the pane, else the title of the header tab whose subtitle names this pane's ticket. */
function subjectOf(pane: Element): Found<string> | null {
  const shown = firstText(pane, SUBJECT);
  if (shown) return shown;
  const id = pane.getAttribute('data-side-conversations-anchor-id');
  const tab = id ? $$(pane.ownerDocument, HEADER_TAB).find((t) => textOf($(t, '[data-test-id="header-tab-subtitle"]')) === `#${id}`) : undefined;
  const title = tab && textOf($(tab, '[data-test-id="header-tab-title"]'));
  return title ? { value: title, source: `${HEADER_TAB} (#id) header-tab-title` } : null;
}

/** The omni log; else (markup without its test ids) the element holding the pane's comment <article>s. */
function logOf(pane: Element): Found<Element> | null {
  const log = firstMatch(pane, LOG);
  if (log) return log;
  const parent = $(pane, 'article')?.parentElement;
  return parent ? { value: parent, source: 'parent of the pane\'s articles' } : null;
}

export const zendesk = tableAdapter({
  id: 'zendesk',
  label: 'Zendesk',
  hostPatterns: ['https://*.zendesk.com/*'],
  matches: (url) => /(^|\.)zendesk\.com$/.test(url.hostname) && url.pathname.startsWith('/agent'),
  ticketIdFromUrl: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  root: paneOf,
  // The active pane knows its own ticket id; the URL is the fallback (and lags during a tab switch).
  pageId(pane) {
    const id = pane.getAttribute('data-side-conversations-anchor-id') ?? $(pane, '[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id');
    return id ? { value: id, source: 'data-side-conversations-anchor-id' } : null;
  },
  subject: subjectOf,
  requester: REQUESTER,
  customerId: idAttribute(REQUESTER, 'data-requester-id'),
  status: STATUS,
  channel: CHANNEL,
  tags: TAGS,
  product: PRODUCT,
  thread: logOf,
  message: 'article',
  messageBody: ['[data-test-id="omni-log-message-content"]', '.zd-comment'],
  roleOf,
  composer: COMPOSER,
  // CKEditor 5 listens to beforeinput, which execCommand('insertText') fires like real typing.
  insertOrder: ['execCommand', 'paste-event', 'native-setter'],
  api: zendeskApi,
});
