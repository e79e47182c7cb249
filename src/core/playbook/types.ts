/**
 * The playbook model: declarative data an author writes (or imports as JSON) and `validate.ts` checks.
 * Playbooks are data, never code — no regex, no expressions, nothing evaluated — so a shared playbook
 * cannot do anything a reviewer cannot read. Parsed playbooks are deep-frozen: the engine caches
 * derived data by object identity.
 */
import type { MoveKind, Outcome } from '../log/types';
import type { Channel, HelpdeskId, TicketStatus } from '../ticket/types';

/** `any`: at least one of these tags; `all`: every one of them. At least one of the two is given. */
export interface TagsMatch {
  readonly any?: readonly string[];
  readonly all?: readonly string[];
}

/**
 * Keywords or phrases, case- and accent-insensitive, matched on word boundaries ("cancel" does not match
 * "cancellation"). A trailing `*` matches a word prefix: "smoothie*" matches "smoothies".
 */
export interface KeywordMatch {
  readonly any: readonly string[];
}

/** Inclusive bounds; at least one is given. */
export interface MinuteRange {
  readonly gte?: number;
  readonly lte?: number;
}

/**
 * Count of this customer's earlier VE attempts (from other interactions) in the last `withinDays` days,
 * optionally only of one kind or one move. Attempts dismissed as not-a-fit never reached the customer
 * and are not counted. At least one of `gte`/`lte` is given.
 */
export interface PriorAttempts {
  readonly withinDays: number;
  readonly gte?: number;
  readonly lte?: number;
  readonly kind?: MoveKind;
  readonly moveId?: string;
}

/** Holds when an earlier attempt in the last `withinDays` days ended with one of these outcomes. */
export interface PriorOutcome {
  readonly outcome: readonly Outcome[];
  readonly withinDays: number;
  readonly moveId?: string;
}

/**
 * One operator per object. Leaves that read the page (helpdesk … agentSays) are *unknown* when the
 * adapter could not read the ticket; unknown propagates through all/any/not (Kleene logic) and an
 * unknown condition never makes a move eligible.
 */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly helpdesk: readonly HelpdeskId[] }
  | { readonly channel: readonly Channel[] }
  | { readonly status: readonly TicketStatus[] }
  | { readonly tags: TagsMatch }
  /** The ticket's product contains one of these names (same matching as keywords). */
  | { readonly product: readonly string[] }
  /** Customer messages only. */
  | { readonly customerSays: KeywordMatch }
  /** Agent messages only (not internal notes) — e.g. "anything else" as a resolution signal. */
  | { readonly agentSays: KeywordMatch }
  /** Minutes since the interaction started. */
  | { readonly elapsedMinutes: MinuteRange }
  | { readonly stepDone: string }
  | { readonly resolutionConfirmed: boolean }
  | { readonly priorAttempts: PriorAttempts }
  | { readonly priorOutcome: PriorOutcome };

export const CONDITION_KEYS = [
  'all',
  'any',
  'not',
  'helpdesk',
  'channel',
  'status',
  'tags',
  'product',
  'customerSays',
  'agentSays',
  'elapsedMinutes',
  'stepDone',
  'resolutionConfirmed',
  'priorAttempts',
  'priorOutcome',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

export interface Step {
  readonly id: string;
  readonly title: string;
  readonly help?: string;
  readonly required: boolean;
  /** Ticking this step confirms the resolution and unlocks VE moves. At most one step has it. */
  readonly confirmsResolution?: boolean;
  /** The step only applies while this holds (shown and counted only then). */
  readonly when?: Condition;
  /** A page signal that the step happened; the overlay ticks it and offers undo. */
  readonly autoComplete?: Condition;
}

export interface Move {
  readonly id: string;
  readonly kind: MoveKind;
  readonly title: string;
  /** What the rep sends. Placeholders: see `PLACEHOLDERS` in placeholders.ts. */
  readonly text: string;
  readonly when: Condition;
  /** Higher first; ties keep array order. */
  readonly priority: number;
  /** Not offered again to the same customer within this many days (0 = no per-move pause). */
  readonly cooldownDays: number;
  /** The author's note, shown to the rep under "why this now". */
  readonly why?: string;
}

/** Empty or absent lists mean "no restriction"; all given lists must match. */
export interface AppliesTo {
  readonly helpdesks?: readonly HelpdeskId[];
  readonly channels?: readonly Channel[];
  readonly tags?: readonly string[];
  readonly products?: readonly string[];
}

export interface PlaybookSettings {
  /** No VE of any kind to the same customer within this many days (0 = off). */
  readonly veCooldownDays: number;
  readonly maxMovesShown: number;
}

/** Variant B replaces `moves` with `movesB` for a stable `shareB` fraction of tickets. */
export interface AbTest {
  readonly labelA: string;
  readonly labelB: string;
  readonly shareB: number;
  readonly movesB: readonly Move[];
}

export interface Playbook {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly locale?: string;
  readonly appliesTo: AppliesTo;
  readonly checklist: readonly Step[];
  readonly moves: readonly Move[];
  /** Alternative (or addition) to a `confirmsResolution` step: resolution is confirmed while it holds. */
  readonly resolutionRule?: Condition;
  readonly settings: PlaybookSettings;
  readonly abTest?: AbTest;
  /** How "Ask in chat" words the two VE statements and the effort question (defaults: the panel's locale). */
  readonly vesQuestions?: VesQuestions;
}

export interface VesQuestions {
  readonly intro?: string;
  readonly achieveMore?: string;
  readonly confidence?: string;
  readonly effort?: string;
}

/** `path` is like `moves[3].when.any[0]`; `$` means the whole input (or the file, for size and syntax errors). */
export interface PlaybookIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly playbook: Playbook } | { readonly ok: false; readonly errors: readonly PlaybookIssue[] };
