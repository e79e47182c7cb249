/**
 * valibot schemas for everything that enters the log from outside the worker's own reducers: events
 * posted by content scripts, records merged from another rep's export, backups and CSV rows. They are
 * strict on purpose — unknown fields, over-long strings, non-finite numbers and impossible combinations
 * are refused — because the same schemas guard the service worker's message port.
 *
 * Messages are written for a team lead reading an import report (`expected one of …`), not for a
 * developer, and `issuePath` / `issueMessage` turn a valibot issue into `attempts[12].outcome` + text.
 */
import * as v from 'valibot';
import { CHANNELS, HELPDESK_IDS } from '../ticket/types';
import {
  type Attempt,
  EFFORT_SCALE,
  END_REASONS,
  type Interaction,
  type LogEvent,
  type Review,
  MAX_FREE_TEXT,
  MOVE_KINDS,
  OUTCOMES,
  SKIP_REASONS,
  VES_SCALE,
  type Wrapup,
} from './types';

/** Keys that name object internals: never a step id (the playbook schema refuses them too). */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

export const LIMITS = {
  /** Record ids, ticket ids, step/move/playbook ids, variants. */
  id: 100,
  freeText: MAX_FREE_TEXT,
  /** Checklist steps per interaction; playbooks have a handful, so 200 only stops abuse. */
  steps: 200,
  playbookVersion: 1_000_000,
} as const;

/**
 * "Plausible" epoch milliseconds: nothing before 2015 (the extension did not exist; a smaller value is
 * a seconds-vs-ms mix-up or a zeroed clock) and nothing after 2100 (a corrupt or hostile value that
 * would also stretch every time axis). Integers only: `Date.now()` never yields fractions, and the CSV
 * round trip through ISO 8601 keeps whole milliseconds only.
 */
export const TIME_RANGE = { min: Date.UTC(2015, 0, 1), max: Date.UTC(2100, 0, 1) } as const;

/**
 * How far ahead of this browser's clock a time may be: reps' clocks drift, and merged files come from
 * other machines, but a row dated next year would outlive retention (it is never old enough to purge).
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Largest file (UTF-8 bytes) a backup or CSV import accepts: beyond this the tab risks running out of memory. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ids must not carry control characters
export const NO_CONTROL = /^[^\u0000-\u001F\u007F]*$/;
export const HEX_SHA256_OR_EMPTY = /^(?:[0-9a-fA-F]{64})?$/;

function show(input: unknown): string {
  if (typeof input === 'string') return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (input === undefined) return 'nothing';
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return String(input);
  return Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'an object' : typeof input;
}

const text = (max: number, what: string) =>
  v.pipe(
    v.string((i) => `expected ${what}, got ${show(i.input)}`),
    v.maxLength(max, (i) => `longer than ${max} characters (${i.input.length})`),
  );

/** A reference that may be empty: attempts logged before their interaction's start event carry ''. */
const ref = v.pipe(text(LIMITS.id, 'an id'), v.regex(NO_CONTROL, 'contains control characters'));
/** A record's own identity: never empty. */
const id = v.pipe(ref, v.minLength(1, 'must not be empty'));
const freeText = text(LIMITS.freeText, 'text');

const oneOf = <const T extends readonly string[]>(options: T) =>
  v.picklist(options, (i) => `expected one of ${options.join(', ')}; got ${show(i.input)}`);

/** A plausible epoch-milliseconds time (see TIME_RANGE). */
export const timeSchema = v.pipe(
  v.number((i) => `expected a time (epoch milliseconds), got ${show(i.input)}`),
  v.integer('expected whole milliseconds'),
  v.minValue(TIME_RANGE.min, 'is before 2015 — not a plausible time'),
  v.maxValue(TIME_RANGE.max, 'is after 2100 — not a plausible time'),
  // Read at validation time: a schema built once must not freeze "now".
  v.check((t) => t <= Date.now() + MAX_CLOCK_SKEW_MS, 'is in the future (more than a day ahead of this computer\'s clock)'),
);
const time = timeSchema;
const maybeTime = v.nullable(time);

const score = (scale: { readonly min: number; readonly max: number }) =>
  v.nullable(
    v.pipe(
      v.number((i) => `expected a score ${scale.min}–${scale.max} or null, got ${show(i.input)}`),
      v.integer(`expected a whole number ${scale.min}–${scale.max}`),
      v.minValue(scale.min, `expected ${scale.min}–${scale.max}`),
      v.maxValue(scale.max, `expected ${scale.min}–${scale.max}`),
    ),
  );

const startEntries = {
  helpdesk: oneOf(HELPDESK_IDS),
  ticketId: ref,
  customerKey: v.pipe(
    v.string('expected a customer key'),
    v.regex(HEX_SHA256_OR_EMPTY, 'expected a 64-character hex hash or empty'),
  ),
  channel: oneOf(CHANNELS),
  repId: freeText,
  playbookId: ref,
  playbookVersion: v.pipe(
    v.number((i) => `expected a version number, got ${show(i.input)}`),
    v.integer('expected a whole version number'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(LIMITS.playbookVersion, `must be at most ${LIMITS.playbookVersion}`),
  ),
  variant: ref,
} as const;

const moveEntries = {
  moveId: id,
  moveKind: oneOf(MOVE_KINDS),
  moveTitle: freeText,
} as const;

const eventBase = { id, at: time, interactionId: id } as const;

const strict = <const E extends v.ObjectEntries>(entries: E) => v.strictObject(entries, (i) => `expected an object, got ${show(i.input)}`);

/** Offered / accepted / declined carry no skip reason: a reason only explains a not-a-fit dismissal. */
const moveOutcomeEvent = v.variant('outcome', [
  strict({
    ...eventBase,
    ...moveEntries,
    type: v.literal('move-outcome'),
    outcome: v.literal('not-a-fit'),
    skipReason: v.nullable(oneOf(SKIP_REASONS)),
  }),
  strict({
    ...eventBase,
    ...moveEntries,
    type: v.literal('move-outcome'),
    outcome: oneOf(['offered', 'accepted', 'declined'] as const),
    skipReason: v.null('a skip reason only goes with not-a-fit'),
  }),
]);

const logEventVariants = v.variant(
  'type',
  [
    strict({ ...eventBase, type: v.literal('interaction-started'), ...startEntries }),
    strict({ ...eventBase, type: v.literal('step-completed'), stepId: id, auto: v.boolean('expected true or false') }),
    strict({ ...eventBase, type: v.literal('step-undone'), stepId: id }),
    strict({ ...eventBase, type: v.literal('resolution-confirmed') }),
    strict({ ...eventBase, type: v.literal('move-shown'), ...moveEntries }),
    strict({ ...eventBase, type: v.literal('move-offered'), via: oneOf(['insert', 'copy', 'manual'] as const), ...moveEntries }),
    moveOutcomeEvent,
    strict({
      ...eventBase,
      type: v.literal('wrapup'),
      vesAchieveMore: score(VES_SCALE),
      vesConfidence: score(VES_SCALE),
      effort: score(EFFORT_SCALE),
    }),
    strict({ ...eventBase, type: v.literal('interaction-ended'), reason: oneOf(END_REASONS) }),
    strict({
      ...eventBase,
      type: v.literal('steps-missed'),
      // Empty when every required step was ticked: the ticket is judged complete.
      stepIds: v.pipe(v.array(id, 'expected a list of step ids'), v.maxLength(LIMITS.steps, `more than ${LIMITS.steps} steps`)),
    }),
  ],
  // Called for the inner `outcome` discriminator of move-outcome too.
  (i) =>
    i.path?.[0]?.key === 'outcome'
      ? `expected one of ${OUTCOMES.join(', ')}; got ${show(i.input)}`
      : `unknown event type ${show(i.input)}`,
);

const interactionObject = v.pipe(
  strict({
    ...startEntries,
    id,
    startedAt: time,
    resolvedAt: maybeTime,
    endedAt: maybeTime,
    endReason: v.nullable(oneOf(END_REASONS)),
    steps: v.pipe(
      // v.record alone would turn a JSON array into {} without a word.
      v.custom<Record<string, number>>(
        (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
        (i) => `expected an object of step id → time, got ${show(i.input)}`,
      ),
      // v.record silently drops these keys; a file that carries one is refused by name instead.
      v.custom<Record<string, number>>(
        (x) => !RESERVED_KEYS.some((k) => Object.hasOwn(x as object, k)),
        () => `a step id may not be ${RESERVED_KEYS.join(', ')}`,
      ),
      v.record(id, time),
      v.maxEntries(LIMITS.steps, `more than ${LIMITS.steps} steps`),
    ),
    source: freeText,
    requiredMissed: v.optional(v.pipe(v.array(id, 'expected a list of step ids'), v.maxLength(LIMITS.steps, `more than ${LIMITS.steps} steps`))),
  }),
  // The reducer sets both together when the interaction-ended event arrives.
  v.forward(
    v.partialCheck(
      [['endedAt'], ['endReason']],
      (i) => (i.endedAt === null) === (i.endReason === null),
      'endedAt and endReason must both be set or both be null',
    ),
    ['endReason'],
  ),
);

const attemptObject = v.pipe(
  strict({
    ...startEntries,
    ...moveEntries,
    id,
    interactionId: id,
    shownAt: maybeTime,
    offeredAt: maybeTime,
    outcome: v.nullable(oneOf(OUTCOMES)),
    skipReason: v.nullable(oneOf(SKIP_REASONS)),
    outcomeAt: maybeTime,
    resolutionConfirmedAt: maybeTime,
    loggedAt: time,
    source: freeText,
  }),
  // The id is derived, and merges de-duplicate on it: a mismatch would let two copies of one attempt in.
  v.forward(
    v.partialCheck(
      [['id'], ['interactionId'], ['moveId']],
      (a) => a.id === `${a.interactionId}:${a.moveId}`,
      'must be <interactionId>:<moveId>',
    ),
    ['id'],
  ),
  v.forward(
    v.partialCheck(
      [['outcome'], ['skipReason']],
      (a) => a.skipReason === null || a.outcome === 'not-a-fit',
      'a skip reason only goes with not-a-fit',
    ),
    ['skipReason'],
  ),
  v.forward(
    v.partialCheck(
      [['outcome'], ['outcomeAt']],
      (a) => (a.outcome === null) === (a.outcomeAt === null),
      'outcome and outcomeAt must both be set or both be null',
    ),
    ['outcomeAt'],
  ),
);

const wrapupObject = strict({
  interactionId: id,
  vesAchieveMore: score(VES_SCALE),
  vesConfidence: score(VES_SCALE),
  effort: score(EFFORT_SCALE),
  at: time,
});

const reviewObject = strict({
  attemptId: id,
  resolutionFirst: v.nullable(v.boolean('expected true, false or null')),
  fit: v.nullable(v.boolean('expected true, false or null')),
  tone: v.nullable(v.boolean('expected true, false or null')),
  note: freeText,
  reviewedAt: time,
});

/** Every LogEvent type has a schema branch (checked by the compiler through `LogEventSchemaTypes`). */
export type LogEventSchemaTypes = v.InferOutput<typeof logEventVariants>['type'];

// Annotated so that anything built on these (`v.array(attemptSchema)`, `v.is`) speaks the domain types,
// and so the compiler proves every accepted value is a valid domain value.
export const logEventSchema: v.GenericSchema<LogEvent> = logEventVariants;
export const interactionSchema: v.GenericSchema<Interaction> = interactionObject;
export const attemptSchema: v.GenericSchema<Attempt> = attemptObject;
export const wrapupSchema: v.GenericSchema<Wrapup> = wrapupObject;
export const reviewSchema: v.GenericSchema<Review> = reviewObject;

/** `attempts[12].outcome`, `events[3]["odd key"]`: where in the input an issue is (prefix = array name). */
export function issuePath(issue: v.BaseIssue<unknown>, prefix = ''): string {
  let out = prefix;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** The schema's own message, except valibot's generic object-key wording, which reads badly in a report. */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unexpected field';
  if (issue.received === 'undefined' && (issue.type === 'strict_object' || issue.type === 'variant')) return 'missing';
  return issue.message;
}

/** Exact UTF-8 size without encoding (a 100 MB string would otherwise be copied just to be measured). */
export function utf8ByteLength(s: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > stopAfter) return bytes;
  }
  return bytes;
}

/** `null` when the text fits the import limit, else a sentence naming the file. */
export function importTooLarge(text: string, fileName: string): string | null {
  // UTF-8 takes at least one and at most three bytes per UTF-16 code unit (a surrogate pair: four for
  // two), so most texts are decided by their length alone; only the band in between is counted.
  if (text.length * 3 <= MAX_IMPORT_BYTES) return null;
  const bytes = text.length > MAX_IMPORT_BYTES ? text.length : utf8ByteLength(text, MAX_IMPORT_BYTES);
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `"${fileName}" is larger than ${mb(MAX_IMPORT_BYTES)} (at least ${mb(bytes)}), so it was not read. Export a shorter date range or split the file.`;
}
