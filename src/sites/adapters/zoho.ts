/**
 * Zoho Desk (desk.zoho.com and its regional hosts). The ticket detail view is
 * `.zd_v2-ticketdetailview-container` (2023+; `.zd-…` in 2022, `.ticket-DVPanel` before) and carries
 * `data-id="subTab_<internal id>"`; during a switch the previous ticket's container can still be in the DOM,
 * so the active one is the container the URL names, else the one that is not hidden. Zoho puts `data-id`
 * hooks on most nodes. Hooks: shared/reference/helpdesks.md (Zoho Desk); guesses are named in the report.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `.zd_v2-ticketdetailview-container`, the ticket-number text, `[data-id="caseSubjectText"]`.
 * [code?]: the `/agent/<portal>/<dept>/tickets/details/<id>` URL (internal record id, hence `urlIdMayDiffer`).
 * Guesses: older container classes, status/requester `data-id`s, the composer. API: none used — Zoho Desk's
 * API needs an OAuth token and an `orgId` header.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, type Found, firstMatch, firstText, textOf } from '../dom';
import { frameDocument, insertIntoAnyRealm } from '../dom-frames';
import { toChannel, toStatus } from '../normalize';

const HOSTS = ['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp'];
const DETAIL_PATH = /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)/;
const LEGACY_HASH = /^#Cases\/dv\/(\d+)/;

const ROOTS = ['.zd_v2-ticketdetailview-container', '.zd-ticketdetailview-container', '.ticket-DVPanel'];
const NUMBER = ['.zd_v2-ticketidwrapper-ticketId', '.zd_v2-ticketsubject-ticketIdText', '.zd-ticketidwrapper-ticketId', '#caseNum'];
const SUBJECT = ['[data-id="caseSubjectText"]', '.zd_v2-dvsubjectsection-subject', '.zd-dvsubjectsection-subject', '#caseSubjectText'];
const TAGS = ['[data-id="reqproperties"] .zd_v2-tag-text', '.zd_v2-tag-text', '.zd-tag-text', '.tagBody a'];
const REQUESTER = ['[data-id="contactName"]', '[data-id="ticketContactName"]'];
const EMAIL = ['[data-id="contactEmail"]', '[data-id="email_value"]'];
const STATUS = ['[data-id="statusText"]', '[data-id="status_value"]'];
const CHANNEL = ['[data-id="channelIcon"]', '[data-id="channel_value"]'];
const PRODUCT = ['[data-id="productName"]', '[data-id="product_value"]'];
const ITEMS = '[data-id^="thread_"], [data-id^="comment_"]';
const LOG = ['[data-id="threadList"]', '[data-id="conversationList"]'];
const COMPOSER = ['[data-id="replyEditor"] [contenteditable="true"]', '.zd_v2-editor [contenteditable="true"]', '[contenteditable="true"][role="textbox"]'];

function idFromUrl(url: URL): string | null {
  return DETAIL_PATH.exec(url.pathname)?.[1] ?? LEGACY_HASH.exec(url.hash)?.[1] ?? null;
}

function paneOf(doc: Document, url: URL | null): Element | null {
  const found = firstMatch(doc, ROOTS);
  if (!found) return null;
  const panes = $$(doc, found.source);
  const urlId = url ? idFromUrl(url) : null;
  return (
    panes.find((p) => urlId && p.getAttribute('data-id') === `subTab_${urlId}`) ??
    panes.find((p) => !p.closest('[hidden], [aria-hidden="true"]') && !p.classList.contains('zd_v2-hide')) ??
    null
  );
}

function docUrl(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

/** Text, or for icon-only nodes (channel) Zoho's `data-title` tooltip. */
function labelled(scope: Element, selectors: readonly string[]): Found<string> | null {
  for (const sel of selectors) {
    const el = $(scope, sel);
    const value = textOf(el) || cleanText(el?.getAttribute('data-title') ?? el?.getAttribute('aria-label'));
    if (value) return { value, source: sel };
  }
  return null;
}

function composerIn(pane: Element | null): HTMLElement | null {
  if (!pane) return null;
  const direct = firstMatch(pane, COMPOSER)?.value as HTMLElement | undefined;
  if (direct) return direct;
  // Older Zoho editors are an iframe whose body is contenteditable.
  const body = frameDocument($(pane, '[data-id="replyEditor"] iframe'))?.body;
  return body?.isContentEditable || body?.getAttribute('contenteditable') === 'true' ? body : null;
}

export const zoho: SiteAdapter = {
  id: 'zoho',
  label: 'Zoho Desk',
  hostPatterns: HOSTS.map((h) => `https://${h}/*`),
  matches: (url) => HOSTS.includes(url.hostname) && /^\/(agent|support)\//.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  urlIdMayDiffer: true, // the URL holds the record id; the page shows the ticket number
  findTicketRoot: (doc) => paneOf(doc, docUrl(doc)),
  findComposer: (doc) => composerIn(paneOf(doc, docUrl(doc))),
  watchTargets(doc) {
    const pane = paneOf(doc, docUrl(doc));
    const log = pane ? firstMatch(pane, LOG)?.value : undefined;
    return [log, pane].filter((el): el is Element => !!el);
  },
  read(doc, url) {
    const d = new Diagnostics();
    const pane = paneOf(doc, url);
    const number = pane ? firstText(pane, NUMBER, 40) : null;
    const paneId = pane?.getAttribute('data-id')?.replace(/^subTab_/, '') || null;
    const idFound = number
      ? { value: number.value.replace(/^#\s*/, ''), source: number.source }
      : idFromUrl(url) || paneId
        ? { value: (idFromUrl(url) || paneId) as string, source: idFromUrl(url) ? 'url' : 'data-id subTab_<id>' }
        : null;
    const ticketId = d.note('ticketId', pane ? idFound : null);
    if (!pane || !ticketId) {
      for (const f of ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const) d.fail(f);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', firstText(pane, SUBJECT)) ?? '';
    const requesterName = d.note('requester', firstText(pane, REQUESTER)) ?? '';
    const emailFound = firstText(pane, EMAIL);
    const email = emailFound ? exactEmail(emailFound.value) : null;
    const customerKey = d.note('customerKey', email && emailFound ? { value: email, source: emailFound.source } : null);
    const status = toStatus(d.note('status', firstText(pane, STATUS)));
    const channel = toChannel(d.note('channel', labelled(pane, CHANNEL)));
    const tagFound = firstMatch(pane, TAGS);
    const tags = tagFound ? cleanTags($$(pane, tagFound.source).map((el) => el.textContent ?? '')) : [];
    d.note('tags', tagFound);
    const product = firstText(pane, PRODUCT)?.value ?? null;
    const items = $$(pane, ITEMS);
    const messages: TicketMessage[] = [];
    for (const item of items.slice(-LIMITS.messages)) {
      const isComment = item.getAttribute('data-id')?.startsWith('comment_') ?? false;
      const text = textOf($(item, isComment ? '[data-id="content"]' : '[data-id="threadContent"]') ?? item, LIMITS.messageText);
      if (!text) continue;
      const direction = item.getAttribute('data-direction');
      const author = textOf($(item, '[data-id="threadAuthorName"]'));
      const fromCustomer = direction ? direction === 'in' : !!requesterName && author === requesterName;
      const role = isComment ? 'internal' : fromCustomer ? 'customer' : direction ? 'agent' : 'unknown';
      messages.push({ role, text });
    }
    d.note('messages', items.length ? { value: true, source: ITEMS } : null);
    const composer = composerIn(pane);
    d.note('composer', composer ? { value: true, source: composer.getAttribute('data-id') ?? composer.tagName.toLowerCase() } : null);
    return {
      context: { helpdesk: 'zoho', ticketId: cleanText(ticketId, 40), subject, requesterName, customerKey, channel, status, tags, product, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // Zoho's reply editor is contenteditable (in older builds inside an iframe): execCommand first.
    return insertIntoAnyRealm(this.findComposer(doc), text, ['execCommand', 'paste-event']);
  },
};
