/**
 * Zendesk's ticket API as the agent's session reads it (see ../api.ts for the fetch, cache and origin checks).
 */
import { cleanTags, cleanText } from '../../core/ticket/sanitize';
import type { TicketApi } from '../adapter';
import { createApiCache } from '../api';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max?: number): string | undefined => (typeof v === 'string' ? cleanText(v, max) || undefined : undefined);

/**
 * Zendesk Support API, documented: GET `/api/v2/tickets/{id}.json?include=users` works with the signed-in
 * agent's session cookie (no CSRF token for GET) and sideloads the requester, whose `email` is the
 * structured identity. Also used this way by public extensions (e.g. alffox/helper-center's content script).
 */
export const zendeskApi: TicketApi = {
  cache: createApiCache,
  path: (id) => `/api/v2/tickets/${encodeURIComponent(id)}.json?include=users`,
  parse(json, ticketId) {
    if (!isRecord(json) || !isRecord(json.ticket) || String(json.ticket.id) !== ticketId) return null;
    const t = json.ticket;
    const users = Array.isArray(json.users) ? json.users.filter(isRecord) : [];
    const requester = users.find((u) => u.id === t.requester_id && t.requester_id !== undefined);
    const email = str(requester?.email, 254)?.toLowerCase();
    const validEmail = email && /^[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}$/.test(email) ? email : undefined;
    const userId = typeof t.requester_id === 'number' ? `zendesk-user:${t.requester_id}` : undefined;
    return {
      subject: str(t.subject),
      status: str(t.status, 40),
      channel: isRecord(t.via) ? str(t.via.channel, 40) : undefined,
      tags: Array.isArray(t.tags) ? cleanTags(t.tags.filter((x): x is string => typeof x === 'string')) : undefined,
      requesterName: str(requester?.name),
      customerKey: validEmail ?? userId,
    };
  },
};
