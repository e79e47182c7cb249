import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { makeAttempt, makeInteraction, makeWrapup, sampleEvents } from '../core/metrics/fixtures';
import { type MessageName, PROTOCOL } from './protocol';
import type { Handlers, Rejection, SenderInfo } from './router';
import { commandMessage, parseCommand } from './protocol';
import { createRouter } from './router';

const EXT = 'hhpodeaeiojcbopfeojoalidnnbfcnid';
const ORIGIN = `chrome-extension://${EXT}/`;
const content: SenderInfo = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/1', tab: { id: 7 } };
const page: SenderInfo = { id: EXT, url: `${ORIGIN}src/pages/dashboard/index.html` };

function setup() {
  const calls: string[] = [];
  const rejections: Rejection[] = [];
  const h = (name: string) => vi.fn(async () => {
    calls.push(name);
    return {} as never;
  });
  const handlers = {
    'log/append': h('log/append'),
    'customer/key': h('customer/key'),
    'customer/history': h('customer/history'),
    'playbook/active': h('playbook/active'),
    'tab/status': h('tab/status'),
    'log/merge': h('log/merge'),
    'custom-sites/sync': h('custom-sites/sync'),
    'review/save': h('review/save'),
    'log/rebuild': h('log/rebuild'),
    'log/rejected': h('log/rejected'),
    'interaction/open': h('interaction/open'),
  } as unknown as Handlers;
  const route = createRouter(handlers, { extensionId: EXT, extensionOrigin: ORIGIN, onReject: (r) => rejections.push(r) });
  return { route, calls, rejections };
}

const validEvent = { id: 'e1', at: 1_700_000_000_000, interactionId: 'i1', type: 'step-completed', stepId: 's1', auto: false };

describe('message router', () => {
  it('routes a valid message from a content script', async () => {
    const { route, calls } = setup();
    const reply = await route({ rp: 1, name: 'log/append', payload: { events: [validEvent] } }, content);
    expect(reply.ok).toBe(true);
    expect(calls).toEqual(['log/append']);
  });

  it('rejects foreign senders, wrong shapes and wrong roles with a reason', async () => {
    const { route, calls, rejections } = setup();
    const foreign = await route({ rp: 1, name: 'customer/key', payload: { raw: 'a@b.c' } }, { ...content, id: 'someotherextension' });
    const noTab = await route({ rp: 1, name: 'customer/key', payload: { raw: 'a@b.c' } }, { id: EXT, url: 'https://evil.example/' });
    const wrongRole = await route({ rp: 1, name: 'log/merge', payload: {} }, content);
    const badShape = await route({ rp: 1, name: 'customer/history', payload: { customerKey: 5, interactionId: 'i1' } }, content);
    const extraField = await route({ rp: 1, name: 'playbook/active', payload: { regex: '.*' } }, page);
    // Playbooks stay in the worker: a content script gets the engine's reading (moves/evaluate), not the text.
    const playbooksToContent = await route({ rp: 1, name: 'playbook/active', payload: {} }, content);
    for (const r of [foreign, noTab, wrongRole, badShape, extraField, playbooksToContent]) expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
    expect(rejections.map((r) => r.reason)).toEqual([
      'foreign sender',
      'foreign sender',
      'content may not send log/merge',
      expect.stringMatching(/^bad payload: customerKey/),
      expect.stringMatching(/^bad payload: regex/),
      'content may not send playbook/active',
    ]);
  });

  it('hands a batch with one invalid event to the worker, which refuses that event alone', async () => {
    const { route, calls } = setup();
    const reply = await route({ rp: 1, name: 'log/append', payload: { events: [validEvent, { ...validEvent, id: 'e2', stepId: 5 }] } }, content);
    expect(reply.ok).toBe(true);
    expect(calls).toEqual(['log/append']);
  });

  it('lets only extension pages rebuild the log or read refused events', async () => {
    const { route, calls } = setup();
    expect((await route({ rp: 1, name: 'log/rebuild', payload: {} }, content)).ok).toBe(false);
    expect((await route({ rp: 1, name: 'log/rejected', payload: {} }, content)).ok).toBe(false);
    expect((await route({ rp: 1, name: 'log/rebuild', payload: {} }, page)).ok).toBe(true);
    expect(calls).toEqual(['log/rebuild']);
  });

  it('takes a review only from an extension page, with a bounded note', async () => {
    const { route, calls } = setup();
    const review = { attemptId: 'i1:m1', resolutionFirst: true, fit: null, tone: false, note: 'ok' };
    expect((await route({ rp: 1, name: 'review/save', payload: review }, content)).ok).toBe(false);
    expect((await route({ rp: 1, name: 'review/save', payload: { ...review, note: 'x'.repeat(501) } }, page)).ok).toBe(false);
    expect((await route({ rp: 1, name: 'review/save', payload: { ...review, reviewedAt: 1 } }, page)).ok).toBe(false);
    expect((await route({ rp: 1, name: 'review/save', payload: review }, page)).ok).toBe(true);
    expect(calls).toEqual(['review/save']);
  });

  it('survives 10,000 generated messages: no handler runs, no throw, one logged rejection each', async () => {
    const { route, calls, rejections } = setup();
    const sender = fc.oneof(
      fc.constant(content),
      fc.constant(page),
      fc.record({ id: fc.string(), url: fc.webUrl(), tab: fc.option(fc.record({ id: fc.integer() }), { nil: undefined }) }),
    );
    // Every generated message is invalid by construction, so each must be rejected.
    const realName = fc.constantFrom('log/append', 'log/merge', 'customer/key', 'customer/history', 'playbook/active', 'tab/status', 'custom-sites/sync', 'review/save', 'log/rebuild', 'log/rejected', 'interaction/open');
    const unknownName = fc.oneof(fc.constantFrom('nope', '__proto__', 'constructor', 'toString', 'db/drop'), fc.string().map((x) => `x${x}`));
    const message = fc.oneof(
      fc.anything().filter((m) => !(m && typeof m === 'object' && 'rp' in m)),
      fc.record({ rp: fc.constant(1), name: unknownName, payload: fc.anything() }),
      fc.record({ rp: fc.anything().filter((x) => x !== 1), name: realName, payload: fc.anything() }),
      // A strict payload with a field nobody declared.
      fc.record({ rp: fc.constant(1), name: realName, payload: fc.dictionary(fc.string(), fc.anything()).map((d) => ({ ...d, __extra: 1 })) }),
      // Events are validated one by one by the worker (a bad one must not sink its batch), but the batch
      // itself is bounded: empty or over 200 is refused here.
      fc.record({ rp: fc.constant(1), name: fc.constant('log/append'), payload: fc.constantFrom({ events: [] }, { events: Array(201).fill(validEvent) }, { events: validEvent }) }),
      fc.record({ rp: fc.constant(1), name: fc.constant('customer/key'), payload: fc.record({ raw: fc.string({ minLength: 321, maxLength: 400 }) }) }),
    );
    let count = 0;
    await fc.assert(
      fc.asyncProperty(message, sender, async (m, s) => {
        count++;
        const before = rejections.length;
        const reply = await route(m, s);
        expect(reply.ok).toBe(false);
        expect(rejections.length).toBe(before + 1);
      }),
      { numRuns: 10_000 },
    );
    expect(count).toBe(10_000);
    expect(calls).toEqual([]);
    // CPU-bound: ~2 s alone; the timeout is not a speed check, only a bound for a hung router.
  }, 120_000);
});

/**
 * Near-valid messages (issue 15): one valid message per name from an allowed sender, then exactly one
 * mutation — a field of the wrong type, a field added, a field removed, a string or list oversized, the
 * envelope or the sender changed. Hostile pages probe with almost-right messages, not random bytes.
 */
describe('near-valid messages', () => {
  const seeds: { name: MessageName; sender: SenderInfo; payload: Record<string, unknown> }[] = [
    { name: 'log/append', sender: content, payload: { events: sampleEvents().slice(0, 3) } },
    { name: 'log/append', sender: page, payload: { events: [sampleEvents()[6]] } },
    { name: 'customer/key', sender: content, payload: { raw: 'maria@example.com', interactionId: 'i1' } },
    { name: 'customer/history', sender: content, payload: { interactionId: 'i1' } },
    { name: 'playbook/active', sender: page, payload: { locale: 'es' } },
    { name: 'tab/status', sender: content, payload: { helpdesk: 'zendesk', recognised: true } },
    {
      name: 'log/merge',
      sender: page,
      payload: { events: sampleEvents(), interactions: [makeInteraction()], attempts: [makeAttempt()], wrapups: [makeWrapup()] },
    },
    { name: 'custom-sites/sync', sender: page, payload: {} },
    { name: 'review/save', sender: page, payload: { attemptId: 'i1:m1', resolutionFirst: true, fit: null, tone: false, note: 'ok' } },
  ];
  type Path = readonly (string | number)[];
  const clone = <T>(x: T): T => structuredClone(x);
  /** Every path into a JSON value, root excluded. */
  const pathsOf = (x: unknown, at: Path = []): Path[] => {
    if (Array.isArray(x)) return x.flatMap((item, i) => [[...at, i], ...pathsOf(item, [...at, i])]);
    if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, item]) => [[...at, k], ...pathsOf(item, [...at, k])]);
    return [];
  };
  const parentOf = (root: unknown, path: Path): Record<string | number, unknown> => 
    path.slice(0, -1).reduce<Record<string | number, unknown>>((node, k) => node[k] as Record<string | number, unknown>, root as Record<string | number, unknown>);
  const get = (root: unknown, path: Path): unknown => (path.length === 0 ? root : parentOf(root, path)[path[path.length - 1] as string]);
  /** A value of another JSON type, which no field of the protocol accepts in place of this one. */
  const wrongType = (x: unknown): unknown => (typeof x === 'string' ? 42 : Array.isArray(x) ? { 0: x[0] } : x && typeof x === 'object' ? [x] : typeof x === 'number' ? String(x) : typeof x === 'boolean' ? 'true' : [[]]);
  const allowed = (name: MessageName, sender: SenderInfo) => (PROTOCOL[name].from as readonly string[]).includes(sender === page ? 'page' : 'content');

  interface Mutant {
    readonly what: string;
    readonly message: unknown;
    readonly sender: SenderInfo;
    /** Key the rejection reason must name (payload mutations), when one can be named. */
    readonly names?: string;
    /** Removal and renaming can land on something optional/equivalent: those are checked against the schema. */
    readonly mayBeValid?: boolean;
  }

  const mutant: fc.Arbitrary<Mutant> = fc.constantFrom(...seeds).chain((seed) => {
    const envelope = (payload: unknown) => ({ rp: 1, name: seed.name, payload });
    // log/append takes its events as unknowns: each is validated on its own at ingestion (one bad event is
    // refused alone, see src/storage/ingest.test.ts), so mutations inside an event are not the router's to refuse.
    const paths = pathsOf(seed.payload).filter((p) => !(seed.name === 'log/append' && p[0] === 'events' && p.length > 1));
    const objects: Path[] = [[], ...paths.filter((p) => { const x = get(seed.payload, p); return x !== null && typeof x === 'object' && !Array.isArray(x); })];
    const strings = paths.filter((p) => typeof get(seed.payload, p) === 'string');
    const keyed = paths.filter((p) => typeof p[p.length - 1] === 'string');
    const arrays = paths.filter((p) => Array.isArray(get(seed.payload, p)));
    const kinds: fc.Arbitrary<Mutant>[] = [
      fc.constantFrom(...objects).chain((at) =>
        fc.constantFrom('regex', '__extra', 'constructor', 'toString', 'isTrusted').map((key) => {
          const payload = clone(seed.payload);
          const target = at.length === 0 ? payload : (get(payload, at) as Record<string, unknown>);
          target[key] = [[{}]];
          return { what: `added ${[...at, key].join('.')}`, message: envelope(payload), sender: seed.sender, names: key };
        }),
      ),
      // "__proto__" as an own key, as JSON.parse and structured clone create it.
      fc.constant({ what: 'own __proto__', message: envelope(JSON.parse(`{"__proto__":{"ok":true}${JSON.stringify(seed.payload).replace(/^\{(?=.)/, ',').replace(/^,\}$/, '}')}`)), sender: seed.sender }),
      fc.constant({ what: 'payload not an object', message: envelope([seed.payload]), sender: seed.sender }),
      fc.constantFrom(...(['rp:2', 'rp:"1"', 'no rp', 'no payload', 'extra envelope field', 'name in caps'] as const)).map((e) => {
        const m: Record<string, unknown> = envelope(clone(seed.payload));
        if (e === 'rp:2') m.rp = 2;
        if (e === 'rp:"1"') m.rp = '1';
        if (e === 'no rp') delete m.rp;
        if (e === 'no payload') m.payload = undefined;
        if (e === 'extra envelope field') m.command = 'tick-next-step';
        if (e === 'name in caps') m.name = seed.name.toUpperCase();
        return { what: `envelope ${e}`, message: m, sender: seed.sender, mayBeValid: e === 'no payload' };
      }),
      fc.constantFrom(...(['other extension', 'http page', 'no tab', 'other extension page', 'wrong role'] as const)).map((e) => {
        const sender: SenderInfo =
          e === 'other extension'
            ? { ...seed.sender, id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }
            : e === 'http page'
              ? { ...content, url: 'http://acme.zendesk.com/agent/tickets/1' }
              : e === 'no tab'
                ? { id: EXT, url: content.url }
                : e === 'other extension page'
                  ? { id: EXT, url: 'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x.html' }
                  : seed.sender === page
                    ? content
                    : page;
        return { what: `sender ${e}`, message: envelope(clone(seed.payload)), sender, mayBeValid: e === 'wrong role' };
      }),
      fc.constantFrom(...(Object.keys(PROTOCOL) as MessageName[])).filter((n) => n !== seed.name).map((name) => ({
        what: `renamed to ${name}`,
        message: { rp: 1, name, payload: clone(seed.payload) },
        sender: seed.sender,
        mayBeValid: true,
      })),
    ];
    if (paths.length > 0) {
      kinds.push(
        fc.constantFrom(...paths).map((at) => {
          const payload = clone(seed.payload);
          const key = at[at.length - 1] as string | number;
          parentOf(payload, at)[key] = wrongType(get(payload, at));
          return { what: `wrong type at ${at.join('.')}`, message: envelope(payload), sender: seed.sender, names: typeof key === 'string' ? key : undefined };
        }),
      );
    }
    if (keyed.length > 0) {
      kinds.push(
        fc.constantFrom(...keyed).map((at) => {
          const payload = clone(seed.payload);
          delete parentOf(payload, at)[at[at.length - 1] as string];
          return { what: `removed ${at.join('.')}`, message: envelope(payload), sender: seed.sender, mayBeValid: true };
        }),
      );
    }
    if (strings.length > 0) {
      kinds.push(
        fc.constantFrom(...strings).map((at) => {
          const payload = clone(seed.payload);
          const key = at[at.length - 1] as string | number;
          parentOf(payload, at)[key] = 'x'.repeat(100_000);
          return { what: `oversized ${at.join('.')}`, message: envelope(payload), sender: seed.sender, names: typeof key === 'string' ? key : undefined };
        }),
      );
    }
    if (arrays.length > 0) {
      kinds.push(
        fc.constantFrom(...arrays).map((at) => {
          const payload = clone(seed.payload);
          const list = get(payload, at) as unknown[];
          parentOf(payload, at)[at[at.length - 1] as string] = Array.from({ length: 5_001 }, (_, i) => ({ ...(list[0] as object), id: `big-${i}` }));
          return { what: `oversized list ${at.join('.')}`, message: envelope(payload), sender: seed.sender, names: String(at[at.length - 1]) };
        }),
      );
    }
    return fc.oneof(...kinds);
  });

  /** What the router should accept, for mutations that may land on something optional. */
  const acceptable = (m: Mutant): boolean => {
    const msg = m.message as { rp?: unknown; name?: unknown; payload?: unknown };
    if (msg.rp !== 1 || typeof msg.name !== 'string' || !(msg.name in PROTOCOL)) return false;
    const name = msg.name as MessageName;
    const known = m.sender === content || m.sender === page;
    return known && allowed(name, m.sender) && v.is(PROTOCOL[name].payload, msg.payload);
  };

  it('every seed is accepted as sent', async () => {
    const { route, calls } = setup();
    for (const seed of seeds) expect((await route({ rp: 1, name: seed.name, payload: seed.payload }, seed.sender)).ok, seed.name).toBe(true);
    expect(calls).toHaveLength(seeds.length);
  });

  it('one mutation of a valid message: zero handler calls, each rejection with a reason naming what is wrong', async () => {
    const { route, calls, rejections } = setup();
    let checked = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(mutant, async (m) => {
        if (m.mayBeValid && acceptable(m)) {
          skipped++;
          return;
        }
        checked++;
        const before = rejections.length;
        const reply = await route(m.message, m.sender);
        expect(reply.ok, m.what).toBe(false);
        expect(rejections.length, m.what).toBe(before + 1);
        const reason = rejections[before]?.reason ?? '';
        expect(reason, m.what).toMatch(/^(foreign sender|bad envelope: .+|(content|page) may not send \S+|bad payload: .+)$/);
        if (m.names !== undefined) expect(reason, m.what).toContain(m.names);
      }),
      { numRuns: 1_500 },
    );
    expect(calls).toEqual([]);
    // Non-vacuous: nearly every mutant is invalid by construction.
    expect(skipped).toBeLessThan(checked / 5);
  }, 30_000);
});

describe('worker → content commands', () => {
  it('accepts exactly the typed commands', () => {
    expect(parseCommand({ rp: 1, command: 'tick-next-step' })).toBe('tick-next-step');
    expect(commandMessage('insert-top-move')).toEqual({ rp: 1, command: 'insert-top-move' });
    expect(commandMessage('_execute_action')).toBeNull();
  });

  it('ignores near-valid mutations of a command (property)', () => {
    const valid = { rp: 1, command: 'record-outcome' };
    const mutation = fc.oneof(
      fc.record({ rp: fc.anything().filter((x) => x !== 1), command: fc.constant('record-outcome') }),
      fc.record({ rp: fc.constant(1), command: fc.string().filter((c) => !['toggle-panel', 'tick-next-step', 'insert-top-move', 'record-outcome'].includes(c)) }),
      fc.record({ key: fc.string().filter((k) => k !== 'rp' && k !== 'command'), value: fc.anything() }).map(({ key, value }) => ({ ...valid, [key]: value })),
      fc.constantFrom({ rp: 1 }, { command: 'record-outcome' }, { ...valid, command: 'RECORD-OUTCOME' }, { ...valid, command: ' record-outcome' }, null, 'record-outcome'),
    );
    fc.assert(
      fc.property(mutation, (m) => {
        expect(parseCommand(m)).toBeNull();
      }),
      { numRuns: 2_000 },
    );
  });
});
