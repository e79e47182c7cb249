/**
 * The config messages (src/background/config.ts): a content script may only read the panel's config; the
 * writes come from extension pages only, and mutations of valid payloads (wrong types, extra fields,
 * out-of-range values) are refused before any handler runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Handlers, Rejection, SenderInfo } from './router';
import { createRouter } from './router';

const EXT = 'hhpodeaeiojcbopfeojoalidnnbfcnid';
const ORIGIN = `chrome-extension://${EXT}/`;
const content: SenderInfo = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } };
const page: SenderInfo = { id: EXT, url: `${ORIGIN}src/pages/options/index.html` };

function setup() {
  const calls: string[] = [];
  const rejections: Rejection[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name: string) => async () => {
      calls.push(name);
      return {};
    },
  });
  const route = createRouter(handlers, { extensionId: EXT, extensionOrigin: ORIGIN, onReject: (r) => rejections.push(r) });
  return { route, calls, rejections };
}

const VALID: Record<string, unknown> = {
  'config/options': {},
  'settings/update': { repId: 'maria.s', retentionDays: 90, disabledSites: ['front'], theme: 'dark', csvBom: false },
  'playbooks/save': { current: null, history: [], savedAt: {} },
  'salt/set': { salt: '00112233445566778899aabbccddeeff' },
  'bundle/import': { bundle: {} },
};

describe('config messages', () => {
  it('a content script may read the panel config and nothing else of the config', async () => {
    const { route, calls } = setup();
    expect((await route({ rp: 1, name: 'config/panel', payload: {} }, content)).ok).toBe(true);
    for (const [name, payload] of Object.entries(VALID)) {
      expect(await route({ rp: 1, name, payload }, content)).toEqual({ ok: false, error: `content may not send ${name}` });
      expect((await route({ rp: 1, name, payload }, page)).ok, name).toBe(true);
    }
    expect(calls).toEqual(['config/panel', ...Object.keys(VALID)]);
  });

  it('refuses mutations of valid settings, salt and playbook payloads from a page', async () => {
    const { route, calls, rejections } = setup();
    const bad = fc.oneof(
      fc.record({ name: fc.constant('settings/update'), payload: fc.constantFrom<Record<string, unknown>>(
        { retentionDays: 0 },
        { retentionDays: 3651 },
        { retentionDays: 1.5 },
        { retentionDays: '90' },
        { repId: '<img src=x>' },
        { repId: 'a b' },
        { repId: 'x'.repeat(101) },
        { disabledSites: ['myspace'] },
        { theme: 'neon' },
        { csvBom: 'yes' },
        { schemaVersion: 3 },
        { hashSalt: 'ff'.repeat(16) },
      ) }),
      fc.record({ name: fc.constant('salt/set'), payload: fc.oneof(fc.string().filter((s) => !/^\s*[0-9a-fA-F]{16,128}\s*$/.test(s)).map((salt) => ({ salt })), fc.constant({ salt: 'ab'.repeat(65) })) }),
      fc.record({ name: fc.constant('playbooks/save'), payload: fc.oneof(
        fc.constant({ current: null, history: Array(21).fill(null), savedAt: {} }),
        fc.constant({ current: null, history: [], savedAt: { 2: 'yesterday' } }),
        fc.constant({ current: null, history: [] }),
        fc.constant({ current: null, history: [], savedAt: {}, policy: {} }),
      ) }),
      // Any valid payload plus a field nobody declared.
      fc.constantFrom(...Object.entries(VALID)).map(([name, payload]) => ({ name, payload: { ...(payload as object), __extra: 1 } })),
    );
    await fc.assert(
      fc.asyncProperty(bad, async ({ name, payload }) => {
        const before = rejections.length;
        expect((await route({ rp: 1, name, payload }, page)).ok).toBe(false);
        expect(rejections.length).toBe(before + 1);
      }),
      { numRuns: 2_000 },
    );
    expect(calls).toEqual([]);
  });
});
