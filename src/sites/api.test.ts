// The ticket API read: same origin only, JSON only, once per ticket, and a failure costs nothing but the read.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshdeskApi } from './adapters/freshdesk-api';
import { zendeskApi } from './adapters/zendesk-api';
import { createApiCache } from './api';

const ORIGIN = 'https://acme.zendesk.com';
const ANSWER = { ticket: { id: 4521, subject: 'Order arrived damaged', status: 'open', requester_id: 9 }, users: [{ id: 9, name: 'Maria Lopez', email: 'maria@example.com' }] };

function respond(body: unknown, init: { type?: string; url?: string; status?: number } = {}) {
  const res = new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': init.type ?? 'application/json; charset=utf-8' },
  });
  Object.defineProperty(res, 'url', { value: init.url ?? `${ORIGIN}/api/v2/tickets/4521.json?include=users` });
  return res;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('helpdesk API reads', () => {
  it('reads once per ticket from the page’s own origin with the session cookie, and reports the answer', async () => {
    const fetch = vi.fn(async () => respond(ANSWER));
    vi.stubGlobal('fetch', fetch);
    const loaded = vi.fn();
    const cache = createApiCache(zendeskApi, ORIGIN, loaded);
    expect(cache.get('4521')).toBeUndefined(); // pending: the DOM read goes on meanwhile
    await cache.settled('4521');
    expect(cache.get('4521')).toMatchObject({ subject: 'Order arrived damaged', customerKey: 'maria@example.com', requesterName: 'Maria Lopez' });
    expect(cache.get('4521')).toBeDefined();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(`${ORIGIN}/api/v2/tickets/4521.json?include=users`, expect.objectContaining({ credentials: 'same-origin', redirect: 'error' }));
    expect(loaded).toHaveBeenCalledTimes(1);
  });

  it('ignores HTML (a sign-in page), another origin’s answer, errors and forged shapes', async () => {
    const cases = [
      respond('<html>Sign in</html>', { type: 'text/html' }),
      respond(ANSWER, { url: 'https://evil.example/api/v2/tickets/4521.json' }),
      respond(ANSWER, { status: 401 }),
      respond({ ticket: { id: 1 } }),
    ];
    for (const res of cases) {
      vi.stubGlobal('fetch', vi.fn(async () => res));
      const cache = createApiCache(zendeskApi, ORIGIN, () => {});
      cache.get('4521');
      await cache.settled('4521');
      expect(cache.get('4521')).toBeUndefined();
    }
  });

  it('never requests another origin, whatever the ticket id holds', async () => {
    const fetch = vi.fn(async () => respond(ANSWER));
    vi.stubGlobal('fetch', fetch);
    const cache = createApiCache({ ...zendeskApi, path: (id) => `//evil.example/${id}` }, ORIGIN, () => {});
    cache.get('4521');
    await cache.settled('4521');
    expect(fetch).not.toHaveBeenCalled();
    const encoded = createApiCache(zendeskApi, ORIGIN, () => {});
    encoded.get('../../../evil?x=');
    await encoded.settled('../../../evil?x=');
    for (const [url] of fetch.mock.calls as unknown as [string][]) expect(new URL(url).origin).toBe(ORIGIN);
  });

  it('a network failure is remembered for the page life (no retry storm) and costs only the read', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', fetch);
    const cache = createApiCache(zendeskApi, ORIGIN, () => {});
    cache.get('1');
    await cache.settled('1');
    cache.get('1');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

/** Freshdesk's answer to `/api/_/tickets/1042?include=requester`, shaped after the documented API v2 ticket. */
function freshdeskAnswer(over: Record<string, unknown> = {}, requester: Record<string, unknown> | null = {}) {
  return {
    ticket: {
      cc_emails: [],
      fwd_emails: [],
      reply_cc_emails: [],
      fr_escalated: false,
      spam: false,
      email_config_id: 43000065091,
      group_id: 43000510412,
      priority: 2,
      requester_id: 43022461234,
      responder_id: 43011000123,
      source: 1,
      company_id: null,
      status: 2,
      subject: 'Charged twice for annual plan',
      to_emails: ['support@acme.example'],
      product_id: null,
      id: 1042,
      type: 'Billing',
      due_by: '2026-11-27T09:00:00Z',
      fr_due_by: '2026-11-26T13:00:00Z',
      is_escalated: false,
      description: '<div>I was charged twice for the annual plan this morning.</div>',
      description_text: 'I was charged twice for the annual plan this morning.',
      custom_fields: { cf_product: 'Payroll' },
      created_at: '2026-11-26T07:00:00Z',
      updated_at: '2026-11-26T08:40:00Z',
      tags: ['billing', 'Refund'],
      attachments: [],
      ...(requester ? { requester: { id: 43022461234, name: 'Jonas Berg', email: 'Jonas.Berg@Example.com', mobile: null, phone: null, ...requester } } : {}),
      ...over,
    },
  };
}

describe('Freshdesk ticket API (the agent UI’s /api/_/tickets/{id})', () => {
  it('reads the ticket, its requester’s e-mail (lower-cased), status, source and tags', () => {
    expect(freshdeskApi.parse(freshdeskAnswer(), '1042')).toEqual({
      subject: 'Charged twice for annual plan',
      status: 'open',
      channel: 'email',
      tags: ['billing', 'refund'],
      requesterName: 'Jonas Berg',
      customerKey: 'jonas.berg@example.com',
    });
    // The documented v2 shape (no `ticket` wrapper) reads the same.
    expect(freshdeskApi.parse(freshdeskAnswer().ticket, '1042')?.customerKey).toBe('jonas.berg@example.com');
    // Documented codes map to words the panel's normalizers know; custom statuses (6+) are left to the page.
    expect(freshdeskApi.parse(freshdeskAnswer({ status: 4, source: 7 }), '1042')).toMatchObject({ status: 'resolved', channel: 'chat' });
    expect(freshdeskApi.parse(freshdeskAnswer({ status: 9, source: 99 }), '1042')).toMatchObject({ status: undefined, channel: undefined });
  });

  it('without a usable e-mail the helpdesk’s own contact id is the identity', () => {
    expect(freshdeskApi.parse(freshdeskAnswer({}, { email: null }), '1042')?.customerKey).toBe('freshdesk-user:43022461234');
    expect(freshdeskApi.parse(freshdeskAnswer({}, null), '1042')?.customerKey).toBe('freshdesk-user:43022461234');
    // A display name holding an address, or two addresses, is not one structured address.
    for (const email of ['ceo@victim.example <me@x.com>', 'a@x.com, b@y.com', 'not an address', 42]) {
      expect(freshdeskApi.parse(freshdeskAnswer({}, { email }), '1042')?.customerKey).toBe('freshdesk-user:43022461234');
    }
  });

  it('answers about another ticket, of the wrong shape or with wrong types give nothing or drop the field', () => {
    expect(freshdeskApi.parse(freshdeskAnswer(), '1043')).toBeNull();
    expect(freshdeskApi.parse(freshdeskAnswer({ id: '1042' }), '1042')).toBeNull();
    expect(freshdeskApi.parse(freshdeskAnswer({ id: 1042.5 }), '1042')).toBeNull();
    for (const json of [null, 'ticket', 1042, [freshdeskAnswer().ticket], { ticket: null }, {}]) expect(freshdeskApi.parse(json, '1042')).toBeNull();
    const odd = freshdeskApi.parse(freshdeskAnswer({ subject: 7, status: 'open', source: '1', tags: ['ok', 3, null, { x: 1 }], requester_id: -5 }, { id: -5, name: ['x'], email: null }), '1042');
    expect(odd).toEqual({ subject: undefined, status: undefined, channel: undefined, tags: ['ok'], requesterName: undefined, customerKey: undefined });
    // An embedded requester that is another contact than requester_id is not this ticket's customer.
    const other = freshdeskApi.parse(freshdeskAnswer({}, { id: 777, name: 'Mallory', email: 'mallory@evil.example' }), '1042');
    expect(other).toMatchObject({ requesterName: undefined, customerKey: 'freshdesk-user:43022461234' });
  });

  it('huge strings and lists are bounded, and invisible characters cannot spoof the name', () => {
    const big = freshdeskApi.parse(
      freshdeskAnswer({ subject: 'A'.repeat(1_000_000), tags: Array.from({ length: 10_000 }, (_, i) => `t${i}`) }, { name: 'Jo\u202Enas\u200B Berg', email: `${'a'.repeat(300)}@example.com` }),
      '1042',
    );
    expect(Array.from(big?.subject ?? '').length).toBeLessThanOrEqual(300);
    expect(big?.tags?.length).toBe(50);
    expect(big?.requesterName).toBe('Jonas Berg');
    expect(big?.customerKey).toBe('freshdesk-user:43022461234');
  });

  it('is read from the helpdesk’s own origin, the ticket id encoded into the path', async () => {
    const origin = 'https://acme.freshdesk.com';
    const fetch = vi.fn(async () => respond(freshdeskAnswer(), { url: `${origin}/api/_/tickets/1042?include=requester` }));
    vi.stubGlobal('fetch', fetch);
    const cache = createApiCache(freshdeskApi, origin, () => {});
    cache.get('1042');
    await cache.settled('1042');
    expect(cache.get('1042')).toMatchObject({ customerKey: 'jonas.berg@example.com' });
    expect(fetch).toHaveBeenCalledWith(`${origin}/api/_/tickets/1042?include=requester`, expect.objectContaining({ credentials: 'same-origin' }));
    expect(freshdeskApi.path('../../x?y=#')).toBe('/api/_/tickets/..%2F..%2Fx%3Fy%3D%23?include=requester');
  });
});
