// The ticket API read: same origin only, JSON only, once per ticket, and a failure costs nothing but the read.
import { afterEach, describe, expect, it, vi } from 'vitest';
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
