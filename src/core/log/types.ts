/**
 * The log's data model. The content script creates `LogEvent`s (each with a unique id made where it
 * happens); the service worker stores them append-only and derives `Interaction`, `Attempt` and
 * `Wrapup` records from them, so the derived stores can always be rebuilt from the event log.
 * No conversation text is ever part of these types; free text is capped at 500 characters.
 */
import type { Channel, HelpdeskId } from '../ticket/types';

export const MOVE_KINDS = ['usage-tip', 'confidence'] as const;
export type MoveKind = (typeof MOVE_KINDS)[number];

/**
 * `offered`: the rep put the move in front of the customer, response not known yet.
 * `accepted`: the customer engaged with it. `declined`: the customer did not want it.
 * `not-a-fit`: the rep chose not to offer it (a *dismissal*, with a skip reason).
 * An attempt is *completed* when it was offered and the customer's response (accepted/declined) is in;
 * it is *dismissed* when it never reached the customer (not-a-fit).
 */
export const OUTCOMES = ['offered', 'accepted', 'declined', 'not-a-fit'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SKIP_REASONS = ['customer-upset', 'time-pressure', 'already-knows', 'other'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const END_REASONS = ['closed', 'abandoned'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Max length of any free-text field that is stored (rep id, notes, titles). */
export const MAX_FREE_TEXT = 500;

export interface InteractionStart {
  readonly helpdesk: HelpdeskId;
  readonly ticketId: string;
  /** Salted SHA-256 of the customer's email/id (hex), or '' when the page showed none. */
  readonly customerKey: string;
  readonly channel: Channel;
  readonly repId: string;
  readonly playbookId: string;
  readonly playbookVersion: number;
  readonly variant: string;
}

export interface MoveRef {
  readonly moveId: string;
  readonly moveKind: MoveKind;
  readonly moveTitle: string;
}

interface EventBase {
  readonly id: string;
  /** Epoch milliseconds when it happened in the page. */
  readonly at: number;
  readonly interactionId: string;
}

export type LogEvent = EventBase &
  (
    | ({ readonly type: 'interaction-started' } & InteractionStart)
    | { readonly type: 'step-completed'; readonly stepId: string; readonly auto: boolean }
    | { readonly type: 'step-undone'; readonly stepId: string }
    | { readonly type: 'resolution-confirmed' }
    | ({ readonly type: 'move-shown' } & MoveRef)
    | ({ readonly type: 'move-offered'; readonly via: 'insert' | 'copy' | 'manual' } & MoveRef)
    | ({ readonly type: 'move-outcome'; readonly outcome: Outcome; readonly skipReason: SkipReason | null } & MoveRef)
    | {
        readonly type: 'wrapup';
        readonly vesAchieveMore: number | null;
        readonly vesConfidence: number | null;
        readonly effort: number | null;
      }
    | { readonly type: 'interaction-ended'; readonly reason: EndReason }
    /** Logged when the rep finishes: required, applicable checklist steps still unticked (may be none). */
    | { readonly type: 'steps-missed'; readonly stepIds: readonly string[] }
  );
export type LogEventType = LogEvent['type'];

export interface Interaction extends InteractionStart {
  readonly id: string;
  readonly startedAt: number;
  readonly resolvedAt: number | null;
  readonly endedAt: number | null;
  readonly endReason: EndReason | null;
  /** Step id → completion time (absent = not done). */
  readonly steps: Readonly<Record<string, number>>;
  /**
   * Required steps the rep left unticked when finishing (latest report, minus steps ticked since).
   * Absent when the rep never finished the ticket in the panel (not known).
   */
  readonly requiredMissed?: readonly string[];
  /** Where the record came from: 'local' or the name of an imported file. */
  readonly source: string;
}

export interface Attempt extends InteractionStart, MoveRef {
  /** `${interactionId}:${moveId}` — stable, so merged logs de-duplicate. */
  readonly id: string;
  readonly interactionId: string;
  readonly shownAt: number | null;
  readonly offeredAt: number | null;
  readonly outcome: Outcome | null;
  readonly skipReason: SkipReason | null;
  readonly outcomeAt: number | null;
  readonly resolutionConfirmedAt: number | null;
  /** Time of the latest event that touched this attempt. */
  readonly loggedAt: number;
  readonly source: string;
}

/** The customer's answers to the two VE statements (1–5, agree = 5) and Customer Effort (1–7, easy = 7). */
export interface Wrapup {
  readonly interactionId: string;
  readonly vesAchieveMore: number | null;
  readonly vesConfidence: number | null;
  readonly effort: number | null;
  readonly at: number;
}

export const VES_SCALE = { min: 1, max: 5 } as const;
export const EFFORT_SCALE = { min: 1, max: 7 } as const;

/** A team lead's rating of one offered attempt (review queue). Travels in backups with the log. */
export interface Review {
  readonly attemptId: string;
  readonly resolutionFirst: boolean | null;
  readonly fit: boolean | null;
  readonly tone: boolean | null;
  readonly note: string;
  readonly reviewedAt: number;
}
