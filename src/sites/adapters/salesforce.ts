/**
 * Salesforce Lightning Service Console, Case records. The console keeps every open workspace tab in the DOM
 * (`section.tabContent.oneConsoleTab`, only one `.active`); reads are scoped to the active one. Record fields
 * carry `data-target-selection-name="sfdc:RecordField.Case.<ApiName>"`; LWC parts may sit in open shadow roots,
 * so field and composer lookups pierce them. Hooks: shared/reference/helpdesks.md (Salesforce).
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `/lightning/r/<Object>/<id>/view`, active console tab classes, `h1 .slds-page-header__title`,
 * `records-record-layout-item` with `data-target-selection-name`. Guesses: which shadow roots are open in a
 * given org, the e-mail and status field layout, the composer (publisher textarea). API: none used — the
 * REST/UI API needs an OAuth bearer token, which the Lightning session cookie does not provide to pages.
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 */
import { cleanTags, cleanText, LIMITS } from '../../core/ticket/sanitize';
import type { MessageRole, TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, deepQuery, exactEmail, type Found, firstMatch, textOf } from '../dom';
import { asHtml, failFields, firstDeep, firstDeepText, insertOrder, noteComposer } from '../dom-extra';
import { insertInto } from '../insert';
import { toChannel, toStatus } from '../normalize';

const CASE_ID = /\/lightning\/r\/(?:Case\/)?(500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/;
const ACTIVE_PANE = [
  'section.tabContent.active.oneConsoleTab .windowViewMode-maximized.active',
  'section.tabContent.active.oneConsoleTab .oneWorkspaceTabWrapper',
  '.oneWorkspaceTabWrapper.active',
  'div.windowViewMode-maximized.active.lafPageHost',
  'div.windowViewMode-maximized.active',
  'div.windowViewMode-normal.active',
];
const VALUE = [
  '.test-id__field-value',
  '.slds-form-element__static',
  'lightning-formatted-text',
  'lightning-formatted-name',
  'lightning-formatted-email',
  'force-lookup',
  'a',
];
const TITLE = ['h1 .slds-page-header__title lightning-formatted-text', 'h1 .slds-page-header__title'];
const FEED = ['.cuf-feed', 'force-chatter-feed', '.forceChatterFeed'];
const FEED_ITEM = '.cuf-feedItem, .forceChatterFeedItem';
const ACTOR = ['.cuf-feedItemActor', '.cuf-entityLinkId', '.slds-feed__item-header a'];
const BODY = ['.cuf-feedBodyText', '.feedBodyInner', '.slds-feed__item-comments', '.slds-rich-text-editor__output'];
const COMPOSER = [
  '.cuf-publisher .ql-editor[contenteditable="true"]',
  'lightning-input-rich-text .ql-editor[contenteditable="true"]',
  '.slds-rich-text-area__content[contenteditable="true"]',
  'textarea.cuf-messageTextArea',
  '.cuf-publisher textarea',
];

function paneOf(doc: Document): Element | null {
  return firstMatch(doc, ACTIVE_PANE)?.value ?? null;
}

/** The value part of a record field (not its label), by API name. */
function field(pane: Element, api: string): Found<string> | null {
  const item = deepQuery(pane, `[data-target-selection-name$=".Case.${api}"]`);
  const value = item ? firstDeepText(item, VALUE) : null;
  return value ? { value: value.value, source: `Case.${api}` } : null;
}

function firstField(pane: Element, apis: readonly string[]): Found<string> | null {
  for (const api of apis) {
    const found = field(pane, api);
    if (found) return found;
  }
  return null;
}

/** The Case id in the href of the selected console tab whose `aria-controls` is this pane's tab panel. */
function idFromTab(doc: Document, pane: Element): string | null {
  const panel = pane.closest('[role="tabpanel"]')?.id;
  if (!panel) return null;
  const tab = $$(doc, '[role="tab"][aria-selected="true"][aria-controls]').find((t) => t.getAttribute('aria-controls') === panel);
  return CASE_ID.exec(tab?.getAttribute('href') ?? '')?.[1] ?? null;
}

function roleOf(item: Element, requester: string): MessageRole {
  const kind = item.getAttribute('data-feed-item-type') ?? '';
  if (/TextPost|Note|InternalComment/i.test(kind) || item.classList.contains('cuf-feedItem--internal')) return 'internal';
  const actor = textOf(firstMatch(item, ACTOR)?.value);
  return actor && requester && actor === requester ? 'customer' : 'unknown';
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  label: 'Salesforce Service Console',
  hostPatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matches: (url) =>
    /(^|\.)(lightning\.force\.com|my\.salesforce\.com)$/.test(url.hostname) && url.pathname.startsWith('/lightning/'),
  ticketIdFromUrl: (url) => CASE_ID.exec(url.pathname)?.[1] ?? null,
  findTicketRoot: paneOf,
  findComposer(doc) {
    const pane = paneOf(doc);
    return pane ? asHtml(firstDeep(pane, COMPOSER)?.value) : null;
  },
  watchTargets(doc) {
    const pane = paneOf(doc);
    if (!pane) return [];
    const feed = firstMatch(pane, FEED)?.value;
    return feed ? [feed, pane] : [pane];
  },
  read(doc, url) {
    const d = new Diagnostics();
    const pane = paneOf(doc);
    const tabId = pane ? idFromTab(doc, pane) : null;
    const ticketId = cleanText(tabId ?? CASE_ID.exec(url.pathname)?.[1], 40);
    if (ticketId) d.ok('ticketId', tabId ? 'console tab' : 'url');
    else d.fail('ticketId');
    if (!pane || !ticketId) {
      failFields(d, ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer']);
      return { context: null, diagnostics: d.list };
    }
    const subject = d.note('subject', field(pane, 'Subject') ?? firstDeepText(pane, TITLE)) ?? '';
    const requesterName = d.note('requester', firstField(pane, ['ContactId', 'SuppliedName'])) ?? '';
    const emailRaw = firstField(pane, ['ContactEmail', 'SuppliedEmail']);
    const customerKey = exactEmail(emailRaw?.value ?? '');
    d.note('customerKey', customerKey && emailRaw ? { value: customerKey, source: emailRaw.source } : null);
    // Default Case picklists: "Working" is in progress; Origin "Web" is Web-to-Case (a form, i.e. email-like).
    const status = toStatus(d.note('status', field(pane, 'Status'))?.replace(/^working$/i, 'in progress'));
    const channel = toChannel(d.note('channel', field(pane, 'Origin'))?.replace(/^web$/i, 'web form'));
    // Cases have no tags: the Type and Reason picklists are what checklist rules key on instead.
    const tagFields = [field(pane, 'Type'), field(pane, 'Reason')].filter((f): f is Found<string> => f !== null);
    const tags = cleanTags(tagFields.map((f) => f.value));
    if (tagFields.length) d.ok('tags', tagFields.map((f) => f.source).join('+'));
    else d.fail('tags');
    const product = firstField(pane, ['ProductId', 'Product__c'])?.value ?? null;
    const feed = firstMatch(pane, FEED);
    const messages: TicketMessage[] = [];
    if (feed) {
      d.ok('messages', feed.source);
      for (const item of $$(feed.value, FEED_ITEM).slice(-LIMITS.messages)) {
        const text = textOf(firstMatch(item, BODY)?.value ?? $(item, 'p'), LIMITS.messageText);
        if (text) messages.push({ role: roleOf(item, requesterName), text });
      }
    } else d.fail('messages');
    noteComposer(d, firstDeep(pane, COMPOSER));
    return {
      context: { helpdesk: 'salesforce', ticketId, subject, requesterName, customerKey, channel, status, tags, product, messages },
      diagnostics: d.list,
    };
  },
  insertText(doc, text) {
    // Quill (lightning-input-rich-text) picks up execCommand edits; the plain publisher is a textarea.
    const el = this.findComposer(doc);
    return insertInto(el, text, insertOrder(el));
  },
};
