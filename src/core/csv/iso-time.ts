/**
 * Reading the times of an attempts CSV. Exports hold `toISOString()` text (`2024-05-06T09:00:00.000Z`);
 * a hand-edited file may hold other ISO 8601 forms. Three or four times per row made `Date.parse` the
 * largest single cost of a 100,000-row import, so that one exact shape is read digit by digit; anything
 * else, and the few values of that shape whose meaning `Date.parse` decides by its own rules (hour 24,
 * years before 100, which Date.UTC would read as 19xx), still goes through `Date.parse`. Both roll a day
 * past the month's end (April 31st) into the next month.
 * `iso-time.test.ts` checks the two agree.
 */

/** What `toISOString()` writes, plus the offsets and precisions a hand-edited file may have. */
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const ZERO = 0x30;
/** Separators of `YYYY-MM-DDTHH:MM:SS.sssZ` by position. */
const SEPARATORS: readonly (readonly [number, number])[] = [
  [4, 0x2d],
  [7, 0x2d],
  [10, 0x54],
  [13, 0x3a],
  [16, 0x3a],
  [19, 0x2e],
  [23, 0x5a],
];

/** Epoch ms of an ISO 8601 time accepted by `ISO_TIME`, else NaN — the same number `Date.parse` gives. */
export function isoTimeMs(cell: string): number {
  if (cell.length === 24) {
    const fast = exportShapeMs(cell);
    if (fast !== undefined) return fast;
  }
  return ISO_TIME.test(cell) ? Date.parse(cell) : Number.NaN;
}

/** `cell` of length 24 in the export's shape with unremarkable values, else undefined (ask Date.parse). */
function exportShapeMs(cell: string): number | undefined {
  for (const [at, code] of SEPARATORS) if (cell.charCodeAt(at) !== code) return undefined;
  const year = digits(cell, 0, 4);
  const month = digits(cell, 5, 2);
  const day = digits(cell, 8, 2);
  const hour = digits(cell, 11, 2);
  const minute = digits(cell, 14, 2);
  const second = digits(cell, 17, 2);
  const ms = digits(cell, 20, 3);
  // -1 marks a non-digit; the bounds leave every case Date.parse treats specially to Date.parse.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** The decimal number in `s[from, from + count)`, or -1 when any of it is not an ASCII digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
