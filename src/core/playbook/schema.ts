/**
 * Valibot schemas for the playbook model. Objects are strict (unknown fields are errors, so a typo like
 * "requried" is caught instead of silently ignored). Cross-field rules (duplicate ids, references,
 * cycles, placeholders) live in `validate.ts`, which runs after these pass.
 */
import * as v from 'valibot';
import { MOVE_KINDS, OUTCOMES } from '../log/types';
import { CHANNELS, HELPDESK_IDS, TICKET_STATUSES } from '../ticket/types';
import { PLAYBOOK_LIMITS as L } from './limits';
import { CONDITION_KEYS, type Condition, type ConditionKey } from './types';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

const tooLong = (max: number) => (issue: v.BaseIssue<unknown>) => `too long (${issue.received} characters, max ${max})`;

const slug = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(L.id, tooLong(L.id)),
  v.regex(SLUG, 'must be a slug: lowercase letters and digits separated by single hyphens, e.g. "care-tip"'),
);

/**
 * Step and move ids key plain objects in the panel's state (`checklist[id]`, `moves[id]`); a name that
 * Object.prototype or functions already answer would read as "done" before anyone ticked it.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype', '__proto__']);

const itemId = v.pipe(
  slug,
  v.check((id) => !RESERVED_IDS.has(id), (i) => `"${String(i.input)}" is a reserved name; choose another id`),
);

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, tooLong(max)),
    v.check((s) => s.trim().length > 0, 'must not be blank'),
  );

const keyword = v.pipe(
  v.string(),
  v.maxLength(L.keyword, tooLong(L.keyword)),
  v.check((s) => HAS_WORD_CHAR.test(s), 'needs at least one letter or digit'),
  v.check((s) => !s.slice(0, -1).includes('*'), '"*" is only allowed at the end (word prefix)'),
);

const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item), v.minLength(1, 'must not be empty'), v.maxLength(L.maxListItems, tooLong(L.maxListItems)));

const optionalList = <T extends v.GenericSchema>(item: T) =>
  v.optional(v.pipe(v.array(item), v.maxLength(L.maxListItems, tooLong(L.maxListItems))));

const days = v.pipe(v.number(), v.integer('must be a whole number of days'), v.minValue(0, 'must be 0 or more'), v.maxValue(L.maxDays, `must be at most ${L.maxDays}`));
const windowDays = v.pipe(days, v.minValue(1, 'must be at least 1'));
const count = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'));
const minutes = v.pipe(v.number(), v.minValue(0, 'must be 0 or more'), v.maxValue(L.maxMinutes, `must be at most ${L.maxMinutes}`));

/** Fails with `message` at the current path; used where a condition object has the wrong shape. */
const fail = (message: string) => v.custom<Condition>(() => false, message);

// Valibot's object schemas accept arrays (typeof [] is "object") and then report every field missing.
const LIST_NOT_OBJECT = v.custom<never>(() => false, 'expected an object, got a list');
const obj = <T extends v.GenericSchema>(schema: T) => v.lazy((input) => (Array.isArray(input) ? LIST_NOT_OBJECT : schema));

export const ConditionSchema: v.GenericSchema<Condition> = v.lazy((input) => conditionSchemaFor(input));

const LEAVES: Record<ConditionKey, v.GenericSchema<unknown>> = {
  all: v.pipe(v.array(ConditionSchema), v.maxLength(L.maxListItems, tooLong(L.maxListItems))),
  any: v.pipe(v.array(ConditionSchema), v.maxLength(L.maxListItems, tooLong(L.maxListItems))),
  not: ConditionSchema,
  helpdesk: list(v.picklist(HELPDESK_IDS)),
  channel: list(v.picklist(CHANNELS)),
  status: list(v.picklist(TICKET_STATUSES)),
  tags: v.pipe(
    obj(v.strictObject({ any: v.optional(list(keyword)), all: v.optional(list(keyword)) })),
    v.check((t) => t.any !== undefined || t.all !== undefined, 'needs "any" or "all"'),
  ),
  product: list(keyword),
  customerSays: obj(v.strictObject({ any: list(keyword) })),
  agentSays: obj(v.strictObject({ any: list(keyword) })),
  elapsedMinutes: v.pipe(
    obj(v.strictObject({ gte: v.optional(minutes), lte: v.optional(minutes) })),
    v.check((r) => r.gte !== undefined || r.lte !== undefined, 'needs "gte" or "lte"'),
  ),
  stepDone: slug,
  resolutionConfirmed: v.boolean(),
  priorAttempts: v.pipe(
    obj(
      v.strictObject({
        withinDays: windowDays,
        gte: v.optional(count),
        lte: v.optional(count),
        kind: v.optional(v.picklist(MOVE_KINDS)),
        moveId: v.optional(slug),
      }),
    ),
    v.check((r) => r.gte !== undefined || r.lte !== undefined, 'needs "gte" or "lte"'),
  ),
  priorOutcome: obj(v.strictObject({ outcome: list(v.picklist(OUTCOMES)), withinDays: windowDays, moveId: v.optional(slug) })),
};

const BY_KEY = Object.fromEntries(CONDITION_KEYS.map((k) => [k, v.strictObject({ [k]: LEAVES[k] })])) as unknown as Record<
  ConditionKey,
  v.GenericSchema<Condition>
>;

const KEY_SET: ReadonlySet<string> = new Set(CONDITION_KEYS);
const NOT_AN_OBJECT = fail(`expected a condition object like {"tags": {"any": ["vip"]}}`);
const EMPTY = fail(`empty condition: use one of ${CONDITION_KEYS.join(', ')}`);

/**
 * A condition is an object with exactly one operator key. Dispatching on that key gives one precise
 * error ("unknown field "regex"") instead of a union's "none of 15 alternatives matched".
 */
function conditionSchemaFor(input: unknown): v.GenericSchema<Condition> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return NOT_AN_OBJECT;
  const keys = Object.keys(input);
  const unknownKey = keys.find((k) => !KEY_SET.has(k));
  if (unknownKey !== undefined) return fail(`unknown field ${quote(unknownKey)}`);
  const [first, second] = keys;
  if (first === undefined) return EMPTY;
  if (second !== undefined) {
    return fail(`a condition has exactly one operator, found ${keys.map(quote).join(', ')}: combine them with {"all": [...]}`);
  }
  return BY_KEY[first as ConditionKey];
}

function quote(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

export const StepSchema = obj(
  v.strictObject({
    id: itemId,
    title: text(L.title),
    help: v.optional(text(L.help)),
    required: v.boolean(),
    confirmsResolution: v.optional(v.boolean()),
    when: v.optional(ConditionSchema),
    autoComplete: v.optional(ConditionSchema),
  }),
);

const priority = v.pipe(
  v.number(),
  v.minValue(-L.maxPriority, `must be at least -${L.maxPriority}`),
  v.maxValue(L.maxPriority, `must be at most ${L.maxPriority}`),
);

export const MoveSchema = obj(
  v.strictObject({
    id: itemId,
    kind: v.picklist(MOVE_KINDS),
    title: text(L.title),
    text: text(L.text),
    when: ConditionSchema,
    priority,
    cooldownDays: days,
    why: v.optional(text(L.why)),
  }),
);

const moves = v.pipe(v.array(MoveSchema), v.maxLength(L.maxMoves, tooLong(L.maxMoves)));
const label = v.pipe(v.string(), v.maxLength(L.label, tooLong(L.label)), v.check((s) => s.trim().length > 0, 'must not be blank'));
const locale = v.pipe(v.string(), v.maxLength(L.locale, tooLong(L.locale)), v.regex(LOCALE, 'must be a language tag like "en" or "es-MX"'));
const version = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'));
const maxMovesShown = v.pipe(
  v.number(),
  v.integer('must be a whole number'),
  v.minValue(0, 'must be 0 or more'),
  v.maxValue(L.maxMovesShown, `must be at most ${L.maxMovesShown}`),
);
const share = v.pipe(v.number(), v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1'));

const AppliesToSchema = obj(
  v.strictObject({
    helpdesks: optionalList(v.picklist(HELPDESK_IDS)),
    channels: optionalList(v.picklist(CHANNELS)),
    tags: optionalList(keyword),
    products: optionalList(keyword),
  }),
);

const SettingsSchema = obj(v.strictObject({ veCooldownDays: days, maxMovesShown }));

const AbTestSchema = obj(v.strictObject({ labelA: label, labelB: label, shareB: share, movesB: moves }));

/** The customer-facing VES questions "Ask in chat" inserts; each one left out uses the rep's-language default. */
const VesQuestionsSchema = obj(
  v.strictObject({
    intro: v.optional(text(L.text)),
    achieveMore: v.optional(text(L.text)),
    confidence: v.optional(text(L.text)),
    effort: v.optional(text(L.text)),
  }),
);

export const PlaybookSchema = obj(
  v.strictObject({
    id: slug,
    name: text(L.name),
    version,
    locale: v.optional(locale),
    appliesTo: AppliesToSchema,
    checklist: v.pipe(v.array(StepSchema), v.maxLength(L.maxSteps, tooLong(L.maxSteps))),
    moves,
    resolutionRule: v.optional(ConditionSchema),
    settings: SettingsSchema,
    abTest: v.optional(AbTestSchema),
    vesQuestions: v.optional(VesQuestionsSchema),
  }),
);
