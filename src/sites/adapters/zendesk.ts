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
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole, TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { zendeskApi } from './zendesk-api';
import { $, $$, Diagnostics, exactEmail, firstMatch, firstText, textOf } from '../dom';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

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
];

function paneOf(doc: Document): Element | null {
  return firstMatch(doc, ACTIVE_PANE)?.value ?? null;
}

function roleOf(article: Element, requesterName: string): MessageRole {
  if ($(article, '[data-test-id="omni-log-internal-note-tag"]')) return 'internal';
  const sender = textOf($(article, '[data-test-id="omni-log-item-sender"]'));
  const kind = article.getAttribute('data-test-author-type') ?? article.getAttribute('data-author-role');
  if (kind) return /agent|admin|staff/i.test(kind) ? 'agent' : 'customer';
  return sender && requesterName && sender === requesterName ? 'customer' : 'agent';
}

export const zendesk: SiteAdapter = {
  id: 'zendesk',
  label: 'Zendesk',
  hostPatterns: ['https://*.zendesk.com/*'],
  matches: (url) => /(^|\.)zendesk\.com$/.test(url.hostname) && url.pathname.startsWith('/agent'),
  ticketIdFromUrl: (url) => TICKET_PATH.exec(url.pathname)?.[1] ?? null,
  findTicketRoot: paneOf,
  api: zendeskApi,
  findComposer(doc) {
    const pane = paneOf(doc);
    return pane ? ((firstMatch(pane, COMPOSER)?.value as HTMLElement | undefined) ?? null) : null;
  },
  watchTargets(doc) {
    const pane = paneOf(doc);
    if (!pane) return [];
    const log = firstMatch(pane, LOG)?.value;
    return log ? [log, pane] : [pane];
  },
  read(doc, url) {
    const d = new Diagnostics();
    const pane = paneOf(doc);
    // The active pane knows its own ticket id; the URL is the fallback (and wins on a fresh page load).
    const paneId = pane?.getAttribute('data-side-conversations-anchor-id') ?? $(pane ?? doc, '[data-side-conversations-anchor-id]')?.getAttribute('data-side-conversations-anchor-id');
    const urlId = TICKET_PATH.exec(url.pathname)?.[1] ?? null;
    const ticketId = cleanText(paneId || urlId, 40);
    if (ticketId) d.ok('ticketId', paneId ? 'data-side-conversations-anchor-id' : 'url');
    else d.fail('ticketId');
    if (!pane || !ticketId) {
      for (const f of ['subject', 'requester', 'status', 'channel', 'tags', 'messages', 'composer'] as const) d.fail(f);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', firstText(pane, SUBJECT)) ?? '';
    const requesterRaw = d.note('requester', firstText(pane, REQUESTER)) ?? '';
    const requesterName = requesterRaw.replace(/<[^>]*>|\S+@\S+/g, '').trim() || requesterRaw;
    const requesterEl = firstMatch(pane, REQUESTER)?.value;
    const email = exactEmail(requesterEl?.getAttribute('data-requester-email')) ?? exactEmail(requesterRaw);
    const customerKey = email ?? (requesterEl?.getAttribute('data-requester-id') || null);
    if (customerKey) d.ok('customerKey', email ? 'requester email' : 'data-requester-id');
    else d.fail('customerKey');
    const status = toStatus(d.note('status', firstText(pane, STATUS)));
    const channel = toChannel(d.note('channel', firstText(pane, CHANNEL)));
    const tagEls = firstMatch(pane, TAGS);
    const tags = tagEls ? cleanTags($$(pane, tagEls.source).map((el) => el.textContent ?? '')) : [];
    if (tagEls) d.ok('tags', tagEls.source);
    else d.fail('tags');
    const product = firstText(pane, PRODUCT)?.value ?? null;
    const log = firstMatch(pane, LOG);
    const messages: TicketMessage[] = [];
    if (log) {
      d.ok('messages', log.source);
      const articles = $$(log.value, 'article');
      for (const article of articles.slice(-LIMITS.messages)) {
        const body = $(article, '[data-test-id="omni-log-message-content"]') ?? $(article, '.zd-comment') ?? article;
        const text = textOf(body, LIMITS.messageText);
        if (text) messages.push({ role: roleOf(article, requesterName), text });
      }
    } else d.fail('messages');
    const composer = firstMatch(pane, COMPOSER);
    if (composer) d.ok('composer', composer.source);
    else d.fail('composer');
    return {
      context: {
        helpdesk: 'zendesk',
        ticketId,
        subject,
        requesterName: cleanText(requesterName),
        customerKey,
        channel,
        status,
        tags,
        product,
        messages,
      },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // CKEditor 5 listens to beforeinput, which execCommand('insertText') fires like real typing.
    return insertInto(this.findComposer(doc), text, ['execCommand', 'paste-event', 'native-setter']);
  },
};
