/**
 * `moves/evaluate`: the content script sends what it read from the page and the engine's inputs from its
 * ticket state; the worker selects the playbook and A/B variant, runs the engine until auto-ticks settle
 * (core/session `settle`) and answers with the reading and the state changes. Playbooks never enter the
 * page's process. Bounds follow what the adapters produce (core/ticket/sanitize LIMITS, in code points,
 * so twice that in UTF-16 units); anything larger is refused with the path that was too large.
 */
import * as v from 'valibot';
import type { Evaluation } from '../core/playbook/engine';
import type { HistoryAttempt } from '../core/playbook/history';
import { MOVE_KINDS, OUTCOMES } from '../core/log/types';
import type { Effect } from '../core/session/types';
import { LIMITS } from '../core/ticket/sanitize';
import { CHANNELS, HELPDESK_IDS, MESSAGE_ROLES, TICKET_STATUSES, type TicketContext } from '../core/ticket/types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max * 2));
const time = v.pipe(v.number(), v.integer());
const stepId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const MAX_STEPS = 200;
const MAX_HISTORY = 1_000;

const ticketContextSchema = v.strictObject({
  helpdesk: v.picklist(HELPDESK_IDS),
  ticketId: text(LIMITS.field),
  subject: text(LIMITS.field),
  requesterName: text(LIMITS.field),
  customerKey: v.nullable(text(LIMITS.field)),
  channel: v.picklist(CHANNELS),
  status: v.picklist(TICKET_STATUSES),
  tags: v.pipe(v.array(text(LIMITS.tag)), v.maxLength(LIMITS.tags), v.readonly()),
  product: v.nullable(text(LIMITS.field)),
  messages: v.pipe(v.array(v.strictObject({ role: v.picklist(MESSAGE_ROLES), text: text(LIMITS.messageText) })), v.maxLength(LIMITS.messages), v.readonly()),
});

export const evaluatePayload = v.strictObject({
  ticketId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  /** The panel's language (its catalogue's `ui_language`); anything but a shipped language reads as the worker's own. */
  lang: v.optional(v.pipe(v.string(), v.maxLength(20))),
  /** Null when the adapter could not read the ticket (the checklist still runs). */
  context: v.nullable(ticketContextSchema),
  /** The engine's inputs from the ticket's state (ids and times only). */
  state: v.strictObject({
    startedAt: time,
    checklist: v.pipe(
      v.record(stepId, v.strictObject({ doneAt: time, auto: v.boolean() })),
      v.check((c) => Object.keys(c).length <= MAX_STEPS, `at most ${MAX_STEPS} steps`),
    ),
    suppressedAuto: v.pipe(v.array(stepId), v.maxLength(MAX_STEPS), v.readonly()),
    resolvedAt: v.nullable(time),
    /** Moves already shown on this ticket: shown again, they are not logged again. */
    shown: v.pipe(v.array(stepId), v.maxLength(MAX_STEPS), v.readonly()),
    /** The A/B variant the ticket recorded at its start ('' before it started: resolved afresh). */
    variant: v.pipe(v.string(), v.maxLength(100)),
  }),
  history: v.pipe(
    v.array(v.strictObject({ moveId: stepId, kind: v.picklist(MOVE_KINDS), at: time, outcome: v.nullable(v.picklist(OUTCOMES)), offered: v.boolean() })),
    v.maxLength(MAX_HISTORY),
    v.readonly(),
  ),
});

/** What the content script sends (the schema's output is assignable to it: the handler's parameter). */
export interface EvaluateRequest {
  readonly ticketId: string;
  readonly lang?: string;
  readonly context: TicketContext | null;
  readonly state: {
    readonly startedAt: number;
    readonly checklist: Readonly<Record<string, { readonly doneAt: number; readonly auto: boolean }>>;
    readonly suppressedAuto: readonly string[];
    readonly resolvedAt: number | null;
    readonly shown: readonly string[];
    readonly variant: string;
  };
  readonly history: readonly HistoryAttempt[];
}

/** The worker's answer: the engine's reading of the settled state and what settling changed. */
export interface EvaluateAnswer {
  readonly evaluation: Evaluation;
  /** The checklist after auto-ticks (the request's, plus the steps ticked by page signals). */
  readonly checklist: Readonly<Record<string, { doneAt: number; auto: boolean }>>;
  readonly resolvedAt: number | null;
  /** Moves shown for the first time now, with the time they were shown. */
  readonly shownAt: Readonly<Record<string, number>>;
  /** Events to log and notices to show, in order (auto-ticks, resolution, moves shown). */
  readonly effects: readonly Effect[];
  /** The playbook and variant that ran (what the interaction's start event records). */
  readonly playbookId: string;
  readonly playbookVersion: number;
  readonly variant: string;
  /** The text "Ask in chat" inserts: the playbook's VES questions, else the built-in wording. */
  readonly vesAsk: string;
  /** The playbook has conditions on elapsed time: the panel re-asks while the page is quiet. */
  readonly timed: boolean;
  /** What the customer's latest message suggests about an offer (the rep records the outcome). */
  readonly suggested: 'accepted' | 'declined' | null;
}
