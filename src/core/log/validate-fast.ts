/**
 * `attemptSchema`'s accept/reject decision written out by hand, for bulk imports (a lead's merge of a
 * 100,000-row CSV). valibot walks every field through its generic pipe machinery and copies the object;
 * this answers the same question in one pass without allocating. It only says yes or no: a row it
 * refuses goes through `attemptSchema` again for the message, so the schema stays the one place that
 * words errors, and `validate-fast.test.ts` checks on generated valid and broken inputs that the two
 * always agree. A rule added to `attemptSchema` must be added here too (that test fails until it is).
 */
import { CHANNELS, HELPDESK_IDS } from '../ticket/types';
import { type Attempt, MOVE_KINDS, OUTCOMES, SKIP_REASONS } from './types';
import { HEX_SHA256_OR_EMPTY, LIMITS, MAX_CLOCK_SKEW_MS, NO_CONTROL, TIME_RANGE } from './validate';

/** Every key of the strict attempt object: each must be present (`in`, like valibot), no other may be. */
const ATTEMPT_KEYS = new Set<string>([
  'helpdesk',
  'ticketId',
  'customerKey',
  'channel',
  'repId',
  'playbookId',
  'playbookVersion',
  'variant',
  'moveId',
  'moveKind',
  'moveTitle',
  'id',
  'interactionId',
  'shownAt',
  'offeredAt',
  'outcome',
  'skipReason',
  'outcomeAt',
  'resolutionConfirmedAt',
  'loggedAt',
  'source',
] satisfies (keyof Attempt)[]);

const HELPDESKS: ReadonlySet<unknown> = new Set(HELPDESK_IDS);
const CHANNEL_SET: ReadonlySet<unknown> = new Set(CHANNELS);
const MOVE_KIND_SET: ReadonlySet<unknown> = new Set(MOVE_KINDS);
const OUTCOME_SET: ReadonlySet<unknown> = new Set(OUTCOMES);
const SKIP_REASON_SET: ReadonlySet<unknown> = new Set(SKIP_REASONS);

const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
/** `ref` in the schema: an id that may be empty. */
const ref = (x: unknown): x is string => text(x, LIMITS.id) && NO_CONTROL.test(x);
const id = (x: unknown): boolean => ref(x) && x.length >= 1;
const freeText = (x: unknown): boolean => text(x, LIMITS.freeText);

/** `timeSchema`; `latest` is the clock reading plus the allowed skew. */
function time(x: unknown, latest: number): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= TIME_RANGE.min && x <= TIME_RANGE.max && x <= latest;
}
const maybeTime = (x: unknown, latest: number) => x === null || time(x, latest);

/** `id === \`${interactionId}:${moveId}\`` without building the joined string for every row. */
function joins(id: string, interactionId: string, moveId: string): boolean {
  return (
    id.length === interactionId.length + 1 + moveId.length &&
    id.charCodeAt(interactionId.length) === COLON &&
    id.startsWith(interactionId) &&
    id.endsWith(moveId)
  );
}
const COLON = 0x3a;

/** Exactly `v.is(attemptSchema, x)`. */
export function isValidAttempt(x: unknown): x is Attempt {
  if (typeof x !== 'object' || x === null) return false;
  // Spelled out rather than looped over ATTEMPT_KEYS: a named `in` is a cheap cached check, a looped one is not.
  if (
    !(
      'helpdesk' in x &&
      'ticketId' in x &&
      'customerKey' in x &&
      'channel' in x &&
      'repId' in x &&
      'playbookId' in x &&
      'playbookVersion' in x &&
      'variant' in x &&
      'moveId' in x &&
      'moveKind' in x &&
      'moveTitle' in x &&
      'id' in x &&
      'interactionId' in x &&
      'shownAt' in x &&
      'offeredAt' in x &&
      'outcome' in x &&
      'skipReason' in x &&
      'outcomeAt' in x &&
      'resolutionConfirmedAt' in x &&
      'loggedAt' in x &&
      'source' in x
    )
  ) {
    return false;
  }
  // valibot's strict object refuses any enumerable key, own or inherited, outside its entries.
  for (const key in x) if (!ATTEMPT_KEYS.has(key)) return false;
  const a = x as Record<keyof Attempt, unknown>;
  // Read once per record, as the schema's check reads it once per field: both move with the clock.
  const latest = Date.now() + MAX_CLOCK_SKEW_MS;
  const version = a.playbookVersion;
  return (
    HELPDESKS.has(a.helpdesk) &&
    ref(a.ticketId) &&
    typeof a.customerKey === 'string' &&
    HEX_SHA256_OR_EMPTY.test(a.customerKey) &&
    CHANNEL_SET.has(a.channel) &&
    freeText(a.repId) &&
    ref(a.playbookId) &&
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= 0 &&
    version <= LIMITS.playbookVersion &&
    ref(a.variant) &&
    id(a.moveId) &&
    MOVE_KIND_SET.has(a.moveKind) &&
    freeText(a.moveTitle) &&
    id(a.id) &&
    id(a.interactionId) &&
    maybeTime(a.shownAt, latest) &&
    maybeTime(a.offeredAt, latest) &&
    (a.outcome === null || OUTCOME_SET.has(a.outcome)) &&
    (a.skipReason === null || SKIP_REASON_SET.has(a.skipReason)) &&
    maybeTime(a.outcomeAt, latest) &&
    maybeTime(a.resolutionConfirmedAt, latest) &&
    time(a.loggedAt, latest) &&
    freeText(a.source) &&
    // The schema's cross-field rules.
    joins(a.id as string, a.interactionId as string, a.moveId as string) &&
    (a.skipReason === null || a.outcome === 'not-a-fit') &&
    (a.outcome === null) === (a.outcomeAt === null)
  );
}
