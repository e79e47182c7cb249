/**
 * Reporting periods as calendar days. A day is a civil day number (days since 1970-01-01 in the
 * viewer's calendar, no time zone attached): the page turns "today" into one, and back into the
 * `YYYY-MM-DD` strings its date inputs hold, so the core stays free of clocks and zones.
 * Weeks start on Monday (ISO 8601). The previous period is the same number of days right before.
 */

export const PERIOD_PRESETS = ['this-week', 'last-week', 'last-30-days', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** Inclusive range of civil days. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

const DAY_MS = 86_400_000;

/** 1970-01-01 was a Thursday: Monday of the ISO week holding `day`. */
export function mondayOfDay(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The range a preset means on `today`; null for `custom` (the user picks the days). */
export function presetRange(preset: PeriodPreset, today: number): DayRange | null {
  switch (preset) {
    case 'this-week': {
      const monday = mondayOfDay(today);
      return { from: monday, to: monday + 6 };
    }
    case 'last-week': {
      const monday = mondayOfDay(today) - 7;
      return { from: monday, to: monday + 6 };
    }
    case 'last-30-days':
      return { from: today - 29, to: today };
    default:
      return null;
  }
}

/** The same number of days immediately before `range` (this week → last week, 30 days → the 30 before). */
export function previousRange(range: DayRange): DayRange {
  const length = range.to - range.from + 1;
  return { from: range.from - length, to: range.from - 1 };
}

/** `YYYY-MM-DD` → civil day, or null when malformed or not a real date (2026-02-30). */
export function dayFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A change between periods: null when either side has no value (a change from "nothing" is not a number). */
export function change(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : current - previous;
}
