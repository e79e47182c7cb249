import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluation, StepView } from '../core/playbook/engine';
import { freshTicketState } from '../core/session/types';
import type { EvaluateAnswer } from '../messaging/protocol';
import { latestOnly, tickLocally, withAnswer } from './evaluation';

/** A question the test answers by hand: `resolve`/`reject` the worker's answer to question `q`. */
function harness() {
  const flights: { q: number; resolve: (a: string) => void; reject: (e: Error) => void }[] = [];
  const used: { a: string; q: number }[] = [];
  const failed: number[] = [];
  const channel = latestOnly(
    (q: number) => new Promise<string>((resolve, reject) => flights.push({ q, resolve, reject })),
    (a, q) => used.push({ a, q }),
    (_e, q) => failed.push(q),
  );
  return { channel, flights, used, failed };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('asking the worker for the reading (latest question only)', () => {
  it('drops the answer about an older state when a newer question was asked meanwhile', async () => {
    const { channel, flights, used } = harness();
    channel.ask(1);
    channel.ask(2); // the rep ticked again while question 1 was with the worker
    expect(flights.map((f) => f.q)).toEqual([1]); // one in flight: 2 waits
    flights[0]?.resolve('moves for state 1');
    await settle();
    expect(used).toEqual([]); // state 1's moves never show
    expect(flights.map((f) => f.q)).toEqual([1, 2]);
    flights[1]?.resolve('moves for state 2');
    await settle();
    expect(used).toEqual([{ a: 'moves for state 2', q: 2 }]);
  });

  it('coalesces a burst of changes into one question for the latest state', async () => {
    const { channel, flights, used } = harness();
    channel.ask(1);
    for (let q = 2; q <= 50; q++) channel.ask(q);
    flights[0]?.resolve('a1');
    await settle();
    expect(flights.map((f) => f.q)).toEqual([1, 50]);
    flights[1]?.resolve('a50');
    await settle();
    expect(used.map((u) => u.q)).toEqual([50]);
  });

  it('drops an answer for a ticket the rep left (drop), and a failure of an older question says nothing', async () => {
    const { channel, flights, used, failed } = harness();
    channel.ask(1);
    channel.drop();
    flights[0]?.resolve('old ticket');
    await settle();
    expect(used).toEqual([]);
    channel.ask(2);
    channel.ask(3);
    flights[1]?.reject(new Error('worker stopped'));
    await settle();
    expect(failed).toEqual([]);
    flights[2]?.reject(new Error('worker stopped'));
    await settle();
    expect(failed).toEqual([3]);
  });

  it('whatever the order of questions and answers, only the latest question’s answer is ever used', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant('ask' as const), fc.constant('land' as const), fc.constant('drop' as const)), { maxLength: 40 }), async (ops) => {
        const { channel, flights, used } = harness();
        let asked = 0;
        let latest: number | null = null;
        let landed = 0;
        for (const op of ops) {
          if (op === 'ask') {
            channel.ask(++asked);
            latest = asked;
          } else if (op === 'drop') {
            channel.drop();
            latest = null;
          } else if (landed < flights.length) {
            const f = flights[landed++];
            f?.resolve(`a${f.q}`);
            await settle();
            // Used only if it answered the latest question, and nothing newer is waiting.
            const last = used[used.length - 1];
            if (last?.q === f?.q) expect(f?.q).toBe(latest);
          }
        }
        expect(flights.length).toBeLessThanOrEqual(asked);
        for (const u of used) expect(u.a).toBe(`a${u.q}`);
      }),
    );
  });
});

const step = (id: string, over: Partial<StepView> = {}): StepView => ({
  id,
  title: id,
  help: null,
  required: true,
  confirmsResolution: false,
  applicable: true,
  done: false,
  auto: false,
  doneAt: null,
  ...over,
});
const reading: Evaluation = {
  steps: [step('a'), step('b', { required: false }), step('c', { applicable: false }), step('d', { confirmsResolution: true })],
  progress: { done: 0, total: 3, requiredDone: 0, requiredTotal: 2 },
  resolutionConfirmed: true,
  autoComplete: [],
  eligible: [{ move: { id: 'm1' } as never, text: 'tip', reasons: [] }],
  heldBack: [],
};

describe('a tick before the worker answers', () => {
  it('shows the step done and the progress moved, and no move until the answer about the new state', () => {
    const ev = tickLocally(reading, { a: { doneAt: 5, auto: false }, d: { doneAt: 6, auto: true } });
    expect(ev.steps.map((s) => [s.id, s.done, s.auto])).toEqual([
      ['a', true, false],
      ['b', false, false],
      ['c', false, false],
      ['d', true, true],
    ]);
    expect(ev.progress).toEqual({ done: 2, total: 3, requiredDone: 2, requiredTotal: 2 });
    expect(ev.eligible).toEqual([]);
  });
});

describe('joining an answer to the ticket state', () => {
  const answer = (over: Partial<EvaluateAnswer>): EvaluateAnswer => ({
    evaluation: reading,
    checklist: {},
    resolvedAt: null,
    shownAt: {},
    effects: [],
    playbookId: 'p',
    playbookVersion: 1,
    variant: '',
    vesAsk: '',
    timed: false,
    suggested: null,
    ...over,
  });

  it('keeps the checklist object when nothing was auto-ticked (no second question), takes auto-ticks otherwise', () => {
    const s = { ...freshTicketState('i', 1, '', ''), checklist: { a: { doneAt: 2, auto: false } } };
    expect(withAnswer(s, answer({ checklist: { a: { doneAt: 2, auto: false } } })).checklist).toBe(s.checklist);
    const ticked = { a: { doneAt: 2, auto: false }, b: { doneAt: 3, auto: true } };
    expect(withAnswer(s, answer({ checklist: ticked })).checklist).toEqual(ticked);
  });

  it('records moves first shown and resolution without losing what the rep did meanwhile', () => {
    const s = { ...freshTicketState('i', 1, '', ''), moves: { m1: { offeredAt: 9, outcome: 'offered' as const } } };
    const next = withAnswer(s, answer({ shownAt: { m1: 7, m2: 8 }, resolvedAt: 4 }));
    expect(next.moves).toEqual({ m1: { offeredAt: 9, outcome: 'offered', shownAt: 7 }, m2: { shownAt: 8 } });
    expect(next.resolvedAt).toBe(4);
    expect(withAnswer({ ...s, resolvedAt: 2 }, answer({ resolvedAt: 4 })).resolvedAt).toBe(2);
  });
});
