/**
 * fast-check generators of *valid* records (by `../log/validate`) whose text fields lean on what breaks
 * CSV files and spreadsheets: formula starters, quotes, separators, line breaks, BOMs, accents, emoji
 * and lone surrogates. Used by the CSV and metrics property tests only.
 */
import fc from 'fast-check';
import { CHANNELS, HELPDESK_IDS } from '../ticket/types';
import { type Attempt, MOVE_KINDS, OUTCOMES, SKIP_REASONS, type Wrapup } from '../log/types';
import { LIMITS, TIME_RANGE } from '../log/validate';

export const NASTY_STRINGS = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://x","y")',
  '+1',
  '-1',
  '-',
  '@SUM(1+1)',
  '\t=1',
  '\r=1',
  '\n=1',
  "'=already",
  "''-1",
  "'plain",
  '"quoted"',
  '""',
  'a,b',
  'a;=1+1',
  'line\nbreak',
  'cr\rlf\r\n',
  'José Müller',
  'Zoë Ångström-Ærø',
  '😀 emoji',
  '\ud800',
  '\uFEFFbom',
  ' ',
  '',
  '0',
  '1e5',
  ' =1+1',
  '\u00A0=1+1',
  '\u3000@SUM(1)',
  '\u200B=1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1+1)',
  ' ＝HYPERLINK("http://x")',
  '\u2212' + '1',
  "' =1",
] as const;

// biome-ignore lint/suspicious/noControlCharactersInRegex: ids may not hold control characters
const CONTROL = /[\u0000-\u001F\u007F]/g;

/** Any text up to `max` UTF-16 units, nasty strings often. */
export function textArb(max: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...NASTY_STRINGS),
      fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }),
      fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'grapheme', maxLength: 10 })).map(([a, b]) => a + b),
    )
    .filter((s) => s.length <= max);
}

/** Ids: no control characters; `min` 1 for a record's own identity. */
export function idArb(max: number, min = 0): fc.Arbitrary<string> {
  return textArb(max)
    .map((s) => s.replace(CONTROL, ''))
    .filter((s) => s.length >= min);
}

/** Up to now: later times are rejected as being ahead of the clock. */
export const timeArb = fc.integer({ min: TIME_RANGE.min, max: Date.now() });
const maybeTime = fc.option(timeArb, { nil: null });

export const attemptArb: fc.Arbitrary<Attempt> = fc
  .record({
    // The attempt id joins both and must stay within the id limit.
    interactionId: idArb(50, 1),
    moveId: idArb(LIMITS.id - 51, 1),
    helpdesk: fc.constantFrom(...HELPDESK_IDS),
    ticketId: idArb(LIMITS.id),
    customerKey: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-f]{64}$/)),
    channel: fc.constantFrom(...CHANNELS),
    repId: textArb(LIMITS.freeText),
    playbookId: idArb(LIMITS.id),
    playbookVersion: fc.integer({ min: 0, max: LIMITS.playbookVersion }),
    variant: idArb(LIMITS.id),
    moveKind: fc.constantFrom(...MOVE_KINDS),
    moveTitle: textArb(LIMITS.freeText),
    shownAt: maybeTime,
    offeredAt: maybeTime,
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
    skipReason: fc.constantFrom(...SKIP_REASONS),
    outcomeAt: timeArb,
    resolutionConfirmedAt: maybeTime,
    loggedAt: timeArb,
    source: textArb(LIMITS.freeText),
  })
  .map((r) => ({
    ...r,
    id: `${r.interactionId}:${r.moveId}`,
    // The schema's pairings: an outcome has a time, a skip reason only explains not-a-fit.
    outcomeAt: r.outcome === null ? null : r.outcomeAt,
    skipReason: r.outcome === 'not-a-fit' ? r.skipReason : null,
  }));

const scoreArb = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: null });

export function wrapupArb(interactionId: string): fc.Arbitrary<Wrapup> {
  return fc.record({ interactionId: fc.constant(interactionId), vesAchieveMore: scoreArb(5), vesConfidence: scoreArb(5), effort: scoreArb(7), at: timeArb });
}
