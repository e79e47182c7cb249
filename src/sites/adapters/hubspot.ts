/**
 * HubSpot help desk / inbox (React). One ticket workspace is rendered beside the view's ticket list; opening
 * another re-renders it. Fields in the sidebar are found by their visible label (HubSpot links label and
 * dropdown button by `aria-labelledby`); the reply composer is found from its send button. Hooks:
 * shared/reference/helpdesks.md (HubSpot) and public help-desk userscripts.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `data-selenium-test="highlightTitle"`, timeline cards. [code?]: the help-desk URL shapes.
 * Guesses: labelled sidebar fields, the "Ticket ID" property, the send-button-anchored composer. API: none
 * used — HubSpot's internal APIs require a CSRF header taken from a cookie; the public API needs a token.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole, TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, exactEmail, type Found, firstMatch, firstText, type Scope, textOf } from '../dom';
import { asHtml, failFields, idIn, insertOrder, labelledField, noteComposer, textFound } from '../dom-extra';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

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
  return null;
}

function roleOf(item: Element, requester: string): MessageRole {
  if (/COMMENT/i.test(item.getAttribute('data-message-type') ?? '')) return 'internal';
  const direction = item.getAttribute('data-message-direction');
  if (direction) return /INCOMING/i.test(direction) ? 'customer' : 'agent';
  const sender = textOf($(item, '[data-test-id="message-sender"]'));
  return sender && sender === requester ? 'customer' : 'unknown';
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  label: 'HubSpot Help Desk',
  hostPatterns: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  matches: (url) => HOSTS.has(url.hostname) && APP_PATH.test(url.pathname),
  ticketIdFromUrl: idFromUrl,
  findTicketRoot: rootOf,
  findComposer(doc) {
    const root = rootOf(doc);
    return root ? asHtml(composerOf(root)?.value) : null;
  },
  watchTargets(doc) {
    const root = rootOf(doc);
    if (!root) return [];
    const thread = firstMatch(root, THREAD)?.value;
    return thread ? [thread, root] : [root];
  },
  read(doc, url) {
    const d = new Diagnostics();
    const root = rootOf(doc);
    const domId = root ? idIn(property(root, /^ticket id$/i)?.value, /^(\d+)$/) : null;
    const ticketId = cleanText(domId ?? idFromUrl(url), 40);
    if (ticketId) d.ok('ticketId', domId ? 'Ticket ID property' : 'url');
    else d.fail('ticketId');
    if (!root || !ticketId) {
      failFields(d, ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer']);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', firstText(root, [TITLE])) ?? '';
    const card = firstMatch(root, CONTACT)?.value ?? null;
    const requesterName = d.note('requester', card ? firstText(card, CONTACT_NAME) : null) ?? '';
    const mailto = card ? $(card, 'a[href^="mailto:"]') : null;
    const email = exactEmail(mailto?.getAttribute('href') ?? '') ?? exactEmail(textOf(card, 2_000));
    const contactId = idIn(card ? $(card, 'a[href*="/record/0-1/"]')?.getAttribute('href') : null, /\/record\/0-1\/(\d+)/);
    const customerKey = email ?? contactId;
    if (customerKey) d.ok('customerKey', email ? 'contact card email' : 'contact record link');
    else d.fail('customerKey');
    // Default help desk pipeline: "Waiting on us" means the team owes the next step, i.e. still open.
    const status = toStatus(d.note('status', property(root, /^(ticket )?status$/i))?.replace(/waiting on us/i, 'open'));
    const channel = toChannel(d.note('channel', firstText(root, CHANNEL) ?? property(root, /^source$/i)));
    // Tickets have no tags; the Category property (multi-select, comma-joined) is what rules key on.
    const category = property(root, /^category$/i);
    const tags = category ? cleanTags(category.value.split(/\s*[,;]\s*/)) : [];
    d.note('tags', category);
    const product = property(root, /^product$/i)?.value ?? null;
    const thread = firstMatch(root, THREAD);
    const messages: TicketMessage[] = [];
    if (thread) {
      d.ok('messages', thread.source);
      for (const item of $$(thread.value, ITEMS).slice(-LIMITS.messages)) {
        const text = textOf(firstMatch(item, BODY)?.value ?? item, LIMITS.messageText);
        if (text) messages.push({ role: roleOf(item, requesterName), text });
      }
    } else d.fail('messages');
    noteComposer(d, composerOf(root));
    return {
      context: { helpdesk: 'hubspot', ticketId, subject, requesterName, customerKey, channel, status, tags, product, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    const el = this.findComposer(doc);
    return insertInto(el, text, insertOrder(el));
  },
};
