/**
 * The content script's half of `moves/evaluate` (the engine runs in the worker): what to ask, how a tick
 * shows before the answer, how an answer joins the ticket's state, and which answers are too old to use.
 * No browser API here, so the races are unit-tested in Node (evaluation.test.ts).
 */
import type { HistoryAttempt } from '../core/playbook/history';
import type { Evaluation } from '../core/playbook/engine';
import type { TicketState } from '../core/session/types';
import type { TicketContext } from '../core/ticket/types';
import type { EvaluateAnswer, EvaluateRequest } from '../messaging/protocol';

/** What the engine reads; a change in any of these (by identity) needs a new answer. */
export interface EngineInputs {
  readonly ticketId: string;
  readonly context: TicketContext | null;
  readonly checklist: TicketState['checklist'];
  readonly suppressedAuto: TicketState['suppressedAuto'];
  readonly startedAt: number;
  readonly variant: string;
  readonly history: readonly HistoryAttempt[];
}

export function inputsOf(ticketId: string, context: TicketContext | null, s: TicketState, history: readonly HistoryAttempt[]): EngineInputs {
  return { ticketId, context, checklist: s.checklist, suppressedAuto: s.suppressedAuto, startedAt: s.startedAt, variant: s.variant, history };
}

export const sameInputs = (a: EngineInputs | null, b: EngineInputs): boolean =>
  a !== null && (Object.keys(b) as (keyof EngineInputs)[]).every((k) => a[k] === b[k]);

export function requestFor(i: EngineInputs, s: TicketState): EvaluateRequest {
  return {
    ticketId: i.ticketId,
    context: i.context,
    state: {
      startedAt: i.startedAt,
      checklist: i.checklist,
      suppressedAuto: i.suppressedAuto,
      resolvedAt: s.resolvedAt,
      shown: Object.keys(s.moves).filter((id) => s.moves[id]?.shownAt),
      variant: i.variant,
    },
    history: i.history,
  };
}

/**
 * The rep's tick, painted in the click's own frame: the last reading with the step's new done state and
 * progress. Moves may depend on steps (resolution, `stepDone`), so none is shown until the worker answers.
 */
export function tickLocally(ev: Evaluation, checklist: TicketState['checklist']): Evaluation {
  const progress = { done: 0, total: 0, requiredDone: 0, requiredTotal: 0 };
  const steps = ev.steps.map((s) => {
    const entry = Object.hasOwn(checklist, s.id) ? checklist[s.id] : undefined;
    if (s.applicable) {
      progress.total++;
      if (entry) progress.done++;
      if (s.required) {
        progress.requiredTotal++;
        if (entry) progress.requiredDone++;
      }
    }
    return { ...s, done: !!entry, auto: entry?.auto === true, doneAt: entry?.doneAt ?? null };
  });
  return { ...ev, steps, progress, eligible: [] };
}

/**
 * The worker's answer joined to the ticket's current state (whose engine inputs are those asked about):
 * its auto-ticks, resolution time and moves first shown. The checklist object is kept when nothing was
 * auto-ticked, so the same inputs do not ask again.
 */
export function withAnswer(s: TicketState, a: EvaluateAnswer): TicketState {
  const ticked = Object.keys(a.checklist).length !== Object.keys(s.checklist).length;
  const moves = { ...s.moves };
  for (const [id, at] of Object.entries(a.shownAt)) moves[id] = { ...moves[id], shownAt: at };
  return { ...s, checklist: ticked ? a.checklist : s.checklist, resolvedAt: s.resolvedAt ?? a.resolvedAt, moves };
}

/**
 * One question in flight at a time, and only the latest question's answer is used: a newer question
 * makes every older answer stale (dropped); questions asked while one is in flight are coalesced into
 * the latest, asked when the flight lands. `drop()` makes the in-flight answer stale (ticket switched).
 */
export function latestOnly<Q, A>(send: (q: Q) => Promise<A>, use: (a: A, q: Q) => void, fail: (err: unknown, q: Q) => void) {
  let seq = 0;
  let flying = false;
  let next: Q | null = null;
  const pump = () => {
    const q = next as Q;
    next = null;
    const mine = ++seq;
    flying = true;
    const land = (deliver: () => void) => {
      flying = false;
      if (next !== null) pump();
      else if (mine === seq) deliver();
    };
    send(q).then(
      (a) => land(() => use(a, q)),
      (err: unknown) => land(() => fail(err, q)),
    );
  };
  return {
    ask(q: Q): void {
      next = q;
      if (!flying) pump();
    },
    drop(): void {
      next = null;
      seq++;
    },
  };
}
