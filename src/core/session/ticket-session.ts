/**
 * The ticket session's rules, pure: rep actions and engine readings of the page go in, the next
 * `TicketState` and the effects to perform (log events to emit, notices) come out. The content script's
 * runner (src/content/controller.ts) performs the effects: outbox, storage, clipboard, health.
 *
 * `settle` replaces the old recompute → commit → recompute recursion: an auto-tick changes the
 * checklist, which can make another step's auto-tick hold or confirm resolution, so the engine is run
 * again — in a loop here, bounded because every round ticks at least one more step. Only when the
 * checklist is stable are resolution and first display of moves recorded, each exactly once.
 */
import type { MoveRef, Outcome, SkipReason } from '../log/types';
import type { Evaluation } from '../playbook/engine';
import type { Effect, EventBody, TicketState, Transition, WrapupAnswers } from './types';

export interface Settled extends Transition {
  /** The engine's reading of the final state (what the panel shows). */
  readonly evaluation: Evaluation;
}

/**
 * Runs the engine on `state` until no more auto-ticks apply, then records resolution and newly shown
 * moves. `evaluate` is the engine bound to the page reading, playbook and history of this moment.
 */
export function settle(state: TicketState, evaluate: (s: TicketState) => Evaluation, now: number): Settled {
  let s = state;
  const effects: Effect[] = [];
  const emit = (body: EventBody) => effects.push({ kind: 'emit', body });
  // Each round ticks ≥ 1 step not ticked before, so there are at most (number of steps + 1) rounds.
  for (;;) {
    const ev = evaluate(s);
    const fresh = ev.autoComplete.filter((id) => !Object.hasOwn(s.checklist, id));
    if (fresh.length === 0) return { state: recordShown(s, ev, now, emit), evaluation: ev, effects };
    for (const stepId of fresh) {
      s = { ...s, checklist: { ...s.checklist, [stepId]: { doneAt: now, auto: true } } };
      emit({ type: 'step-completed', stepId, auto: true });
      const title = ev.steps.find((x) => x.id === stepId)?.title ?? stepId;
      effects.push({ kind: 'notice', notice: { kind: 'info', text: title, undoStep: stepId } });
    }
  }
}

function recordShown(state: TicketState, ev: Evaluation, now: number, emit: (b: EventBody) => void): TicketState {
  let s = state;
  if (ev.resolutionConfirmed && s.resolvedAt === null) {
    s = { ...s, resolvedAt: now };
    emit({ type: 'resolution-confirmed' });
  }
  for (const e of ev.eligible) {
    if (s.moves[e.move.id]?.shownAt) continue;
    s = { ...s, moves: { ...s.moves, [e.move.id]: { ...s.moves[e.move.id], shownAt: now } } };
    emit({ type: 'move-shown', ...moveRef(e.move) });
  }
  return s;
}

export type RepAction =
  | { readonly type: 'toggle-step'; readonly stepId: string }
  | { readonly type: 'offered'; readonly move: MoveLike; readonly via: 'insert' | 'copy' | 'manual'; readonly customerMessages?: number }
  | { readonly type: 'outcome'; readonly move: MoveLike; readonly outcome: Outcome; readonly skipReason: SkipReason | null }
  | { readonly type: 'wrapup'; readonly answer: Partial<WrapupAnswers> }
  | { readonly type: 'finish' };

export interface MoveLike {
  readonly id: string;
  readonly kind: MoveRef['moveKind'];
  readonly title: string;
}

/**
 * One rep action. `evaluation` is what the panel showed when the rep acted (finishing needs to know
 * which required steps were still open). Returns the state unchanged, with no effects, for an action
 * that has nothing to act on.
 */
export function applyRepAction(state: TicketState, action: RepAction, evaluation: Evaluation | null, now: number): Transition {
  const effects: Effect[] = [];
  const emit = (body: EventBody) => effects.push({ kind: 'emit', body });
  switch (action.type) {
    case 'toggle-step': {
      const { stepId } = action;
      const done = Object.hasOwn(state.checklist, stepId) ? state.checklist[stepId] : undefined;
      if (done) {
        const { [stepId]: _gone, ...rest } = state.checklist;
        // Un-ticking an auto-ticked step means the signal was wrong: never auto-tick it again.
        const suppressedAuto = done.auto ? [...new Set([...state.suppressedAuto, stepId])] : state.suppressedAuto;
        emit({ type: 'step-undone', stepId });
        return { state: { ...state, checklist: rest, suppressedAuto }, effects };
      }
      emit({ type: 'step-completed', stepId, auto: false });
      return { state: { ...state, checklist: { ...state.checklist, [stepId]: { doneAt: now, auto: false } } }, effects };
    }
    case 'offered': {
      const prev = state.moves[action.move.id] ?? {};
      // The first offer is the one that counts; inserting again is not a second offer.
      if (!prev.offeredAt) emit({ type: 'move-offered', via: action.via, ...moveRef(action.move) });
      const seen = prev.customerMessagesAtOffer ?? action.customerMessages;
      const next = { ...prev, offeredAt: prev.offeredAt ?? now, outcome: prev.outcome ?? 'offered', ...(seen === undefined ? {} : { customerMessagesAtOffer: seen }) };
      return { state: { ...state, moves: { ...state.moves, [action.move.id]: next } }, effects };
    }
    case 'outcome': {
      const { move, outcome, skipReason } = action;
      emit({ type: 'move-outcome', outcome, skipReason, ...moveRef(move) });
      const prev = state.moves[move.id] ?? {};
      const offeredAt = outcome === 'not-a-fit' ? prev.offeredAt : (prev.offeredAt ?? now);
      return { state: { ...state, moves: { ...state.moves, [move.id]: { ...prev, offeredAt, outcome, skipReason } } }, effects };
    }
    case 'wrapup': {
      const { answer } = action;
      emit({ type: 'wrapup', vesAchieveMore: answer.vesAchieveMore ?? null, vesConfidence: answer.vesConfidence ?? null, effort: answer.effort ?? null });
      return { state: { ...state, wrapup: { ...state.wrapup, ...answer } }, effects };
    }
    case 'finish': {
      if (state.ended) return { state, effects };
      // Required steps do not gate VE (only resolution does); leaving one open is recorded instead.
      const open = evaluation?.steps.filter((s) => s.applicable && s.required && !s.done).map((s) => s.id) ?? [];
      // Logged even when empty: the ticket then counts as finished with every required step done.
      emit({ type: 'steps-missed', stepIds: open });
      emit({ type: 'interaction-ended', reason: 'closed' });
      return { state: { ...state, ended: true }, effects };
    }
  }
}

export function moveRef(move: MoveLike): MoveRef {
  return { moveId: move.id, moveKind: move.kind, moveTitle: move.title.slice(0, 500) };
}
