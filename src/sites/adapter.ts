/**
 * The one interface every helpdesk implements. Site knowledge (URLs, selectors, editors) lives in one
 * adapter file per helpdesk under `adapters/`; generic DOM work lives in `dom.ts`, `insert.ts`, `watch.ts`.
 */
import type { ApiCache } from './api';
import type { FieldDiagnostic, HelpdeskId, TicketContext } from '../core/ticket/types';

export interface ReadResult {
  /** Null when the page is not (yet) a readable ticket; `diagnostics` then says what is missing. */
  readonly context: TicketContext | null;
  readonly diagnostics: readonly FieldDiagnostic[];
}

export type InsertStrategy = 'execCommand' | 'paste-event' | 'native-setter' | 'page-editor-api';

export interface InsertResult {
  /** True only when the text was read back from the editor after inserting. */
  readonly inserted: boolean;
  readonly strategy?: InsertStrategy;
  /** Why it failed (no composer, editor refused), so the caller can fall back to the clipboard. */
  readonly reason?: string;
}

export interface SiteAdapter {
  readonly id: HelpdeskId;
  /** Human name shown in diagnostics and the options page. */
  readonly label: string;
  /**
   * Manifest match patterns for the product's hosts. The manifest's content_scripts/host_permissions
   * must cover them; a unit test checks that every adapter's example URLs are covered.
   */
  readonly hostPatterns: readonly string[];
  /** Cheap: called on every URL change. */
  matches(url: URL): boolean;
  /** The ticket/conversation id when the product puts it in the URL; null otherwise. */
  ticketIdFromUrl(url: URL): string | null;
  /**
   * The root element of the *active* ticket (the visible pane where the product keeps several tickets in
   * the DOM). Null while the ticket has not rendered. Every read is scoped to it.
   */
  findTicketRoot(doc: Document): Element | null;
  /** Read the ticket context from the active pane. Never throws; bounds and cleans all text. */
  read(doc: Document, url: URL): ReadResult;
  /** The reply composer of the active ticket, if rendered. */
  findComposer(doc: Document): HTMLElement | null;
  /** Insert text into the composer with this product's best strategy, verified by reading it back. */
  insertText(doc: Document, text: string): Promise<InsertResult>;
  /**
   * Narrow nodes whose subtree changes mean "re-read" (conversation log, header, status field). The
   * watcher observes these instead of the whole document. Falls back to the ticket root.
   */
  watchTargets?(doc: Document): Element[];
  /**
   * The id in the URL is an internal one that differs from the id the product shows once the ticket
   * renders (ServiceNow sys_id vs INC number, Zoho's record id vs ticket number): the generic fallback
   * then waits a moment for the real pane before it opens the ticket under the URL's id.
   */
  readonly urlIdMayDiffer?: boolean;
  /** A same-origin JSON read through the agent's own session (see api.ts); absent where none is usable. */
  readonly api?: TicketApi;
  /** Reads that complete later (the API answer, the fallback's wait) call `listener` so the caller re-reads. */
  onAsyncUpdate?(listener: () => void, signal: AbortSignal): void;
  /** Settles when this ticket's API read is done (or after a short bound): the identity is then final. */
  settled?(ticketId: string): Promise<void>;
}

/** What a helpdesk's own API gave for a ticket; every string already cleaned and bounded. */
export interface ApiTicket {
  readonly subject?: string;
  readonly requesterName?: string;
  /** Structured e-mail (or the helpdesk's user id) of the requester. */
  readonly customerKey?: string;
  readonly status?: string;
  readonly channel?: string;
  readonly tags?: readonly string[];
}

export interface TicketApi {
  /** Path (same origin) of the ticket's JSON, e.g. `/api/v2/tickets/4521.json?include=users`. */
  path(ticketId: string): string;
  /** The fields it understood, or null for an answer of the wrong shape. Never throws. */
  parse(json: unknown, ticketId: string): ApiTicket | null;
  /**
   * The cache that reads it (api.ts `createApiCache`), brought by the API itself: resilient.ts calls it, so a
   * bundle whose helpdesk reads no API does not carry the cache (0.4 kB gzip).
   */
  readonly cache: (api: TicketApi, origin: string, onLoaded: () => void) => ApiCache;
}
