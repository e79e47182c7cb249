/**
 * Front (app.frontapp.com), React with styled-components. Class names are `component__StyledThing-sc-hash`,
 * so every class hook matches the stable `component__StyledThing` prefix. The open conversation is a viewer
 * `[data-testid="viewer-<id>"]`; when more than one viewer is in the DOM, the one named by the URL (else the
 * first one not hidden) is the active one. Without viewer marks, the pane around the conversation's top bar.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * [code?] (one Feb 2026 extension file; ticket.html): styled-components prefixes
 * (`conversationHeader__StyledContainer`), the searchable subject, the top-bar button, viewer test ids,
 * `messageViewerBase__StyledMessageDiv` / `[role="article"]` messages and their e-mail handle.
 * [code] from a second source (clockify/browser-extension src/integrations/front.js, 2022–23;
 * test/fixtures/front/second-source.html): the top bar `conversationTopbar__StyledConversationTopbar`, the
 * subject `conversationSubjectWrapper__StyledSubjectContainerDiv > div > span`, and the sender as the first div
 * of `messageViewerRecipient__StyledDetailsWrapperDiv` — the one hook both sources share, so a message is also
 * "the element holding sender details". [docs]: `/open/cnv_<id>` (dev.frontapp.com, Conversations).
 * Guesses: the inbox URL shapes with numeric ids, status, tags, channel, the composer.
 * API: none
 * used — Front's Core API lives on another origin (api2.frontapp.com) and needs a Bearer API token or OAuth
 * (dev.frontapp.com/docs/authentication); no public extension reads the web app's own JSON with the session.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 * Table form (issue 17): the engine in ../table.ts does the reading; the hooks below are Front's quirks
 * (the viewer the URL names, the requester as the first message's sender).
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, $$, exactEmail, firstMatch, textOf } from '../dom';
import { tableAdapter } from '../table';

const APP_PATH = /^\/(open|inboxes|search|views|mentions)(\/|$)/;
const CNV_ID = /\/(cnv_[a-z0-9]+)(?:\/|$)/i;
/** Path segments after which a number is a folder/inbox id, not a conversation id. */
const CONTAINER_SEGMENTS = new Set(['folders', 'inbox', 'inboxes', 'teams', 'teammates', 'channels', 'tags', 'views', 'shared']);

const VIEWERS = ['[data-testid^="viewer-"]', '[class*="viewer__StyledViewerDiv"]'];
const SUBJECT = [
  '[data-searchable-subject="true"] span',
  '[data-searchable-subject="true"]',
  '[class*="conversationHeader__StyledSubject"]',
  '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"] > div > span',
  '[class*="conversationSubjectWrapper__StyledSubjectContainerDiv"]',
];
/** The conversation's top bar (Clockify's Front hook): the pane around it is the conversation when no viewer is marked. */
const TOPBAR = '[class*="conversationTopbar__StyledConversationTopbar"]';
const DETAILS = '[class*="messageViewerRecipient__StyledDetailsWrapperDiv"]';
const STATUS = ['[data-testid="conversation-status"]', '[class*="conversationStatus__"]'];
const TAGS = ['[class*="conversationTags__"] [class*="tag__StyledName"]', '[data-testid="conversation-tag"]'];
const CHANNEL = ['[data-testid="conversation-channel"]', '[class*="conversationHeader__StyledChannel"]'];
// Last: whatever element holds a message's sender details (the one hook both public sources share).
const MESSAGE = `[class*="messageViewerBase__StyledMessageDiv"], [role="article"], div:has(> ${DETAILS})`;
const COMMENT = '[class*="commentViewer__StyledCommentDiv"], [data-testid="comment"]';
const SENDER = `${DETAILS} > div:first-child`;
const HANDLE = '[class*="messageViewerRecipient__StyledHandleSpan"]';
const BODY = ['[class*="messageHtml__StyledHtmlDiv"]', '[class*="messageViewerEmailBody__StyledEmailDiv"]', '[class*="messageViewerCollapsed__StyledBlurbDiv"]', '[class*="commentViewer__StyledBody"]', `${DETAILS} + div`];
const LOG = ['[class*="conversationMessages__"]', '[class*="messageList__"]'];
const COMPOSER = [
  '[class*="composerEditor__"] [contenteditable="true"]',
  '[data-testid="composer-editor"][contenteditable="true"]',
  '[contenteditable="true"][role="textbox"]',
  // Clockify's Front markup marks no editor: the conversation pane's one editable box is its reply editor.
  '[contenteditable="true"]',
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

/** Several viewers may be in the DOM: the one the URL names, else the first one not hidden. */
function viewerOf(doc: Document, url?: URL): Element | null {
  const found = firstMatch(doc, VIEWERS);
  if (!found) return paneOf(doc);
  const viewers = $$(doc, found.source);
  const at = url ?? docUrl(doc);
  const urlId = at ? idFromUrl(at) : null;
  return (
    viewers.find((v) => urlId && v.getAttribute('data-testid') === `viewer-${urlId}`) ??
    viewers.find((v) => !v.closest('[hidden], [aria-hidden="true"], [inert]')) ??
    null
  );
}

/** Without viewer marks: the pane around the top bar that also holds the messages (a few levels up at most). */
function paneOf(doc: Document): Element | null {
  const topbar = $(doc, TOPBAR);
  if (!topbar) return null;
  for (let box = topbar.parentElement, depth = 0; box && depth < 6; box = box.parentElement, depth++) {
    if ($(box, DETAILS)) return box;
  }
  return topbar.parentElement;
}

/** A message's sender details may sit in a nested wrapper that also matches: keep the outer message only. */
const outermost = (items: Element[]): Element[] => items.filter((el) => !items.some((other) => other !== el && other.contains(el)));

/** Front shows no requester field: the first message's sender is the requester, and its handle the e-mail. */
const firstMessage = (viewer: Element): Element | undefined => $$(viewer, MESSAGE).find((el) => !el.matches(COMMENT));
const handleOf = (el: Element | undefined): string | null => (el ? exactEmail(textOf($(el, HANDLE))) : null);

function roleOf(item: Element, requesterName: string): MessageRole {
  if (item.matches(COMMENT)) return 'internal';
  const viewer = item.closest(VIEWERS.join(', '));
  const email = viewer ? handleOf(firstMessage(viewer)) : null;
  // A different sender is not proof of an agent (CC'd people): unknown, never the agent.
  const sameSender = email ? handleOf(item) === email : textOf($(item, SENDER)) === requesterName;
  return sameSender ? 'customer' : 'unknown';
}

export const front = tableAdapter({
  id: 'front',
  label: 'Front',
  hostPatterns: ['https://app.frontapp.com/*'],
  matches: (url) => url.hostname === 'app.frontapp.com' && APP_PATH.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  root: viewerOf,
  pageId(root) {
    const id = root.getAttribute('data-testid')?.replace(/^viewer-/, '');
    return id && id !== root.getAttribute('data-testid') ? { value: id, source: 'data-testid viewer-<id>' } : null;
  },
  subject: SUBJECT,
  requester: MESSAGE.split(', ').map((m) => `${m} ${SENDER}`),
  email: MESSAGE.split(', ').map((m) => `${m} ${HANDLE}`),
  status: STATUS,
  channel: CHANNEL,
  // An e-mail handle on the first message means an e-mail conversation.
  channelFallback: (root) => (handleOf(firstMessage(root)) ? { value: 'email', source: `${HANDLE} (email address)` } : null),
  tags: TAGS,
  // The message list, else (no list marked) the conversation pane itself when it holds messages.
  thread: (root) => firstMatch(root, LOG) ?? ($(root, MESSAGE) ? { value: root, source: 'conversation pane' } : null),
  message: `${MESSAGE}, ${COMMENT}`,
  orderMessages: outermost,
  messageBody: BODY,
  roleOf,
  composer: COMPOSER,
  // Front's composer is a rich contenteditable editor: execCommand is the edit it treats as typing.
  insertOrder: ['execCommand', 'paste-event'],
});
