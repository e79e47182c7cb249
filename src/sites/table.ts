/**
 * Adapters as data plus small hooks (issue 17): a helpdesk is a table of ordered selector fallbacks per
 * field, and this engine does the reading every adapter used to repeat — scope to the active ticket,
 * take the id (a hook, else the URL), read each field with a diagnostic naming the selector that matched,
 * collect the thread, find the composer. Product quirks stay in small hooks (which pane is active, how a
 * message's sender is marked, where a structured customer id hides). Admin overrides, the API and the
 * generic fallbacks are layered on top by resilient.ts, the same for every adapter.
 */
import { cleanTags, cleanText, LIMITS } from '../core/ticket/sanitize';
import type { HelpdeskId, MessageRole, TicketMessage } from '../core/ticket/types';
import type { InsertStrategy, SiteAdapter, TicketApi } from './adapter';
import { $, $$, Diagnostics, type Found, firstMatch, firstText, lastMatches, textOf } from './dom';
import { structuredEmail } from './markup-hints';
import { insertInto } from './insert';
import { toChannel, toStatus } from './normalize';

/** Ordered selector fallbacks, or a hook where the value needs product knowledge (Salesforce's record fields by API name). */
export type FieldPick = readonly string[] | ((scope: Element) => Found<string> | null);

function pickText(scope: Element, pick: FieldPick): Found<string> | null {
  return typeof pick === 'function' ? pick(scope) : firstText(scope, pick);
}

export interface SiteTable {
  readonly id: Exclude<HelpdeskId, 'custom'>;
  readonly label: string;
  readonly hostPatterns: readonly string[];
  readonly matches: (url: URL) => boolean;
  readonly ticketIdFromUrl: (url: URL) => string | null;
  /** The active ticket's root, first match wins; or a hook where "active" needs product knowledge. */
  /** The hook gets the URL `read()` was given when there is one (the viewer it names is the active one). */
  readonly root: readonly string[] | ((doc: Document, url?: URL) => Element | null);
  /** The id the page shows, when it is better than the URL's (the pane switched before the URL did). */
  readonly pageId?: (root: Element, doc: Document) => Found<string> | null;
  readonly subject: FieldPick;
  /** When the page shows no subject (chats): e.g. the first customer message, as the inbox list does. */
  readonly subjectFallback?: (messages: readonly TicketMessage[]) => Found<string> | null;
  /** The customer-details region (sidebar, profile card) the requester, e-mail, id and product are read in. */
  readonly customerScope?: readonly string[];
  readonly requester: FieldPick;
  /** Structured e-mail of the customer: elements whose whole value / mailto / e-mail attribute is one address. */
  readonly email?: readonly string[];
  /** The helpdesk's own customer id when no e-mail is shown (a profile link, a data attribute). */
  readonly customerId?: (root: Element) => Found<string> | null;
  readonly status: FieldPick;
  /** Where the status hides when no status hook matches (a labelled form field). */
  readonly statusFallback?: (root: Element) => Found<string> | null;
  readonly channel: FieldPick;
  /** What the product implies when no channel is shown (Help Scout is email-first, Intercom chat-first). */
  readonly channelFallback?: (root: Element, messages: readonly Element[]) => Found<string> | null;
  /** Tag elements, or a hook where tags are one delimited value (HubSpot's Category property). */
  readonly tags: readonly string[] | ((root: Element) => Found<readonly string[]> | null);
  readonly product?: FieldPick;
  /** The conversation log and, inside it, one element per message; 'root' when messages sit directly in the root. */
  readonly thread: readonly string[] | 'root' | ((root: Element) => Found<Element> | null);
  readonly message: string;
  /** The message body inside a message element (else the whole element). */
  readonly messageBody?: readonly string[];
  /** Put message elements in time order (some products list the newest first). */
  readonly orderMessages?: (items: Element[]) => Element[];
  /** Who wrote a message; null skips it (status lines). */
  readonly roleOf: (message: Element, requesterName: string) => MessageRole | null;
  /** A first message the log does not hold (ServiceNow's description is the caller's opening message). */
  readonly leadMessage?: (root: Element) => TicketMessage | null;
  /** The reply editor, or a hook where it is found from something else (a send button, an editor iframe). */
  readonly composer: readonly string[] | ((root: Element) => Found<Element> | null);
  /** Insert strategies, best first; by default by element type (textarea: native setter; rich editor: typing). */
  readonly insertOrder?: readonly InsertStrategy[];
  readonly api?: TicketApi;
  readonly urlIdMayDiffer?: boolean;
}

const FIELDS_AFTER_ID = ['subject', 'requester', 'customerKey', 'status', 'channel', 'tags', 'messages', 'composer'] as const;

export function tableAdapter(t: SiteTable): SiteAdapter {
  const rootOf = (doc: Document, url?: URL): Element | null => (typeof t.root === 'function' ? t.root(doc, url) : (firstMatch(doc, t.root)?.value ?? null));
  const threadOf = (root: Element): Found<Element> | null => {
    if (t.thread === 'root') return { value: root, source: 'ticket root' };
    if (typeof t.thread === 'function') return t.thread(root);
    const inside = firstMatch(root, t.thread);
    if (inside) return inside;
    // The root may itself be the log (a page without its usual wrapper).
    const self = t.thread.find((sel) => {
      try {
        return root.matches(sel);
      } catch {
        return false;
      }
    });
    return self ? { value: root, source: self } : null;
  };
  const composerIn = (root: Element): Found<Element> | null => (typeof t.composer === 'function' ? t.composer(root) : firstMatch(root, t.composer));
  const adapter: SiteAdapter = {
    id: t.id,
    label: t.label,
    hostPatterns: t.hostPatterns,
    matches: t.matches,
    ticketIdFromUrl: t.ticketIdFromUrl,
    findTicketRoot: (doc) => rootOf(doc),
    ...(t.api ? { api: t.api } : {}),
    ...(t.urlIdMayDiffer ? { urlIdMayDiffer: true } : {}),
    findComposer(doc) {
      const root = rootOf(doc);
      return root ? ((composerIn(root)?.value as HTMLElement | undefined) ?? null) : null;
    },
    watchTargets(doc) {
      const root = rootOf(doc);
      const log = root ? threadOf(root)?.value : undefined;
      return [log === root ? undefined : log, root].filter((el): el is Element => !!el);
    },
    read(doc, url) {
      const d = new Diagnostics();
      const root = rootOf(doc, url);
      const fromPage = root && t.pageId ? t.pageId(root, doc) : null;
      const fromUrl = t.ticketIdFromUrl(url);
      const ticketId = cleanText(fromPage?.value || fromUrl, 40);
      if (root && ticketId) d.ok('ticketId', fromPage?.value ? fromPage.source : 'url');
      else d.fail('ticketId');
      if (!root || !ticketId) {
        for (const f of FIELDS_AFTER_ID) d.fail(f);
        return { context: null, diagnostics: d.list };
      }
      // Found first, noted after, so diagnostics keep the usual field order.
      const scope = (t.customerScope ? firstMatch(root, t.customerScope)?.value : null) ?? root;
      const requesterFound = pickText(scope, t.requester) ?? (scope !== root ? pickText(root, t.requester) : null);
      // A requester field may show "Name <address>": the name is the display part; the key never comes from it.
      const requesterName = cleanText((requesterFound?.value ?? '').replace(/<[^<>]*@[^<>]*>|\S+@\S+/g, ' ')) || '';
      const log = threadOf(root);
      // Only the kept messages are read (the page may stream into a log of thousands); a product that
      // reorders its messages needs them all to know which are the last.
      let all: Element[] | null = null;
      const allItems = (): Element[] => {
        all ??= log ? $$(log.value, t.message) : [];
        return all;
      };
      const kept = t.orderMessages ? t.orderMessages(allItems()).slice(-LIMITS.messages) : log ? lastMatches(log.value, t.message, LIMITS.messages) : [];
      const messages: TicketMessage[] = [];
      for (const item of kept) {
        const role = t.roleOf(item, requesterName);
        if (!role) continue;
        const body = (t.messageBody ?? []).map((sel) => $(item, sel)).find(Boolean) ?? item;
        const text = textOf(body, LIMITS.messageText);
        if (text) messages.push({ role, text });
      }
      const lead = log ? t.leadMessage?.(root) : null;
      if (lead) messages.splice(0, messages.length, ...[lead, ...messages].slice(-LIMITS.messages));
      const subject = d.note('subject', pickText(root, t.subject) ?? t.subjectFallback?.(messages) ?? null) ?? '';
      d.note('requester', requesterFound);
      const requesterEl = typeof t.requester === 'function' ? null : (firstMatch(scope, t.requester) ?? firstMatch(root, t.requester));
      const emailEl = t.email ? firstMatch(scope, t.email) : null;
      // The e-mail hook, else the customer card as a whole, else the requester field: structured data only.
      const email =
        (emailEl ? structuredEmail(emailEl.value) : null) ??
        (scope !== root ? structuredEmail(scope) : null) ??
        (requesterEl ? structuredEmail(requesterEl.value) : null);
      const key: Found<string> | null = email
        ? { value: email.value, source: `${emailEl?.source ?? t.customerScope?.[0] ?? requesterEl?.source} (${email.source})` }
        : (t.customerId?.(scope) ?? null);
      const customerKey = d.note('customerKey', key);
      const status = toStatus(d.note('status', pickText(root, t.status) ?? t.statusFallback?.(root) ?? null));
      const channel = toChannel(d.note('channel', pickText(root, t.channel) ?? t.channelFallback?.(root, allItems()) ?? null));
      let tags: string[] = [];
      if (typeof t.tags === 'function') tags = cleanTags(d.note('tags', t.tags(root)) ?? []);
      else {
        const tagFound = firstMatch(root, t.tags);
        tags = tagFound ? cleanTags($$(root, tagFound.source).map((el) => el.textContent ?? '')) : [];
        d.note('tags', tagFound);
      }
      const product = (t.product ? pickText(scope, t.product) : null)?.value ?? null;
      d.note('messages', log);
      d.note('composer', composerIn(root));
      return {
        context: { helpdesk: t.id, ticketId, subject, requesterName, customerKey, channel, status, tags, product, messages },
        diagnostics: d.list,
      };
    },
    insertText(doc, text) {
      const el = adapter.findComposer(doc);
      return insertInto(el, text, t.insertOrder);
    },
  };
  return adapter;
}

/**
 * A structured customer id from an attribute on the first matching element (`data-requester-id`, a
 * profile link's href), through `pattern`'s first group when given. Kept raw, as earlier versions stored it,
 * so hashed keys stay comparable across versions and merged logs.
 */
export function idAttribute(selectors: readonly string[], attr: string, pattern?: RegExp): (root: Element) => Found<string> | null {
  return (root) => {
    const found = firstMatch(root, selectors);
    const raw = found?.value.getAttribute(attr) ?? '';
    const id = cleanText(pattern ? pattern.exec(raw)?.[1] : raw, 64);
    return found && id ? { value: id, source: `${found.source} [${attr}]` } : null;
  };
}
