import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
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
    const extraField = await route({ rp: 1, name: 'playbook/active', payload: { regex: '.*' } }, content);
    for (const r of [foreign, noTab, wrongRole, badShape, extraField]) expect(r.ok).toBe(false);
    expect(calls).toEqual([]);
    expect(rejections.map((r) => r.reason)).toEqual([
      'foreign sender',
      'foreign sender',
      'content may not send log/merge',
      expect.stringMatching(/^bad payload: customerKey/),
      expect.stringMatching(/^bad payload: regex/),
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
  });
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
