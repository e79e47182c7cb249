/**
 * Zoho Desk (desk.zoho.com and its regional hosts). The ticket detail view is
 * `.zd_v2-ticketdetailview-container` (2023+; `.zd-…` in 2022, `.ticket-DVPanel` before) and carries
 * `data-id="subTab_<internal id>"`; during a switch the previous ticket's container can still be in the DOM,
 * so the active one is the container the URL names, else the one that is not hidden. Zoho puts `data-id`
 * hooks on most nodes. Hooks: shared/reference/helpdesks.md (Zoho Desk); guesses are named in the report.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `.zd_v2-ticketdetailview-container`, the ticket-number text, `[data-id="caseSubjectText"]`;
 * from a second public source (test/fixtures/zoho/second-source.html): `data-id="subTab_<record id>"` on the
 * container, the `/agent/<portal>/<dept>/tickets/details/<id>` URL, `[data-id="threadContent"]` message text.
 * [code?]: the `/agent/<portal>/<dept>/tickets/details/<id>` URL (internal record id, hence `urlIdMayDiffer`).
 * Guesses: older container classes, status/requester `data-id`s, the composer. API: none used — the documented
 * API needs an OAuth token (desk.zoho.com/DeskAPIDocument); the agent UI's `/supportapi/zd/<portal>/api/v1`
 * reads do work with the session, but only with the org's `orgId` header, which the page does not show
 * (public userscripts hard-code it or ask the user), and they take the internal record id, not the shown number.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 * Table form (issue 17): ../table.ts reads; the hooks are the pane the URL names, the shown ticket number,
 * icon-only channels and the iframe editor of older builds.
 */
import { cleanText } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import { $, $$, type Found, firstMatch, firstText, textOf } from '../dom';
import { frameDocument } from '../dom-frames';
import { tableAdapter } from '../table';

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
// Last: the pane's one editable box is its reply editor (builds whose editor wrapper carries no data-id).
const COMPOSER = ['[data-id="replyEditor"] [contenteditable="true"]', '.zd_v2-editor [contenteditable="true"]', '[contenteditable="true"][role="textbox"]', '[contenteditable="true"]'];
/** Zoho Desk titles a ticket's page "<subject> - Zoho Desk". */
const TITLE = /^(.+?)\s+[-–|]\s+Zoho Desk$/;

function idFromUrl(url: URL): string | null {
  return DETAIL_PATH.exec(url.pathname)?.[1] ?? LEGACY_HASH.exec(url.hash)?.[1] ?? null;
}

function docUrl(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

/** During a switch the previous ticket's pane can still be in the DOM: the one the URL names, else the visible one. */
function paneOf(doc: Document, url?: URL): Element | null {
  const found = firstMatch(doc, ROOTS);
  if (!found) return null;
  const panes = $$(doc, found.source);
  const at = url ?? docUrl(doc);
  const urlId = at ? idFromUrl(at) : null;
  return (
    panes.find((p) => urlId && p.getAttribute('data-id') === `subTab_${urlId}`) ??
    panes.find((p) => !p.closest('[hidden], [aria-hidden="true"]') && !p.classList.contains('zd_v2-hide')) ??
    null
  );
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

function composerIn(pane: Element): Found<Element> | null {
  const direct = firstMatch(pane, COMPOSER);
  if (direct) return direct;
  // Older Zoho editors are an iframe whose body is contenteditable.
  const body = frameDocument($(pane, '[data-id="replyEditor"] iframe'))?.body;
  return body?.isContentEditable || body?.getAttribute('contenteditable') === 'true' ? { value: body, source: '[data-id="replyEditor"] iframe body' } : null;
}

function roleOf(item: Element, requester: string): MessageRole {
  if (item.getAttribute('data-id')?.startsWith('comment_')) return 'internal';
  const direction = item.getAttribute('data-direction');
  if (direction) return direction === 'in' ? 'customer' : 'agent';
  const author = textOf($(item, '[data-id="threadAuthorName"]'));
  return requester && author === requester ? 'customer' : 'unknown';
}

export const zoho = tableAdapter({
  id: 'zoho',
  label: 'Zoho Desk',
  hostPatterns: HOSTS.map((h) => `https://${h}/*`),
  matches: (url) => HOSTS.includes(url.hostname) && /^\/(agent|support)\//.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  urlIdMayDiffer: true, // the URL holds the record id; the page shows the ticket number
  root: paneOf,
  pageId(pane) {
    const number = firstText(pane, NUMBER, 40);
    return number ? { value: number.value.replace(/^#\s*/, ''), source: number.source } : null;
  },
  subject: (pane) => {
    const shown = firstText(pane, SUBJECT);
    const titled = cleanText(TITLE.exec(pane.ownerDocument.title.trim())?.[1]);
    return shown ?? (titled ? { value: titled, source: 'document title (<subject> - Zoho Desk)' } : null);
  },
  requester: REQUESTER,
  email: EMAIL,
  status: STATUS,
  channel: CHANNEL,
  channelFallback: (root) => labelled(root, CHANNEL),
  tags: TAGS,
  product: PRODUCT,
  // The log when present, else the pane itself (older builds put the items straight in it).
  thread: [...LOG, ...ROOTS],
  message: ITEMS,
  messageBody: ['[data-id="threadContent"]', '[data-id="content"]'],
  roleOf,
  composer: composerIn,
  // Zoho's reply editor is contenteditable (in older builds inside an iframe): execCommand first.
  insertOrder: ['execCommand', 'paste-event'],
});
