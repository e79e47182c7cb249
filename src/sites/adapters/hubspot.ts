/**
 * HubSpot help desk / inbox (React). One ticket workspace is rendered beside the view's ticket list; opening
 * another re-renders it. Fields in the sidebar are found by their visible label (HubSpot links label and
 * dropdown button by `aria-labelledby`); the reply composer is found from its send button. Hooks:
 * shared/reference/helpdesks.md (HubSpot) and public help-desk userscripts.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `data-selenium-test="highlightTitle"`, timeline cards; also from a second public source
 * (anishpdalal/hashy-chrome-extension, test/fixtures/hubspot/second-source.html): highlightTitle as the title
 * on `/contacts/…` record pages, the id as the URL's last segment. [code?]: the help-desk URL shapes.
 * Guesses: labelled sidebar fields, the "Ticket ID" property, the send-button-anchored composer. API: none
 * used — app.hubspot.com's internal `/api/…` rejects reads without the `X-HubSpot-CSRF-hubspotapi` header,
 * whose value public extensions copy from a page cookie (a page secret we do not read); the public CRM API
 * (api.hubapi.com, another origin) needs a private-app or OAuth token (developers.hubspot.com/docs/api/crm/tickets).
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 * Table form (issue 17): ../table.ts reads; the hooks are the labelled sidebar properties (ticket id,
 * status, source, category, product) and the send-button-anchored composer.
 */
import type { MessageRole } from '../../core/ticket/types';
import { $, type Found, firstMatch, type Scope, textOf } from '../dom';
import { idIn, labelledField, textFound } from '../dom-extra';
import { idAttribute, tableAdapter } from '../table';

const HOSTS = new Set(['app.hubspot.com', 'app-eu1.hubspot.com']);
const APP_PATH = /^\/(?:help-desk|live-messages)\/\d+(?:\/|$)|^\/contacts\/\d+\/(?:record\/0-5|ticket)\//;
const ID_PATHS = [/\/ticket\/(\d+)/, /\/record\/0-5\/(\d+)/, /^\/live-messages\/\d+\/inbox\/(\d+)/];
const TITLE = '[data-selenium-test="highlightTitle"]';
const ROOT = ['[data-test-id="ticket-workspace"]', '[data-selenium-test="ticket-record"]'];
const CONTACT = ['[data-test-id="contact-card"]', '[data-selenium-test="contact-chicklet"]'];
const CONTACT_NAME = ['[data-test-id="contact-name"]', '[data-selenium-test="chicklet-title-link"]'];
const CHANNEL = ['button[aria-label="Change channel"]', '[data-test-id="composer-channel"]'];
const THREAD = ['[data-test-id="thread-history"]', '[data-selenium-test="timeline-body"]'];
const ITEMS = '[data-test-id="thread-message"], [data-selenium-test="timeline-card"]';
const BODY = ['[data-test-id="message-body"]', '[data-selenium-test="timeline-card-body"]'];
const SEND = '[data-test-id="composer-send-button"]';
const EDITOR = '[contenteditable="true"], textarea';

function idFromUrl(url: URL): string | null {
  for (const re of ID_PATHS) {
    const id = re.exec(url.pathname)?.[1];
    if (id) return id;
  }
  return null;
}

function rootOf(doc: Document): Element | null {
  return firstMatch(doc, ROOT)?.value ?? $(doc, TITLE)?.closest('main, [role="main"]') ?? null;
}

/** A sidebar property by its label: the dropdown button it labels, or the value printed after it. */
function property(root: Scope, label: RegExp): Found<string> | null {
  return textFound(labelledField(root, 'label', label, 'button, [data-test-id="property-value"]'));
}

/** The editor inside the smallest box around the send button that holds one (as HubSpot nests them). */
function composerOf(root: Element): Found<Element> | null {
  let box: Element | null = $(root, SEND);
  for (let depth = 0; box && depth < 6; depth++, box = box.parentElement) {
    const editor = $(box, EDITOR);
    if (editor) return { value: editor, source: `${SEND} ↑ ${EDITOR}` };
  }
  // A record page without the help-desk composer's test ids: the record's one editable box is its reply box.
  return firstMatch(root, ['[contenteditable="true"]', 'textarea']);
}

function roleOf(item: Element, requester: string): MessageRole {
  if (/COMMENT/i.test(item.getAttribute('data-message-type') ?? '')) return 'internal';
  const direction = item.getAttribute('data-message-direction');
  if (direction) return /INCOMING/i.test(direction) ? 'customer' : 'agent';
  const sender = textOf($(item, '[data-test-id="message-sender"]'));
  return sender && sender === requester ? 'customer' : 'unknown';
}

export const hubspot = tableAdapter({
  id: 'hubspot',
  label: 'HubSpot Help Desk',
  hostPatterns: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  matches: (url) => HOSTS.has(url.hostname) && APP_PATH.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  root: rootOf,
  pageId(root) {
    const id = idIn(property(root, /^ticket id$/i)?.value, /^(\d+)$/);
    return id ? { value: id, source: 'Ticket ID property' } : null;
  },
  subject: [TITLE],
  customerScope: CONTACT,
  requester: CONTACT_NAME,
  email: ['a[href^="mailto:"]'],
  customerId: idAttribute(['a[href*="/record/0-1/"]'], 'href', /\/record\/0-1\/(\d+)/),
  status: [],
  statusFallback(root) {
    const found = property(root, /^(ticket )?status$/i);
    // Default help desk pipeline: "Waiting on us" means the team owes the next step, i.e. still open.
    return found ? { value: found.value.replace(/waiting on us/i, 'open'), source: found.source } : null;
  },
  channel: CHANNEL,
  channelFallback: (root) => property(root, /^source$/i),
  // Tickets have no tags; the Category property (multi-select, comma-joined) is what rules key on.
  tags(root) {
    const category = property(root, /^category$/i);
    return category ? { value: category.value.split(/\s*[,;]\s*/), source: category.source } : null;
  },
  product: (scope) => property(scope.closest(ROOT.join(', ')) ?? rootOf(scope.ownerDocument) ?? scope, /^product$/i),
  thread: THREAD,
  message: ITEMS,
  messageBody: BODY,
  roleOf,
  composer: composerOf,
});
