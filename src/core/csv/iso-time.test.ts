import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_TIME, isoTimeMs } from './iso-time';

/** The definition the fast path must match: the pattern, then Date.parse. */
const reference = (s: string) => (ISO_TIME.test(s) ? Date.parse(s) : Number.NaN);

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const twoDigits = fc.tuple(digit, digit).map(([a, b]) => a + b);
/** `YYYY-MM-DDTHH:MM:SS.sssZ` with any digits (months 00–99, day 31 of February, hour 24 …). */
const exportShaped = fc
  .tuple(fc.tuple(digit, digit, digit, digit), twoDigits, twoDigits, twoDigits, twoDigits, twoDigits, fc.tuple(digit, digit, digit))
  .map(([y, mo, d, h, mi, s, ms]) => `${y.join('')}-${mo}-${d}T${h}:${mi}:${s}.${ms.join('')}Z`);
/** Plausible values, so most land on the fast path. */
const plausible = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms).toISOString());
/** One character of a 24-character time replaced: separators, digits, or a letter where a digit belongs. */
const damaged = fc
  .tuple(fc.oneof(plausible, exportShaped), fc.nat({ max: 23 }), fc.constantFrom('-', ':', 'T', 'Z', '.', 'x', ' ', '0', '9', '/', '\u0660'))
  .map(([s, at, c]) => s.slice(0, at) + c + s.slice(at + 1));

describe('isoTimeMs', () => {
  it('gives Date.parse’s answer for every 24-character time, valid, rolled over or damaged', () => {
    fc.assert(
      fc.property(fc.oneof(plausible, exportShaped, damaged), (s) => {
        expect(Object.is(isoTimeMs(s), reference(s))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives Date.parse’s answer for other ISO forms and for any text', () => {
    const forms = ['2024-05-06T09:00Z', '2024-05-06T09:00:00Z', '2024-05-06T09:00:00.5+02:00', '2024-05-06T09:00:00.123456789-05:30', '2024-05-06', ''];
    for (const s of forms) expect(Object.is(isoTimeMs(s), reference(s))).toBe(true);
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(Object.is(isoTimeMs(s), reference(s))).toBe(true);
      }),
    );
  });

  it('reads the edges Date.parse decides by its own rules the same way', () => {
    for (const s of ['2024-02-30T00:00:00.000Z', '2023-02-29T12:00:00.000Z', '2024-04-31T00:00:00.000Z', '2024-01-01T24:00:00.000Z', '0099-12-31T23:59:59.999Z', '2024-13-01T00:00:00.000Z']) {
      expect(Object.is(isoTimeMs(s), reference(s))).toBe(true);
    }
  });
});
