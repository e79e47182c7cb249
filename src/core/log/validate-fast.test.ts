/**
 * `isValidAttempt` must decide exactly as `attemptSchema` does: on generated valid attempts, on the same
 * attempts with one to three fields broken (wrong types, edge numbers, over-long or control-character
 * text, values of the wrong list, missing, extra, inherited and hidden keys, mismatched pairs), and on
 * arbitrary values.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { attemptArb } from '../csv/arbitraries';
import type { Attempt } from './types';
import { attemptSchema, LIMITS, MAX_CLOCK_SKEW_MS, TIME_RANGE } from './validate';
import { isValidAttempt } from './validate-fast';

const KEYS = [
  'helpdesk', 'ticketId', 'customerKey', 'channel', 'repId', 'playbookId', 'playbookVersion', 'variant', 'moveId', 'moveKind',
  'moveTitle', 'id', 'interactionId', 'shownAt', 'offeredAt', 'outcome', 'skipReason', 'outcomeAt', 'resolutionConfirmedAt',
  'loggedAt', 'source',
] as const satisfies readonly (keyof Attempt)[];

// A minute away from the clock limit, so the few milliseconds between the two checks cannot matter.
const aheadOk = Date.now() + MAX_CLOCK_SKEW_MS - 60_000;
const aheadBad = Date.now() + MAX_CLOCK_SKEW_MS + 60_000;

/** Values that sit on or just past each rule's edge, or belong to another field. */
const EDGE_VALUES: readonly unknown[] = [
  null, undefined, true, 0, -0, 1, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  LIMITS.playbookVersion, LIMITS.playbookVersion + 1, TIME_RANGE.min - 1, TIME_RANGE.min, TIME_RANGE.min + 0.5,
  TIME_RANGE.max, TIME_RANGE.max + 1, aheadOk, aheadBad, '', 'a', 'x:y', 'a\u0000b', 'tab\there', 'del\u007f', 'x'.repeat(LIMITS.id),
  'x'.repeat(LIMITS.id + 1), 'y'.repeat(LIMITS.freeText), 'y'.repeat(LIMITS.freeText + 1), 'a'.repeat(64), 'A'.repeat(64),
  'a'.repeat(63), 'g'.repeat(64), 'zendesk', 'chat', 'email', 'usage-tip', 'confidence', 'offered', 'accepted', 'not-a-fit',
  'customer-upset', 'other', '1', {}, [], ['zendesk'], new String('chat'), new Number(5),
];

type Mutation = (o: Record<string, unknown>) => object;
const keyArb = fc.constantFrom(...KEYS);
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(keyArb, fc.constantFrom(...EDGE_VALUES)).map(([k, x]) => (o: Record<string, unknown>) => ({ ...o, [k]: x })) },
  keyArb.map((k) => (o: Record<string, unknown>) => {
    const { [k]: _gone, ...rest } = o;
    return rest;
  }),
  fc.constantFrom('extra', '__proto__', 'constructor', 'toString').map((k) => (o: Record<string, unknown>) => {
    const copy = { ...o };
    Object.defineProperty(copy, k, { value: 1, enumerable: true, configurable: true, writable: true });
    return copy;
  }),
  // Inherited keys: an enumerable unknown one is refused, inherited required ones count as present.
  fc.constantFrom('extra', ...KEYS).map((k) => (o: Record<string, unknown>) => {
    const { [k]: value, ...rest } = o;
    return Object.assign(Object.create({ [k]: value ?? 1 }), rest);
  }),
  // A hidden (non-enumerable) required key is present for `in`.
  keyArb.map((k) => (o: Record<string, unknown>) => {
    const copy = { ...o };
    Object.defineProperty(copy, k, { value: o[k], enumerable: false });
    return copy;
  }),
  // The cross-field rules: the id pairs interaction and move, outcome pairs its time, a skip reason needs not-a-fit.
  fc.constant((o: Record<string, unknown>) => ({ ...o, id: `${o.interactionId}:${o.moveId}x` })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, id: `${o.interactionId}${o.moveId}` })),
  // Same length as the right id: only the separator, or one character of either part, differs.
  fc.constantFrom(';', '_', '.').map((sep) => (o: Record<string, unknown>) => ({ ...o, id: `${o.interactionId}${sep}${o.moveId}` })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, id: `${o.interactionId}:${String(o.moveId).slice(0, -1)}~` })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, id: `~${String(o.interactionId).slice(1)}:${o.moveId}` })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, id: `${o.moveId}:${o.interactionId}` })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, outcome: null })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, outcomeAt: null })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, outcome: 'not-a-fit', outcomeAt: TIME_RANGE.min, skipReason: 'other' })),
  fc.constant((o: Record<string, unknown>) => ({ ...o, skipReason: 'time-pressure' })),
);

const brokenArb = fc
  .tuple(attemptArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([a, ms]) => ms.reduce<object>((o, m) => m(o as Record<string, unknown>), a));

const schemaSays = (x: unknown) => v.is(attemptSchema, x);

describe('isValidAttempt', () => {
  it('accepts every generated valid attempt, as the schema does', () => {
    fc.assert(
      fc.property(attemptArb, (a) => {
        expect(schemaSays(a)).toBe(true);
        expect(isValidAttempt(a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the schema on attempts with broken fields, keys and pairs', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(brokenArb, (x) => {
        const expected = schemaSays(x);
        expect(isValidAttempt(x)).toBe(expected);
        if (expected) accepted++;
        else refused++;
      }),
      { numRuns: 3_000 },
    );
    // Both answers must be exercised, or the agreement says little.
    expect(refused).toBeGreaterThan(1_500);
    expect(accepted).toBeGreaterThan(100);
  });

  it('agrees with the schema on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (x) => {
        expect(isValidAttempt(x)).toBe(schemaSays(x));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses each rule on its own (one broken field at a time)', () => {
    const good = fc.sample(attemptArb, { numRuns: 1, seed: 7 })[0]!;
    expect(isValidAttempt(good)).toBe(true);
    for (const key of KEYS) {
      for (const x of EDGE_VALUES) {
        const o = { ...good, [key]: x };
        expect({ key, x, fast: isValidAttempt(o) }).toEqual({ key, x, fast: schemaSays(o) });
      }
    }
  });
});
