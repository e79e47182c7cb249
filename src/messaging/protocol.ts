/**
 * The one message protocol between content scripts, extension pages and the service worker:
 * message name → who may send it, the payload schema (checked on receipt) and the result type.
 * Nothing else crosses `runtime.sendMessage`; no `{command: string, ...optional}` bags.
 */
import * as v from 'valibot';
import { MAX_FREE_TEXT } from '../core/log/types';
import { attemptSchema, interactionSchema, logEventSchema, reviewSchema, wrapupSchema } from '../core/log/validate';
import { HELPDESK_IDS } from '../core/ticket/types';
import type { HistoryAttempt } from '../core/playbook/history';

/** `content`: a content script in a tab; `page`: one of our extension pages. */
export type SenderKind = 'content' | 'page';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const MAX_MERGE_ROWS = 5_000;

export const PROTOCOL = {
  /**
   * Content → worker: store these events (idempotent). Each event is validated on its own by the worker
   * (`ingestEvents`), so one bad event is refused alone: the result lists the ids now safely stored and
   * the ids refused (kept aside in the `rejected` store) — the sender forgets both.
   */
  'log/append': {
    from: ['content', 'page'],
    payload: v.strictObject({ events: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(200)) }),
  },
  /** Content → worker: salted hash of a customer's email/id; the salt never enters the page's process. */
  'customer/key': {
    from: ['content'],
    // The interaction the worker issued to this tab: the key is remembered for it (see customer/history).
    payload: v.strictObject({ raw: v.pipe(v.string(), v.maxLength(320)), interactionId: id }),
  },
  /**
   * Content → worker: the customer's prior attempts from other interactions (frequency cap) — only for an
   * interaction the worker issued to this tab and origin, and only for the customer key the worker itself
   * hashed for it. A page cannot ask about an arbitrary customer.
   */
  'customer/history': {
    from: ['content'],
    payload: v.strictObject({ interactionId: id }),
  },
  /**
   * Content → worker: issue (or, on reload / a second tab of the same site, re-issue) the interaction id
   * for a ticket. The worker binds it to the sender's origin and tab; events for it from any other origin
   * are refused. Rate-limited per tab unless `forAction` (the rep acted in the panel).
   */
  'interaction/open': {
    from: ['content'],
    payload: v.strictObject({
      helpdesk: v.picklist(HELPDESK_IDS),
      ticketId: id,
      startedAt: v.pipe(v.number(), v.integer()),
      resume: v.optional(id),
      forAction: v.optional(v.boolean()),
    }),
  },
  /** Any → worker: the playbooks in force (managed policy wins over local, local over built-in). */
  'playbook/active': {
    from: ['content', 'page'],
    // The sender's UI locale, so the built-in playbook matches the language its panel is shown in.
    payload: v.strictObject({ locale: v.optional(v.pipe(v.string(), v.maxLength(20))) }),
  },
  /** Content → worker: whether this tab's page was recognised (toolbar badge). */
  'tab/status': {
    from: ['content'],
    payload: v.strictObject({ helpdesk: v.picklist(HELPDESK_IDS), recognised: v.boolean() }),
  },
  /** Page → worker: merge imported records (another rep's export or a backup), de-duplicated by id. */
  'log/merge': {
    from: ['page'],
    payload: v.strictObject({
      events: v.optional(v.pipe(v.array(logEventSchema), v.maxLength(MAX_MERGE_ROWS))),
      interactions: v.optional(v.pipe(v.array(interactionSchema), v.maxLength(MAX_MERGE_ROWS))),
      attempts: v.optional(v.pipe(v.array(attemptSchema), v.maxLength(MAX_MERGE_ROWS))),
      wrapups: v.optional(v.pipe(v.array(wrapupSchema), v.maxLength(MAX_MERGE_ROWS))),
      reviews: v.optional(v.pipe(v.array(reviewSchema), v.maxLength(MAX_MERGE_ROWS))),
    }),
  },
  /** Page → worker: re-register content scripts for the custom sites whose permission is granted. */
  'custom-sites/sync': { from: ['page'], payload: v.strictObject({}) },
  /** Dashboard → worker: a team lead's rating of one offered attempt (review queue); replaces an earlier one. */
  'review/save': {
    from: ['page'],
    payload: v.strictObject({
      attemptId: id,
      resolutionFirst: v.nullable(v.boolean()),
      fit: v.nullable(v.boolean()),
      tone: v.nullable(v.boolean()),
      note: v.pipe(v.string(), v.maxLength(MAX_FREE_TEXT)),
    }),
  },
  /** Options page → worker: "Rebuild from log" — recompute every derived store from the events. */
  'log/rebuild': { from: ['page'], payload: v.strictObject({}) },
  /** Options page → worker: events the worker refused and kept aside (health line and export). */
  'log/rejected': { from: ['page'], payload: v.strictObject({}) },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: v.GenericSchema }>;

export type MessageName = keyof typeof PROTOCOL;
export type Payload<N extends MessageName> = v.InferOutput<(typeof PROTOCOL)[N]['payload']>;

export interface ActivePlaybooks {
  /** JSON-safe playbooks, first match wins; validated again by the receiver's engine. */
  readonly playbooks: readonly unknown[];
  readonly source: 'managed' | 'local' | 'default';
  readonly problems: readonly string[];
}

export interface Results {
  'log/append': { acked: string[]; rejected: { id: string; reason: string }[] };
  'customer/key': { key: string };
  'customer/history': { attempts: HistoryAttempt[] };
  'playbook/active': ActivePlaybooks;
  'tab/status': { ok: true };
  'log/merge': { added: number; duplicates: number; rejected: number };
  'custom-sites/sync': { registered: number };
  'review/save': { reviewedAt: number };
  'log/rebuild': { events: number; interactions: number; attempts: number; wrapups: number };
  'interaction/open': { interactionId: string; startedAt: number; macKey: string };
  'log/rejected': { total: number; rows: RejectedRow[] };
}

/** One refused event as the options page shows and exports it (`raw` is size-bounded JSON text). */
export interface RejectedRow {
  readonly id: string;
  readonly at: number;
  readonly reason: string;
  readonly origin: string;
  readonly raw: string;
}

export const ENVELOPE = v.strictObject({
  rp: v.literal(1),
  name: v.picklist(Object.keys(PROTOCOL) as MessageName[]),
  payload: v.unknown(),
});

export type Reply<N extends MessageName> = { ok: true; result: Results[N] } | { ok: false; error: string };

// Worker → content commands are part of this protocol; they live in their own module so the content
// script can parse them without bundling every schema above.
export * from './commands';
