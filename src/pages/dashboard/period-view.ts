/**
 * Periods on the dashboard: presets fill the filter bar's date inputs (so a preset is just a date
 * range the lead can still adjust), and "compare with the previous period" is the same filter moved
 * to the range right before. `viewSlice` applies a filter to the whole log the way the page does.
 */
import type { Attempt, Interaction, Wrapup } from '../../core/log/types';
import { compileFilter } from '../../core/metrics/filter';
import { type DayRange, dayFromIso, isoFromDay, type PeriodPreset, presetRange, previousRange } from '../../core/metrics/period';
import { type FilterState, filterInteractions, isFiltered, toAttemptFilter } from './view-filter';

const DAY_MS = 86_400_000;

/** The viewer's local calendar day as a civil day number. */
export function localToday(now = new Date()): number {
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS);
}

export function rangeOf(s: Pick<FilterState, 'from' | 'to'>): DayRange | null {
  const from = dayFromIso(s.from);
  const to = dayFromIso(s.to);
  return from !== null && to !== null && from <= to ? { from, to } : null;
}

/** Which preset the filter's dates are, on `today`: '' when no dates are set, 'custom' for any other range. */
export function presetOf(s: Pick<FilterState, 'from' | 'to'>, today: number): PeriodPreset | '' {
  if (!s.from && !s.to) return '';
  const range = rangeOf(s);
  for (const p of ['this-week', 'last-week', 'last-30-days'] as const) {
    const r = presetRange(p, today);
    if (range && r && r.from === range.from && r.to === range.to) return p;
  }
  return 'custom';
}

/** The dates a preset puts into the filter bar; null for `custom` (keep what is there). */
export function presetDates(preset: PeriodPreset | '', today: number): { from: string; to: string } | null {
  if (preset === '') return { from: '', to: '' };
  const r = presetRange(preset, today);
  return r ? { from: isoFromDay(r.from), to: isoFromDay(r.to) } : null;
}

/** The same filter over the previous period, or null when the filter has no complete date range. */
export function previousFilter(s: FilterState): FilterState | null {
  const range = rangeOf(s);
  if (!range) return null;
  const prev = previousRange(range);
  return { ...s, from: isoFromDay(prev.from), to: isoFromDay(prev.to) };
}

export interface Slice {
  readonly attempts: readonly Attempt[];
  readonly interactions: readonly Interaction[];
  readonly wrapups: readonly Wrapup[];
}

export function viewSlice(log: Slice, s: FilterState): Slice {
  if (!isFiltered(s)) return log;
  const filter = toAttemptFilter(s);
  const attempts = log.attempts.filter(compileFilter(filter));
  const interactions = filterInteractions(log.interactions, filter, attempts);
  const ids = new Set(interactions.map((i) => i.id));
  return { attempts, interactions, wrapups: log.wrapups.filter((w) => ids.has(w.interactionId)) };
}
