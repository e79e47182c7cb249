/**
 * Per-rep freshness for the dashboard's Team section: how many events each rep's browser published,
 * when the latest happened, and whether the rep has been silent for more than two working days
 * (Monday–Friday, local time) — a sign that the browser stopped syncing, not only a day off.
 */

export interface RepStats {
  readonly repId: string;
  readonly events: number;
  /** Epoch ms of the newest event seen from this rep. */
  readonly lastAt: number;
}

export const SILENT_AFTER_WORKING_DAYS = 2;

/** Adds one pulled batch (rep id + event time per message) to the running per-rep totals. */
export function addToRepStats(stats: ReadonlyMap<string, RepStats>, batch: readonly { repId: string; at: number }[]): Map<string, RepStats> {
  const out = new Map(stats);
  for (const { repId, at } of batch) {
    const prev = out.get(repId);
    out.set(repId, { repId, events: (prev?.events ?? 0) + 1, lastAt: Math.max(prev?.lastAt ?? 0, at) });
  }
  return out;
}

const isWeekday = (d: Date) => d.getDay() !== 0 && d.getDay() !== 6;

/**
 * Working time between two instants, in working days: weekday time only, counted in whole hours of
 * each weekday that elapsed (a Friday-evening event seen on Monday morning is ~1 working day old).
 */
export function workingDaysBetween(from: number, to: number): number {
  if (!(to > from)) return 0;
  let ms = 0;
  let cursor = new Date(from);
  while (cursor.getTime() < to) {
    const next = new Date(cursor.getFullYear(), cursor.getMonth(), cursor.getDate() + 1);
    const end = Math.min(next.getTime(), to);
    if (isWeekday(cursor)) ms += end - cursor.getTime();
    cursor = next;
    // Bounded: a corrupt "from" decades ago stops after ~10 years of days.
    if (ms > 3650 * 86_400_000) break;
  }
  return ms / 86_400_000;
}

export interface RepFreshness extends RepStats {
  readonly silent: boolean;
  readonly workingDaysSilent: number;
}

/** Sorted silent first, then by rep id, so the reps needing a look are on top. */
export function repFreshness(stats: Iterable<RepStats>, now: number): RepFreshness[] {
  return [...stats]
    .map((s) => {
      const workingDaysSilent = workingDaysBetween(s.lastAt, now);
      return { ...s, workingDaysSilent, silent: workingDaysSilent > SILENT_AFTER_WORKING_DAYS };
    })
    .sort((a, b) => Number(b.silent) - Number(a.silent) || a.repId.localeCompare(b.repId));
}
