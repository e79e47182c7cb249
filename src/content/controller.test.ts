// @vitest-environment happy-dom
/**
 * The controller against a fake worker (the real `moves/evaluate` logic behind a `runtime.sendMessage`
 * we control): a tick paints before the worker answers, an answer about an older state never shows its
 * moves, and a worker that stops answering leaves the checklist working and says moves are unavailable.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { move, playbook, step, ticket } from '../core/playbook/test-fixtures';
import { english } from '../core/playbook/wording-en';
import { evaluateWith } from '../background/evaluate-ticket';
import type { EvaluateRequest } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/adapter';

const pb = playbook({
  checklist: [step('fix'), step('confirm', { confirmsResolution: true })],
  moves: [move('tip', { text: 'A tip for {product}.' })],
});
const inForce = { playbooks: [pb], agentName: 'Sam', say: english, vesWording: { intro: 'i', achieveMore: 'a', confidence: 'c', effort: 'e' } };

/** The fake worker: every message answered at once, except `moves/evaluate` while `hold` is set (answered by hand). */
let reachable = true;
let hold = false;
const held: { payload: EvaluateRequest; answer: () => void }[] = [];
const asked: EvaluateRequest[] = [];
const stages: string[] = [];
function reply(name: string, payload: unknown): unknown {
  switch (name) {
    case 'interaction/open':
      return { interactionId: 'i-1', startedAt: Date.now(), macKey: 'k' };
    case 'customer/key':
      return { key: 'hashed' };
    case 'customer/history':
      return { attempts: [] };
    case 'chats/report':
      stages.push((payload as { stage: string }).stage);
      return { chats: [] };
    case 'log/append':
      return { acked: (payload as { events: { id: string }[] }).events.map((e) => e.id), rejected: [] };
    case 'moves/evaluate':
      return evaluateWith(inForce, payload as EvaluateRequest, Date.now());
    default:
      return {};
  }
}
const local = new Map<string, unknown>();
/** While set, reading a ticket's stored state waits for it (the helpdesk API can answer meanwhile). */
let storageGate: Promise<void> | null = null;
const fakeChrome = {
  runtime: {
    async sendMessage(msg: { name: string; payload: unknown }) {
      if (!reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (msg.name === 'moves/evaluate') asked.push(msg.payload as EvaluateRequest);
      if (msg.name === 'moves/evaluate' && hold) {
        return new Promise((resolve) => held.push({ payload: msg.payload as EvaluateRequest, answer: () => resolve({ ok: true, result: reply(msg.name, msg.payload) }) }));
      }
      return { ok: true, result: reply(msg.name, msg.payload) };
    },
  },
  storage: {
    local: {
      async get(key: string) {
        if (key.startsWith('ticket:')) await storageGate;
        return local.has(key) ? { [key]: local.get(key) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) local.set(k, v);
      },
      async remove(keys: string | string[]) {
        for (const k of [keys].flat()) local.delete(k);
      },
    },
    onChanged: { addListener() {}, removeListener() {} },
  },
  i18n: { getMessage: (key: string) => key },
};

/** What the page shows now; `apiAnswered()` is the helpdesk API's late answer (onAsyncUpdate). */
let shown = ticket();
let apiAnswered: () => void = () => {};
const adapter = {
  onAsyncUpdate(listener: () => void) {
    apiAnswered = listener;
  },
  id: 'zendesk',
  label: 'Zendesk',
  hostPatterns: [],
  matches: () => true,
  ticketIdFromUrl: () => '4521',
  findTicketRoot: (doc: Document) => doc.body,
  read: () => ({ context: shown, diagnostics: [] }),
  findComposer: () => null,
  insertText: async () => ({ inserted: false }),
} as unknown as SiteAdapter;

let createController: typeof import('./controller').createController;
beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = fakeChrome;
  ({ createController } = await import('./controller'));
});

const aborts: AbortController[] = [];
afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
  reachable = true;
  hold = false;
  held.length = 0;
  asked.length = 0;
  stages.length = 0;
  local.clear();
  storageGate = null;
  shown = ticket();
});

async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
}

async function started() {
  const abort = new AbortController();
  aborts.push(abort);
  const c = createController({ adapter, repId: 'rep-1' }, abort.signal);
  await c.start();
  await until('the first reading', () => c.model.get().movesStatus === 'ready');
  return c;
}
const done = (c: Awaited<ReturnType<typeof started>>) => c.model.get().evaluation?.steps.filter((s) => s.done).map((s) => s.id);
const shownMoves = (c: Awaited<ReturnType<typeof started>>) => c.model.get().evaluation?.eligible.map((e) => e.move.id);

describe('the panel with the engine in the worker', () => {
  it('paints a tick before the worker answers, then shows the moves for that state', async () => {
    const c = await started();
    hold = true;
    void c.actions.toggleStep('fix');
    // Synchronously after the click: the step shows done, no answer has come back yet.
    expect(done(c)).toEqual(['fix']);
    expect(c.model.get().evaluation?.progress.done).toBe(1);
    void c.actions.toggleStep('confirm');
    expect(done(c)).toEqual(['fix', 'confirm']);
    expect(shownMoves(c)).toEqual([]);
    // The worker answers whatever it was asked (the readings and the start event's playbook choice).
    hold = false;
    await until('the moves', () => {
      for (const h of held.splice(0)) h.answer();
      return shownMoves(c)?.length === 1;
    });
    expect(shownMoves(c)).toEqual(['tip']);
    expect(c.model.get().state?.moves.tip?.shownAt).toBeGreaterThan(0);
  });

  it('saves, logs and asks about a tick only after the frame that shows it has painted', async () => {
    const c = await started();
    // A tab that draws a frame only when the test says so (after-paint.ts waits for one).
    const frames: FrameRequestCallback[] = [];
    const realFrame = globalThis.requestAnimationFrame;
    globalThis.requestAnimationFrame = (cb) => frames.push(cb);
    try {
      const saving = c.actions.toggleStep('fix');
      const questions = asked.length;
      expect(done(c)).toEqual(['fix']); // shown at once
      await new Promise((r) => setTimeout(r, 30));
      // Before the frame: nothing written, logged or asked (the click's task and the next ones stay light).
      expect([...local.keys()].filter((k) => k.startsWith('ticket:') || k.startsWith('outbox:'))).toEqual([]);
      expect(asked.length).toBe(questions);
      for (const cb of frames.splice(0)) cb(performance.now());
      await saving;
      const saved = [...local.entries()].find(([k]) => k.startsWith('ticket:'))?.[1] as { checklist?: object } | undefined;
      expect(saved?.checklist).toHaveProperty('fix');
      // The reading of the ticked state (the first action also asks for the start's playbook choice).
      await until('the question', () => asked.slice(questions).some((q) => 'fix' in q.state.checklist));
    } finally {
      globalThis.requestAnimationFrame = realFrame;
    }
  });

  it('never shows moves from an answer about an older state (resolution undone meanwhile)', async () => {
    const c = await started();
    await c.actions.toggleStep('fix');
    await c.actions.toggleStep('confirm');
    await until('the moves', () => shownMoves(c)?.length === 1);
    hold = true;
    await c.actions.toggleStep('fix'); // an older state: still resolved, its answer would list the tip
    await until('the first question', () => held.length === 1);
    await c.actions.toggleStep('confirm'); // the current state: resolution undone
    expect(held[0]?.payload.state.checklist).toHaveProperty('confirm');
    held[0]?.answer();
    await new Promise((r) => setTimeout(r, 20));
    expect(shownMoves(c)).toEqual([]); // the stale answer's tip never showed
    await until('the current question', () => held.length === 2);
    held[1]?.answer();
    await until('the current answer', () => c.model.get().movesStatus === 'ready');
    expect(c.model.get().evaluation?.resolutionConfirmed).toBe(false);
    expect(shownMoves(c)).toEqual([]);
  });

  it('keeps the checklist and says moves are unavailable when the worker does not answer; the next change asks again', async () => {
    const c = await started();
    await c.actions.toggleStep('fix');
    await c.actions.toggleStep('confirm');
    await until('the moves', () => shownMoves(c)?.length === 1);
    reachable = false;
    await c.actions.toggleStep('fix');
    await until('the failure', () => c.model.get().movesStatus === 'unavailable');
    // Nothing lost: the tick shows and is in the state; the stale moves are gone.
    expect(done(c)).toEqual(['confirm']);
    expect(Object.keys(c.model.get().state?.checklist ?? {})).toEqual(['confirm']);
    expect(shownMoves(c)).toEqual([]);
    // Ticks keep working while the worker is away.
    await c.actions.toggleStep('fix');
    expect(done(c)).toEqual(['fix', 'confirm']);
    reachable = true;
    await c.actions.toggleStep('fix');
    await c.actions.toggleStep('fix');
    await until('the worker back', () => c.model.get().movesStatus === 'ready');
    expect(shownMoves(c)).toEqual(['tip']);
  });

  it('asks once per changed state: offers, outcomes, wrap-up answers and page re-renders that change nothing the engine reads ask nothing', async () => {
    const c = await started();
    await c.actions.toggleStep('fix');
    await c.actions.toggleStep('confirm');
    await until('the moves', () => shownMoves(c)?.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    const before = asked.length;
    expect(stages.at(-1)).toBe('ve-ready');
    await c.actions.offer('tip', 'manual');
    expect(stages.at(-1)).toBe('outcome-pending'); // the open-chats list follows the offer without a reading
    await c.actions.recordOutcome('tip', 'accepted');
    expect(stages.at(-1)).toBe('wrap-up');
    await c.actions.answerWrapup({ effort: 2 });
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 300));
    expect(asked.length).toBe(before);
    expect(c.model.get().state?.moves.tip?.outcome).toBe('accepted');
  });

  it('shows the helpdesk API’s answer that lands while the ticket loads, not the reading it opened with', async () => {
    let open = () => {};
    storageGate = new Promise((r) => {
      open = r;
    });
    shown = ticket({ requesterName: '', customerKey: null });
    const abort = new AbortController();
    aborts.push(abort);
    const c = createController({ adapter, repId: 'rep-1' }, abort.signal);
    const starting = c.start();
    await new Promise((r) => setTimeout(r, 20));
    shown = ticket(); // the API's answer: the customer's name and e-mail
    apiAnswered();
    open();
    await starting;
    await until('the ticket', () => c.model.get().ticketId === '4521');
    await new Promise((r) => setTimeout(r, 20));
    expect(c.model.get().read?.context?.requesterName).toBe('Maria Lopez');
    expect(c.model.get().read?.context?.customerKey).toBe('maria.lopez@example.com');
  });
});
