/**
 * Freshdesk's ticket JSON as the signed-in agent's session reads it (see ../api.ts for the fetch, cache and
 * origin checks).
 *
 * Why this endpoint: the agent UI (Ember) loads each ticket from `/api/_/tickets/{id}` on the helpdesk's own
 * origin with the session cookie alone; a GET needs no CSRF token (only writes send `X-CSRF-Token`). Public
 * userscripts read it exactly this way, e.g. jinhucheung/freshdesk-userscripts
 * (freshdesk-ticket-note-agent.user.js: `fetch('/api/_/tickets/' + id)` and `data.ticket`), and others that
 * read `/api/_/tickets/{id}?include=requester` through the agent's session. The answer wraps the ticket in
 * `ticket`; its fields are those of the documented API v2 ticket (developers.freshdesk.com/api/#view_a_ticket):
 * numeric `status` (2 open, 3 pending, 4 resolved, 5 closed) and `source`, `requester_id`, `tags`, and with
 * `include=requester` an embedded `requester` { id, name, email }. The documented `/api/v2` host itself
 * authenticates with the agent's API key (developers.freshdesk.com/api/#authentication), which we never ask
 * for, so it is not used. A bare v2-shaped ticket (no `ticket` wrapper) is read the same way.
 */
import { cleanTags, cleanText } from '../../core/ticket/sanitize';
import type { ApiTicket, TicketApi } from '../adapter';
import { createApiCache } from '../api';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max?: number): string | undefined => (typeof v === 'string' ? cleanText(v, max) || undefined : undefined);
/** Freshdesk ids are positive integers; anything else (strings, floats, huge numbers) is not an id. */
const idOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);

/** Status codes the API documents; custom statuses (6+) are account-specific, so the DOM's label is used instead. */
const STATUS: Readonly<Record<number, string>> = { 2: 'open', 3: 'pending', 4: 'resolved', 5: 'closed' };
/** Source codes the API documents, named so `toChannel` can sort them (a feedback widget is a web form). */
const SOURCE: Readonly<Record<number, string>> = { 1: 'email', 2: 'portal', 3: 'phone', 7: 'chat', 9: 'web form', 10: 'outbound email' };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/;

function customerKeyOf(requester: Record<string, unknown> | undefined, requesterId: number | undefined): string | undefined {
  const raw = typeof requester?.email === 'string' && requester.email.length <= 254 ? requester.email.trim().toLowerCase() : '';
  // The whole value must be one address: "Name <a@b.c>" or two addresses is not an identity we trust.
  if (EMAIL.test(raw)) return raw;
  return requesterId !== undefined ? `freshdesk-user:${requesterId}` : undefined;
}

export const freshdeskApi: TicketApi = {
  cache: createApiCache,
  path: (id) => `/api/_/tickets/${encodeURIComponent(id)}?include=requester`,
  parse(json, ticketId): ApiTicket | null {
    const t = isRecord(json) && isRecord(json.ticket) ? json.ticket : json;
    if (!isRecord(t)) return null;
    // The answer must be about the ticket on screen (the URL's number is the ticket's id / display id).
    const id = idOf(t.id);
    const displayId = idOf(t.display_id);
    if (!ticketId || (String(id ?? '') !== ticketId && String(displayId ?? '') !== ticketId)) return null;

    const requesterId = idOf(t.requester_id);
    const embedded = isRecord(t.requester) ? t.requester : undefined;
    // An embedded requester that names another contact than `requester_id` is not this ticket's customer.
    const requester = embedded && (requesterId === undefined || idOf(embedded.id) === undefined || idOf(embedded.id) === requesterId) ? embedded : undefined;
    const status = typeof t.status === 'number' ? STATUS[t.status] : undefined;
    const channel = typeof t.source === 'number' ? SOURCE[t.source] : undefined;
    return {
      subject: str(t.subject),
      status,
      channel,
      tags: Array.isArray(t.tags) ? cleanTags(t.tags.filter((x): x is string => typeof x === 'string')) : undefined,
      requesterName: str(requester?.name),
      customerKey: customerKeyOf(requester, requesterId ?? idOf(requester?.id)),
    };
  },
};
