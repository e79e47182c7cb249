/**
 * One ticket's panel state as the rep sees it (checklist ticks, moves shown/offered, wrap-up answers).
 * Ids and times only — never conversation text. Persisted per ticket by the content script.
 */
import type { LogEvent, Outcome, SkipReason } from '../log/types';

export interface MoveState {
  readonly shownAt?: number;
  readonly offeredAt?: number;
  readonly outcome?: Outcome;
  readonly skipReason?: SkipReason | null;
  /** How many messages the customer had written when the move was offered (a count, never text): a
   *  later reply makes the panel ask how they took it. */
  readonly customerMessagesAtOffer?: number;
}

export interface WrapupAnswers {
  readonly vesAchieveMore: number | null;
  readonly vesConfidence: number | null;
  readonly effort: number | null;
}

export interface TicketState {
  readonly interactionId: string;
  readonly startedAt: number;
  readonly touchedAt: number;
  readonly checklist: Readonly<Record<string, { doneAt: number; auto: boolean }>>;
  readonly suppressedAuto: readonly string[];
  readonly resolvedAt: number | null;
  readonly moves: Readonly<Record<string, MoveState>>;
  readonly wrapup: WrapupAnswers;
  readonly ended: boolean;
  readonly customerKey: string;
  readonly variant: string;
}

/** A ticket nobody has worked yet: nothing ticked, shown, offered or answered. */
export function freshTicketState(interactionId: string, now: number, customerKey: string, variant: string): TicketState {
  return {
    interactionId,
    startedAt: now,
    touchedAt: now,
    checklist: {},
    suppressedAuto: [],
    resolvedAt: null,
    moves: {},
    wrapup: { vesAchieveMore: null, vesConfidence: null, effort: null },
    ended: false,
    customerKey,
    variant,
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A log event before the runner gives it an id, a time and the interaction's id. */
export type EventBody = DistributiveOmit<LogEvent, 'id' | 'at' | 'interactionId'>;

export interface Notice {
  readonly kind: 'info' | 'warn';
  /** A message key (or a step title for auto-tick notices). */
  readonly text: string;
  /** Set on auto-tick notices: the step the rep can undo. */
  readonly undoStep?: string;
}

/** What the runner must do after a transition; the reducer itself touches nothing. */
export type Effect = { readonly kind: 'emit'; readonly body: EventBody } | { readonly kind: 'notice'; readonly notice: Notice | null };

export interface Transition {
  readonly state: TicketState;
  readonly effects: readonly Effect[];
}
