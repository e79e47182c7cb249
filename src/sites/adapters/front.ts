/**
 * Front (app.frontapp.com), React with styled-components. Class names are `component__StyledThing-sc-hash`,
 * so every class hook matches the stable `component__StyledThing` prefix. The open conversation is a viewer
 * `[data-testid="viewer-<id>"]`; when more than one viewer is in the DOM, the one named by the URL (else the
 * first one not hidden) is the active one. Hooks: shared/reference/helpdesks.md (Front) and the selectors
 * named in the report; status, tags, channel and the composer are guesses with fallbacks.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * [code?]: styled-components prefixes (`conversationHeader__StyledContainer`), the searchable subject, the
 * top-bar button. Guesses: the URL shapes, viewer test ids, status, tags, channel, the composer. API: none
 * used — Front's Core API needs an API token.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, firstMatch, firstText, textOf } from '../dom';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

const APP_PATH = /^\/(open|inboxes|search|views|mentions)(\/|$)/;
const CNV_ID = /\/(cnv_[a-z0-9]+)(?:\/|$)/i;
/** Path segments after which a number is a folder/inbox id, not a conversation id. */
const CONTAINER_SEGMENTS = new Set(['folders', 'inbox', 'inboxes', 'teams', 'teammates', 'channels', 'tags', 'views', 'shared']);

const VIEWERS = ['[data-testid^="viewer-"]', '[class*="viewer__StyledViewerDiv"]'];
const HEADER = ['[class*="conversationHeader__StyledContainer"]'];
const SUBJECT = ['[data-searchable-subject="true"] span', '[data-searchable-subject="true"]', '[class*="conversationHeader__StyledSubject"]'];
const STATUS = ['[data-testid="conversation-status"]', '[class*="conversationStatus__"]'];
const TAGS = ['[class*="conversationTags__"] [class*="tag__StyledName"]', '[data-testid="conversation-tag"]'];
const CHANNEL = ['[data-testid="conversation-channel"]', '[class*="conversationHeader__StyledChannel"]'];
const MESSAGE = ['[class*="messageViewerBase__StyledMessageDiv"]', '[role="article"]'];
const COMMENT = '[class*="commentViewer__StyledCommentDiv"], [data-testid="comment"]';
const SENDER = '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"] > div:first-child';
const HANDLE = '[class*="messageViewerRecipient__StyledHandleSpan"]';
const BODY = ['[class*="messageHtml__StyledHtmlDiv"]', '[class*="messageViewerEmailBody__StyledEmailDiv"]', '[class*="messageViewerCollapsed__StyledBlurbDiv"]', '[class*="commentViewer__StyledBody"]'];
const LOG = ['[class*="conversationMessages__"]', '[class*="messageList__"]'];
const COMPOSER = [
  '[class*="composerEditor__"] [contenteditable="true"]',
  '[data-testid="composer-editor"][contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
];

function idFromUrl(url: URL): string | null {
  const cnv = CNV_ID.exec(url.pathname)?.[1];
  if (cnv) return cnv;
  const segs = url.pathname.split('/').filter(Boolean);
  const [prev, last] = segs.slice(-2);
  return last && /^\d{5,20}$/.test(last) && prev && !CONTAINER_SEGMENTS.has(prev) ? last : null;
}

function docUrl(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

function viewerOf(doc: Document, url: URL | null): Element | null {
  const found = firstMatch(doc, VIEWERS);
  if (!found) return null;
  const viewers = $$(doc, found.source);
  const urlId = url ? idFromUrl(url) : null;
  return (
    viewers.find((v) => urlId && v.getAttribute('data-testid') === `viewer-${urlId}`) ??
    viewers.find((v) => !v.closest('[hidden], [aria-hidden="true"], [inert]')) ??
    null
  );
}

function composerIn(viewer: Element | null): HTMLElement | null {
  return viewer ? ((firstMatch(viewer, COMPOSER)?.value as HTMLElement | undefined) ?? null) : null;
}

export const front: SiteAdapter = {
  id: 'front',
  label: 'Front',
  hostPatterns: ['https://app.frontapp.com/*'],
  matches: (url) => url.hostname === 'app.frontapp.com' && APP_PATH.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  findTicketRoot: (doc) => viewerOf(doc, docUrl(doc)),
  findComposer: (doc) => composerIn(viewerOf(doc, docUrl(doc))),
  watchTargets(doc) {
    const viewer = viewerOf(doc, docUrl(doc));
    if (!viewer) return [];
    return [firstMatch(viewer, LOG)?.value, firstMatch(viewer, HEADER)?.value, viewer].filter((el): el is Element => !!el);
  },
  read(doc, url) {
    const d = new Diagnostics();
    const viewer = viewerOf(doc, url);
    const viewerId = viewer?.getAttribute('data-testid')?.replace(/^viewer-/, '') || null;
    const ticketId = cleanText(viewerId || idFromUrl(url), 40);
    if (ticketId && viewer) d.ok('ticketId', viewerId ? 'data-testid viewer-<id>' : 'url');
    else d.fail('ticketId');
    if (!viewer || !ticketId) {
      for (const f of ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const) d.fail(f);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', firstText(viewer, SUBJECT)) ?? '';
    const msgSel = firstMatch(viewer, MESSAGE)?.source;
    const items = $$(viewer, msgSel ? `${msgSel}, ${COMMENT}` : COMMENT);
    // The first message's sender is the requester (Front shows no separate requester field).
    const first = items.find((el) => !el.matches(COMMENT));
    const requesterName = first ? textOf($(first, SENDER)) : '';
    const handleOf = (el: Element) => exactEmail(textOf($(el, HANDLE)));
    const email = first ? handleOf(first) : null;
    d.note('requester', requesterName ? { value: requesterName, source: SENDER } : null);
    d.note('customerKey', email ? { value: email, source: HANDLE } : null);
    const status = toStatus(d.note('status', firstText(viewer, STATUS)));
    const channelText = firstText(viewer, CHANNEL) ?? (email ? { value: 'email', source: `${HANDLE} (email address)` } : null);
    const channel = toChannel(d.note('channel', channelText));
    const tagFound = firstMatch(viewer, TAGS);
    const tags = tagFound ? cleanTags($$(viewer, tagFound.source).map((el) => el.textContent ?? '')) : [];
    d.note('tags', tagFound);
    const messages: TicketMessage[] = [];
    for (const item of items.slice(-LIMITS.messages)) {
      const text = textOf(firstMatch(item, BODY)?.value ?? item, LIMITS.messageText);
      if (!text) continue;
      const isComment = item.matches(COMMENT);
      const sameSender = email ? handleOf(item) === email : textOf($(item, SENDER)) === requesterName;
      messages.push({ role: isComment ? 'internal' : sameSender ? 'customer' : 'unknown', text });
    }
    d.note('messages', items.length ? { value: true, source: msgSel ?? COMMENT } : null);
    d.note('composer', firstMatch(viewer, COMPOSER));
    return {
      context: { helpdesk: 'front', ticketId, subject, requesterName, customerKey: email, channel, status, tags, product: null, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // Front's composer is a rich contenteditable editor: execCommand is the edit it treats as typing.
    return insertInto(this.findComposer(doc), text, ['execCommand', 'paste-event']);
  },
};
