/**
 * The one message protocol between content scripts, extension pages and the service worker:
 * message name → who may send it, the payload schema (checked on receipt) and the result type.
 * Nothing else crosses `runtime.sendMessage`; no `{command: string, ...optional}` bags.
 */
import * as v from 'valibot';
import { MAX_FREE_TEXT } from '../core/log/types';
import { attemptSchema, interactionSchema, logEventSchema, reviewSchema, wrapupSchema } from '../core/log/validate';
import type { HistoryAttempt } from '../core/playbook/history';
import type { OverrideError, OverridesByHelpdesk } from '../core/ticket/overrides';
import { HELPDESK_IDS, type HelpdeskId, type SiteOverrides } from '../core/ticket/types';
import { STAGES, type Stage } from '../core/session/live-chat';
import type { EffectiveSettings, PanelConfig } from '../core/settings/effective';
import { REP_ID_PATTERN, SALT_PATTERN } from '../core/settings/policy';
import { type Settings, THEMES } from '../core/settings/settings';
import type { TeamView } from '../core/team/view';
import { type EvaluateAnswer, evaluatePayload } from './evaluate-schema';

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
  /**
   * Page → worker: the playbooks in force (managed policy wins over local, local over built-in). Not for
   * content scripts: they get the engine's reading of their ticket (`moves/evaluate`), never a playbook.
   */
  'playbook/active': {
    from: ['page'],
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
  /** Content → worker: copy this text to the clipboard from an extension context, never the page's DOM. */
  'clipboard/write': { from: ['content'], payload: v.strictObject({ text: v.pipe(v.string(), v.minLength(1), v.maxLength(5_000)) }) },
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
  /** Content/page → worker: the admin's selector overrides for one helpdesk (policy `siteOverrides`). */
  'sites/overrides': { from: ['content', 'page'], payload: v.strictObject({ helpdesk: v.picklist(HELPDESK_IDS) }) },
  /** Page → worker: every selector override (policy and options page), for the options page's editor. */
  'sites/overrides-all': { from: ['page'], payload: v.strictObject({}) },
  /** Page → worker: replace the options page's selector overrides (validated by the worker; all or nothing). */
  'sites/overrides-save': {
    from: ['page'],
    payload: v.strictObject({ overrides: v.pipe(v.unknown(), v.check((x) => JSON.stringify(x ?? null).length <= 50_000, 'Overrides are too large')) }),
  },
  /**
   * Content → worker: put the lazy bundle (wrap-up and key-help views, the generic fallback) into the
   * sender's own tab and frame. No fields: the worker injects its one fixed file, never one a message names.
   */
  'content/lazy': { from: ['content'], payload: v.strictObject({}) },
  /** Content/page → worker: the read-only settings a panel needs (no salt, no policy); see src/background/config.ts. */
  'config/panel': { from: ['content', 'page'], payload: v.strictObject({}) },
  /** Page → worker: everything the options page shows (settings, policy, bundle, salt, local playbooks). */
  'config/options': { from: ['page'], payload: v.strictObject({}) },
  /** Page → worker: change some of the rep's settings (the worker alone writes the config store). */
  'settings/update': {
    from: ['page'],
    payload: v.strictObject({
      repId: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(REP_ID_PATTERN, 'letters, digits and . _ @ - only, up to 100'))])),
      repName: v.optional(v.pipe(v.string(), v.maxLength(100))),
      disabledSites: v.optional(v.pipe(v.array(v.picklist(HELPDESK_IDS)), v.maxLength(HELPDESK_IDS.length))),
      customSites: v.optional(v.pipe(v.array(v.unknown()), v.maxLength(50))),
      retentionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
      theme: v.optional(v.picklist(THEMES)),
      csvBom: v.optional(v.boolean()),
    }),
  },
  /** Page → worker: store the local playbooks (current + history); `current` must be a valid playbook or null. */
  'playbooks/save': {
    from: ['page'],
    payload: v.strictObject({
      current: v.unknown(),
      history: v.pipe(v.array(v.unknown()), v.maxLength(20)),
      savedAt: v.record(v.string(), v.number()),
    }),
  },
  /** Page → worker: use this customer-key salt on this browser (hex, 16–128). */
  'salt/set': {
    from: ['page'],
    payload: v.strictObject({ salt: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(SALT_PATTERN, 'must be 16 to 128 hexadecimal characters')) }),
  },
  /** Page → worker: import a team bundle (validated again in the worker; errors by path). */
  'bundle/import': { from: ['page'], payload: v.strictObject({ bundle: v.unknown() }) },
  /** Page → worker: team-mode state for the options page, dashboard and popup (no credentials). */
  'team/status': { from: ['page'], payload: v.strictObject({}) },
  /** Page → worker: publish now and, with `pull`, read the team stream; answers when done (bounded by timeouts). */
  'team/sync': { from: ['page'], payload: v.strictObject({ pull: v.boolean() }) },
  /** Options page → worker: a team file's text, validated by the worker; stored only when valid. */
  'team/import': { from: ['page'], payload: v.strictObject({ text: v.pipe(v.string(), v.maxLength(64 * 1024)) }) },
  /** Options page → worker: forget the imported team file (a policy's team configuration stays). */
  'team/remove': { from: ['page'], payload: v.strictObject({}) },
  /**
   * Content → worker: this tab's conversation and its stage (live chat: the rep's open chats in this
   * browser); the answer is every open chat. Kept in `storage.session` (memory only): ids, no text.
   */
  'chats/report': {
    from: ['content'],
    payload: v.strictObject({ helpdesk: v.picklist(HELPDESK_IDS), ticketId: v.pipe(v.string(), v.minLength(1), v.maxLength(60)), stage: v.picklist(STAGES) }),
  },
  /** Content → worker: bring one of the open chats' tabs to the front (only a tab that reported a chat). */
  'chats/focus': { from: ['content'], payload: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }) },
  /**
   * Content → worker: the checklist's and moves' reading for this ticket — playbook selection, A/B variant
   * and the engine run in the worker, so playbooks never enter the page's process (evaluate-schema.ts).
   */
  'moves/evaluate': { from: ['content'], payload: evaluatePayload },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: v.GenericSchema }>;

export type MessageName = keyof typeof PROTOCOL;
export type Payload<N extends MessageName> = v.InferOutput<(typeof PROTOCOL)[N]['payload']>;

export interface ActivePlaybooks {
  /** JSON-safe playbooks, first match wins; validated again by the receiver's engine. */
  readonly playbooks: readonly unknown[];
  readonly source: 'managed' | 'bundle' | 'local' | 'default';
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
  'clipboard/write': { copied: boolean };
  'review/save': { reviewedAt: number };
  'log/rebuild': { events: number; interactions: number; attempts: number; wrapups: number };
  'interaction/open': { interactionId: string; startedAt: number; macKey: string };
  'log/rejected': { total: number; rows: RejectedRow[] };
  'sites/overrides': { overrides: SiteOverrides; errors: OverrideError[] };
  'sites/overrides-all': { policy: OverridesByHelpdesk; local: OverridesByHelpdesk; errors: OverrideError[] };
  'sites/overrides-save': { errors: OverrideError[] };
  'config/panel': PanelConfig;
  'content/lazy': { injected: true };
  'config/options': OptionsConfig;
  'settings/update': Settings;
  'playbooks/save': { saved: true };
  'salt/set': { salt: string };
  'bundle/import': BundleSummary;
  'team/status': TeamView;
  'team/sync': TeamView;
  'team/import': { errors: string[]; view: TeamView };
  'team/remove': TeamView;
  'chats/report': { chats: OpenChat[] };
  'chats/focus': { focused: boolean };
  'moves/evaluate': EvaluateAnswer;
}

/** One open conversation in this browser, as the panel lists it (`current`: the asking tab's own). */
export interface OpenChat {
  readonly tabId: number;
  readonly helpdesk: HelpdeskId;
  readonly ticketId: string;
  readonly stage: Stage;
  readonly current: boolean;
}

/** One refused event as the options page shows and exports it (`raw` is size-bounded JSON text). */
export interface RejectedRow {
  readonly id: string;
  readonly at: number;
  readonly reason: string;
  readonly origin: string;
  readonly raw: string;
}

/** What the options page shows; the raw policy is the administrator's, shown read-only. */
export interface OptionsConfig {
  readonly settings: Settings;
  readonly effective: EffectiveSettings;
  readonly policy: Readonly<Record<string, unknown>>;
  readonly bundle: BundleSummary | null;
  /** This browser's own salt (null until first use); the policy's, when set, is in `policy`. */
  readonly salt: string | null;
  /** Local playbooks as stored `{ current, history, savedAt }`, unvalidated. */
  readonly playbooks: unknown;
}

export interface BundleSummary {
  readonly name: string | null;
  readonly importedAt: number;
  readonly playbooks: number;
  readonly customSites: number;
  readonly disabledSites: readonly string[];
  readonly setsSalt: boolean;
  readonly setsTeam: boolean;
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
export type { EvaluateAnswer, EvaluateRequest } from './evaluate-schema';
