/**
 * The one message protocol between content scripts, extension pages and the service worker:
 * message name → who may send it, the payload schema (checked on receipt) and the result type.
 * Nothing else crosses `runtime.sendMessage`; no `{command: string, ...optional}` bags.
 */
import * as v from 'valibot';
import { MAX_FREE_TEXT } from '../core/log/types';
import { attemptSchema, interactionSchema, logEventSchema, wrapupSchema } from '../core/log/validate';
import { HELPDESK_IDS } from '../core/ticket/types';
import type { PriorAttempt } from '../storage/log-repo';
import type { TeamView } from '../core/team/view';

/** `content`: a content script in a tab; `page`: one of our extension pages. */
export type SenderKind = 'content' | 'page';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const MAX_MERGE_ROWS = 5_000;

export const PROTOCOL = {
  /** Content → worker: store these events (idempotent); the result lists the ids now safely stored. */
  'log/append': {
    from: ['content', 'page'],
    payload: v.strictObject({ events: v.pipe(v.array(logEventSchema), v.minLength(1), v.maxLength(200)) }),
  },
  /** Content → worker: salted hash of a customer's email/id; the salt never enters the page's process. */
  'customer/key': {
    from: ['content'],
    payload: v.strictObject({ raw: v.pipe(v.string(), v.maxLength(320)) }),
  },
  /** Content → worker: the customer's prior attempts from other interactions (frequency cap). */
  'customer/history': {
    from: ['content'],
    payload: v.strictObject({ customerKey: v.pipe(v.string(), v.maxLength(64)), interactionId: id }),
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
  /** Page → worker: team-mode state for the options page, dashboard and popup (no credentials). */
  'team/status': { from: ['page'], payload: v.strictObject({}) },
  /** Page → worker: publish now and, with `pull`, read the team stream; answers when done (bounded by timeouts). */
  'team/sync': { from: ['page'], payload: v.strictObject({ pull: v.boolean() }) },
  /** Options page → worker: a team file's text, validated by the worker; stored only when valid. */
  'team/import': { from: ['page'], payload: v.strictObject({ text: v.pipe(v.string(), v.maxLength(64 * 1024)) }) },
  /** Options page → worker: forget the imported team file (a policy's team configuration stays). */
  'team/remove': { from: ['page'], payload: v.strictObject({}) },
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
  'log/append': { acked: string[] };
  'customer/key': { key: string };
  'customer/history': { attempts: PriorAttempt[] };
  'playbook/active': ActivePlaybooks;
  'tab/status': { ok: true };
  'log/merge': { added: number; duplicates: number };
  'custom-sites/sync': { registered: number };
  'review/save': { reviewedAt: number };
  'team/status': TeamView;
  'team/sync': TeamView;
  'team/import': { errors: string[]; view: TeamView };
  'team/remove': TeamView;
}

export const ENVELOPE = v.strictObject({
  rp: v.literal(1),
  name: v.picklist(Object.keys(PROTOCOL) as MessageName[]),
  payload: v.unknown(),
});

export type Reply<N extends MessageName> = { ok: true; result: Results[N] } | { ok: false; error: string };
