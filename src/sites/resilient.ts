/**
 * Wraps any adapter so it degrades instead of giving up (issue 17): while the URL (or any hook) gives the
 * ticket id, the read yields a context with whatever could be read — the adapter's own hooks, the
 * helpdesk's API, admin selector overrides, then the generic fallbacks in generic.ts — and every field's
 * diagnostic says which of those it came from (`via`), for the panel and site health.
 *
 * Order per field: an admin override that matches wins (it exists to patch a drifted hook); then, for the
 * customer's identity, the API (structured, not page text); then the adapter's own hook; then the API for
 * the other fields (the DOM is live, a cached API answer can lag a status the rep just changed); then
 * the generic fallback.
 */
import { cleanText } from '../core/ticket/sanitize';
import type { ContextField, SiteOverrides, SourcedDiagnostic, TicketContext, TicketMessage } from '../core/ticket/types';
import type { ApiTicket, ReadResult, SiteAdapter } from './adapter';
import { $ } from './dom';
import type { GenericFallbacks } from './generic';
import { insertInto } from './insert';
import { toChannel, toStatus } from './normalize';
import type { Candidate, OverrideReader } from './overrides';

/** How long a page whose URL id is internal gets to render its own pane before the fallback opens it. */
export const URL_ID_GRACE_MS = 2_500;

/** Main content region, else the body: where a drifted page's ticket still lives. */
function fallbackRoot(doc: Document): Element | null {
  return $(doc, 'main, [role="main"]') ?? doc.body;
}

/**
 * Where the generic fallbacks come from. They load on first need (the content script's lazy bundle):
 * `get` is null until then; `request` starts the load and calls `ready` once they are there, so the
 * caller re-reads. Until then a field that needs one reads as missing.
 */
export interface FallbackSource {
  get(): GenericFallbacks | null;
  request(ready: () => void): void;
}

export function resilient(adapter: SiteAdapter, overrides: SiteOverrides, fallbacks: FallbackSource): SiteAdapter {
  const o = overrides;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  /** The fallbacks if loaded; else null, and they are asked for (the readers re-read once they come). */
  const generic = (): GenericFallbacks | null => {
    const g = fallbacks.get();
    if (!g) fallbacks.request(notify);
    return g;
  };
  // The admin's selector overrides are read by code in the lazy bundle (src/sites/overrides.ts): only orgs
  // that set some pay for it, and src/content/index.ts has it loaded before the first read.
  const anyOverride = Object.values(o).some((selectors) => !!selectors?.length);
  let overrideReading: OverrideReader | null = null;
  const ov = (): OverrideReader | null => {
    if (anyOverride) overrideReading ??= generic()?.overrides(o) ?? null;
    return overrideReading;
  };
  // Helpdesks are served over https only; anything else (a test page, a file) never gets an API read.
  const api = adapter.api && typeof location !== 'undefined' && location.protocol === 'https:' ? adapter.api.cache(adapter.api, location.origin, notify) : null;
  // The first time each URL was seen without its pane, for the grace period of internal URL ids.
  let waitingUrl = '';
  let waitingSince = 0;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const urlId = (url: URL, doc: Document): string | null => {
    return ov()?.ticketId(doc)?.value || adapter.ticketIdFromUrl(url);
  };

  /** May the fallback open this URL's ticket now? At once, unless the URL's id may differ from the shown one. */
  const graceOver = (url: URL): boolean => {
    if (!adapter.urlIdMayDiffer) return true;
    if (waitingUrl !== url.href) {
      waitingUrl = url.href;
      waitingSince = Date.now();
      clearTimeout(graceTimer);
      graceTimer = setTimeout(notify, URL_ID_GRACE_MS + 50);
    }
    return Date.now() - waitingSince >= URL_ID_GRACE_MS;
  };

  const rootOf = (doc: Document): Element | null => ov()?.root(doc) ?? adapter.findTicketRoot(doc);

  function composerOf(doc: Document): { el: HTMLElement; source: string; via: 'override' | 'selector' | 'fallback' } | null {
    const scope = rootOf(doc) ?? fallbackRoot(doc) ?? doc;
    const over = ov()?.composer(scope, doc);
    if (over) return { el: over.el as HTMLElement, source: over.sel, via: 'override' };
    const own = adapter.findComposer(doc);
    if (own) return { el: own, source: 'adapter', via: 'selector' };
    const g = generic();
    const near = g && (g.composerNearSend(scope) ?? (scope !== doc ? g.composerNearSend(doc) : null));
    return near ? { el: near, source: 'editable box nearest the send button', via: 'fallback' } : null;
  }

  function read(doc: Document, url: URL): ReadResult {
    const base = adapter.read(doc, url);
    const ownRoot = adapter.findTicketRoot(doc);
    const overRoot = ov()?.root(doc) ?? null;
    let ticketId = base.context?.ticketId ?? null;
    let idDiag: SourcedDiagnostic | undefined = base.diagnostics.find((d) => d.field === 'ticketId' && d.ok);
    if (!ticketId) {
      const id = urlId(url, doc);
      const overId = ov()?.ticketId(doc);
      // A rendered pane (own or admin's) proves the ticket at once; without one, honour the grace period.
      if (id && (ownRoot || overRoot || overId || graceOver(url))) {
        ticketId = cleanText(id, 40);
        idDiag = { field: 'ticketId', ok: true, source: overId ? overId.sel : 'url', via: overId ? 'override' : 'url' };
      }
    }
    if (!ticketId) return base;
    const root = overRoot ?? ownRoot ?? fallbackRoot(doc) ?? doc.documentElement;
    const fromApi: ApiTicket = api?.get(ticketId) ?? {};
    const own = new Map(base.diagnostics.map((d) => [d.field, d]));
    const ctx: Partial<TicketContext> = base.context ?? {};
    const diags: SourcedDiagnostic[] = [{ ...(idDiag ?? { field: 'ticketId', ok: true, source: 'url' }), via: idDiag?.via ?? (idDiag?.source === 'url' ? 'url' : 'selector') }];
    const ownOk = (f: ContextField) => !!base.context && own.get(f)?.ok === true;
    /** The first candidate that yields a value decides the field and its diagnostic. */
    const choose = <T>(field: ContextField, fallbackValue: T, ...candidates: (() => Candidate<T> | null | undefined | false | '')[]): T => {
      for (const candidate of candidates) {
        const c = candidate();
        if (!c) continue;
        // Sources can hold page-chosen class names: bounded, cleaned (they are stored for site health).
        diags.push({ field, ok: true, source: cleanText(c.source, 120), via: c.via });
        return c.value;
      }
      diags.push({ field, ok: false });
      return fallbackValue;
    };
    const ownField = <T>(field: ContextField, value: T | undefined | null): Candidate<T> | null => {
      const d = own.get(field);
      if (!ownOk(field) || value === undefined || value === null || value === '' || !d) return null;
      return { value, source: d.source ?? 'adapter', via: (d as SourcedDiagnostic).via ?? (d.source === 'url' ? 'url' : 'selector') };
    };
    const over = ov()?.fields(root) ?? {};
    const fromApiField = <T>(value: T | undefined): Candidate<T> | null => (value !== undefined ? { value, source: 'ticket API', via: 'api' } : null);

    // Requester and the customer's identity: structured data only, API first (issue 15 #6).
    const requesterName = choose(
      'requester',
      '',
      () => over.requester,
      () => fromApiField(fromApi.requesterName),
      () => ownField('requester', ctx.requesterName),
    );
    const subject = choose(
      'subject',
      '',
      () => over.subject,
      () => ownField('subject', ctx.subject),
      () => fromApiField(fromApi.subject),
      () => {
        const title = generic()?.subjectFromTitle(doc.title, adapter.label, ticketId, requesterName);
        return title ? { value: title, source: 'document title', via: 'fallback' } : null;
      },
    );

    const customerKey = choose<string | null>(
      'customerKey',
      null,
      () => over.customerKey,
      () => fromApiField(fromApi.customerKey),
      () => over.customerKeyOfRequester,
      () => ownField('customerKey', ctx.customerKey),
    );

    const status = choose(
      'status',
      'other',
      () => over.status,
      () => ownField('status', ctx.status),
      () => fromApiField(fromApi.status === undefined ? undefined : toStatus(fromApi.status)),
    );
    const channel = choose(
      'channel',
      'other',
      () => over.channel,
      () => ownField('channel', ctx.channel),
      () => fromApiField(fromApi.channel === undefined ? undefined : toChannel(fromApi.channel)),
    );
    const tags = choose<readonly string[]>(
      'tags',
      [],
      () => over.tags,
      () => ownField('tags', ctx.tags),
      () => fromApiField(fromApi.tags),
    );

    // Messages: the live conversation is read from the DOM only.
    const composer = composerOf(doc);
    const messages = choose<readonly TicketMessage[]>(
      'messages',
      [],
      () => over.messages,
      () => (ctx.messages?.length ? ownField('messages', ctx.messages) : null),
      () => {
        const g = generic();
        const list = g?.largestMessageList(root, composer?.el ?? null);
        return g && list ? { value: g.messagesOf(list.items), source: list.source, via: 'fallback' } : null;
      },
      // A log the adapter found but that holds no message yet still counts as read.
      () => ownField('messages', ctx.messages),
    );
    choose('composer', null, () => composer && { value: null, source: composer.via === 'selector' ? (own.get('composer')?.source ?? composer.source) : composer.source, via: composer.via });

    const context: TicketContext = {
      helpdesk: adapter.id,
      ticketId,
      subject,
      requesterName: cleanText(requesterName),
      customerKey,
      channel,
      status,
      tags,
      product: ctx.product ?? null,
      messages,
    };
    return { context, diagnostics: diags };
  }

  return {
    ...adapter,
    findTicketRoot(doc) {
      const root = rootOf(doc);
      if (root) return root;
      const url = new URL(doc.location?.href ?? location.href);
      return urlId(url, doc) && (!adapter.urlIdMayDiffer || (waitingUrl === url.href && Date.now() - waitingSince >= URL_ID_GRACE_MS)) ? fallbackRoot(doc) : null;
    },
    findComposer: (doc) => composerOf(doc)?.el ?? null,
    read,
    async insertText(doc, text) {
      const found = composerOf(doc);
      if (found?.via === 'selector') return adapter.insertText(doc, text);
      return insertInto(found?.el ?? null, text);
    },
    watchTargets(doc) {
      if (adapter.findTicketRoot(doc)) return adapter.watchTargets?.(doc) ?? [];
      const root = rootOf(doc) ?? fallbackRoot(doc);
      return root ? [root] : [];
    },
    settled: (ticketId) => api?.settled(ticketId) ?? Promise.resolve(),
    onAsyncUpdate(listener, signal) {
      listeners.add(listener);
      signal.addEventListener('abort', () => {
        listeners.delete(listener);
        clearTimeout(graceTimer);
      });
    },
  };
}
