/**
 * Same-origin reads through the agent's own helpdesk session: a GET of the ticket's JSON with the
 * session cookie the browser already holds. No credential is stored, read or added by us; the request
 * goes only to the helpdesk page's own origin (checked again after redirects), and each ticket is read
 * once per page life (cached by ticket id, bounded). A failed read is not retried until the page
 * reloads: the DOM read goes on without it.
 */
import type { ApiTicket, TicketApi } from './adapter';

const MAX_CACHED = 50;
const MAX_BYTES = 2_000_000;
/** The interaction's start waits at most this long for the customer's identity from the API. */
export const API_WAIT_MS = 2_000;

type Entry = { state: 'pending'; done: Promise<void> } | { state: 'done'; value: ApiTicket | null };

export interface ApiCache {
  /** The cached answer for this ticket (undefined while pending or failed); starts a read when unseen. */
  get(ticketId: string): ApiTicket | undefined;
  /** Resolves when this ticket's read is done, or after API_WAIT_MS. */
  settled(ticketId: string): Promise<void>;
}

export function createApiCache(api: TicketApi, origin: string, onLoaded: () => void): ApiCache {
  const entries = new Map<string, Entry>();
  async function load(ticketId: string): Promise<void> {
    let value: ApiTicket | null = null;
    try {
      const url = new URL(api.path(ticketId), origin);
      if (url.origin !== origin) throw new Error('not same-origin');
      const res = await fetch(url.href, { credentials: 'same-origin', headers: { Accept: 'application/json' }, redirect: 'error' });
      const type = res.headers.get('content-type') ?? '';
      if (res.ok && new URL(res.url || url.href).origin === origin && /\bjson\b/i.test(type)) {
        const text = await res.text();
        if (text.length <= MAX_BYTES) value = api.parse(JSON.parse(text), ticketId);
      }
    } catch {
      value = null; // signed out, API switched off for agents, offline: the DOM read stands alone
    }
    entries.set(ticketId, { state: 'done', value });
    if (value) onLoaded();
  }
  return {
    get(ticketId) {
      const entry = entries.get(ticketId);
      if (entry) return entry.state === 'done' ? (entry.value ?? undefined) : undefined;
      if (entries.size >= MAX_CACHED) entries.delete(entries.keys().next().value as string);
      // Deferred a microtask so the pending entry is in place before any synchronous failure settles it.
      entries.set(ticketId, { state: 'pending', done: Promise.resolve().then(() => load(ticketId)) });
      return undefined;
    },
    settled(ticketId) {
      const entry = entries.get(ticketId);
      if (entry?.state !== 'pending') return Promise.resolve();
      return Promise.race([entry.done, new Promise<void>((r) => setTimeout(r, API_WAIT_MS))]);
    },
  };
}
