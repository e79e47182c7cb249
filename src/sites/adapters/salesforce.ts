/**
 * Salesforce Lightning Service Console, Case records. The console keeps every open workspace tab in the DOM
 * (`section.tabContent.oneConsoleTab`, only one `.active`); reads are scoped to the active one. Record fields
 * carry `data-target-selection-name="sfdc:RecordField.Case.<ApiName>"`; LWC parts may sit in open shadow roots,
 * so field and composer lookups pierce them. Hooks: shared/reference/helpdesks.md (Salesforce).
 *
 * A second public source (UNiXMIT/UNiXSF, SFExt/js/SFExt.js; test/fixtures/salesforce/second-source.html)
 * works the console in split view and finds fields by their label instead: the open case is
 * `div.split-right > .tabContent.active.oneConsoleTab` (no `.windowViewMode-*` inside), a field is
 * `[field-label="Subject"]` with its value in `[name="outputField"]`, the publisher is
 * `.publisherInputContainer .ql-editor`. Labels are the org's (translatable, renamable): they are tried only
 * after the API name, with Salesforce's default English labels.
 *
 * Hooks, how sure we are (issue 17; marks as in shared/reference/helpdesks.md):
 * Verified [code]: `/lightning/r/<Object>/<id>/view`, active console tab classes (both sources),
 * `a.tabHeader[aria-selected="true"]` with the case href (UNiXSF), `h1 .slds-page-header__title`,
 * `records-record-layout-item` with `data-target-selection-name`, `[field-label="Subject"|"Case Number"|
 * "Contact Name"|"Account Name"|"Product"] [name="outputField"]` and `.publisherInputContainer .ql-editor`
 * (UNiXSF). [code?]: the Chatter selectors `.feedContainer`, `.cuf-feedElement`, `.actorName`, `.feedBodyInner`
 * (KimINV/salesforce-scraper, a heuristic list). Guesses: which shadow roots are open in a given org, the
 * "Status", "Case Origin", "Contact Email", "Web Email", "Case Reason" default labels, the e-mail and status
 * field layout, the `.cuf-publisher` composer. API: none used — the
 * REST/UI API needs an OAuth bearer token, and "sessions created by Lightning components aren't enabled for
 * API access" (developer.salesforce.com/docs/platform/lwc/guide/data-api-calls-apex.html).
 * Every field also has the generic fallbacks of ../resilient.ts, and admins can override any hook.
 * Table form (issue 17): ../table.ts reads; the hooks are record fields by API name, else by default label
 * (piercing open shadow roots), the console tab's Case id, and the picklist translations below.
 */
import { cleanTags } from '../../core/ticket/sanitize';
import type { MessageRole } from '../../core/ticket/types';
import { $$, deepQuery, exactEmail, type Found, firstMatch, textOf } from '../dom';
import { firstDeep, firstDeepText } from '../dom-extra';
import { tableAdapter } from '../table';

const CASE_ID = /\/lightning\/r\/(?:Case\/)?(500[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?:\/|$)/;
const ACTIVE_PANE = [
  'section.tabContent.active.oneConsoleTab .windowViewMode-maximized.active',
  'section.tabContent.active.oneConsoleTab .oneWorkspaceTabWrapper',
  '.oneWorkspaceTabWrapper.active',
  'div.windowViewMode-maximized.active.lafPageHost',
  'div.windowViewMode-maximized.active',
  'div.windowViewMode-normal.active',
  'div.split-right > .tabContent.active.oneConsoleTab',
];
const VALUE = [
  '.test-id__field-value',
  '[name="outputField"]',
  '.slds-form-element__static',
  'lightning-formatted-text',
  'lightning-formatted-name',
  'lightning-formatted-email',
  'force-lookup',
  'a',
];
const TITLE = ['h1 .slds-page-header__title lightning-formatted-text', 'h1 .slds-page-header__title'];
const FEED = ['.cuf-feed', 'force-chatter-feed', '.forceChatterFeed', '.feedContainer'];
const FEED_ITEM = '.cuf-feedItem, .forceChatterFeedItem, .cuf-feedElement';
const ACTOR = ['.cuf-feedItemActor', '.cuf-entityLinkId', '.slds-feed__item-header a', '.actorName'];
const BODY = ['.cuf-feedBodyText', '.feedBodyInner', '.slds-feed__item-comments', '.slds-rich-text-editor__output', 'p'];
const COMPOSER = [
  '.cuf-publisher .ql-editor[contenteditable="true"]',
  'lightning-input-rich-text .ql-editor[contenteditable="true"]',
  '.slds-rich-text-area__content[contenteditable="true"]',
  '.publisherInputContainer .ql-editor[contenteditable="true"]',
  'textarea.cuf-messageTextArea',
  '.cuf-publisher textarea',
];

/** Salesforce's default English labels of the Case fields read here, for layouts found by label only. */
const DEFAULT_LABEL: Record<string, string> = {
  Subject: 'Subject',
  Status: 'Status',
  Origin: 'Case Origin',
  ContactId: 'Contact Name',
  SuppliedName: 'Web Name',
  ContactEmail: 'Contact Email',
  SuppliedEmail: 'Web Email',
  Type: 'Type',
  Reason: 'Case Reason',
  ProductId: 'Product',
};

/** The value part of a record field (not its label) in `item`, named for site health by `source`. */
function fieldValue(item: Element | null, source: string): Found<string> | null {
  const value = item ? firstDeepText(item, VALUE) : null;
  return value ? { value: value.value, source } : null;
}

const byApiName = (pane: Element, api: string): Found<string> | null =>
  fieldValue(deepQuery(pane, `[data-target-selection-name$=".Case.${api}"]`), `Case.${api}`);

function byDefaultLabel(pane: Element, api: string): Found<string> | null {
  const label = DEFAULT_LABEL[api];
  return label ? fieldValue(deepQuery(pane, `[field-label="${label}"]`), `[field-label="${label}"]`) : null;
}

/** A record field by API name, else by its default label. */
function field(pane: Element, api: string): Found<string> | null {
  return byApiName(pane, api) ?? byDefaultLabel(pane, api);
}

/** The first of several fields: every API name before any label (labels are the less certain hook). */
function firstField(pane: Element, apis: readonly string[]): Found<string> | null {
  for (const read of [byApiName, byDefaultLabel]) {
    for (const api of apis) {
      const found = read(pane, api);
      if (found) return found;
    }
  }
  return null;
}

/** A feed element wrapping a feed item is one message, not two: keep the outermost match. */
function outermost(items: Element[]): Element[] {
  return items.filter((el) => !items.some((other) => other !== el && other.contains(el)));
}

/** A field whose picklist value is translated into the words the core understands. */
function translated(api: string, from: RegExp, to: string): (pane: Element) => Found<string> | null {
  return (pane) => {
    const found = field(pane, api);
    return found ? { value: found.value.replace(from, to), source: found.source } : null;
  };
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

export const salesforce = tableAdapter({
  id: 'salesforce',
  label: 'Salesforce Service Console',
  hostPatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matches: (url) =>
    /(^|\.)(lightning\.force\.com|my\.salesforce\.com)$/.test(url.hostname) && url.pathname.startsWith('/lightning/'),
  ticketIdFromUrl: (url) => CASE_ID.exec(url.pathname)?.[1] ?? null,
  root: (doc) => firstMatch(doc, ACTIVE_PANE)?.value ?? null,
  pageId(pane, doc) {
    const id = idFromTab(doc, pane);
    return id ? { value: id, source: 'console tab' } : null;
  },
  subject: (pane) => field(pane, 'Subject') ?? firstDeepText(pane, TITLE),
  requester: (pane) => firstField(pane, ['ContactId', 'SuppliedName']),
  // The contact's e-mail field (or Web-to-Case's supplied one), when it holds exactly one address.
  customerId(pane) {
    const raw = firstField(pane, ['ContactEmail', 'SuppliedEmail']);
    const email = exactEmail(raw?.value ?? '');
    return email && raw ? { value: email, source: raw.source } : null;
  },
  // Default Case picklists: "Working" is in progress; Origin "Web" is Web-to-Case (a form, i.e. email-like).
  status: translated('Status', /^working$/i, 'in progress'),
  channel: translated('Origin', /^web$/i, 'web form'),
  // Cases have no tags: the Type and Reason picklists are what checklist rules key on instead.
  tags(pane) {
    const found = [field(pane, 'Type'), field(pane, 'Reason')].filter((f): f is Found<string> => f !== null);
    return found.length ? { value: cleanTags(found.map((f) => f.value)), source: found.map((f) => f.source).join('+') } : null;
  },
  product: (pane) => firstField(pane, ['ProductId', 'Product__c']),
  thread: FEED,
  message: FEED_ITEM,
  orderMessages: outermost,
  messageBody: BODY,
  roleOf,
  composer: (pane) => firstDeep(pane, COMPOSER),
  // Quill (lightning-input-rich-text) picks up execCommand edits; the plain publisher is a textarea (by type).
});
