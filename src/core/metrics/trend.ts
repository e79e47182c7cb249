/**
 * Outcomes over time, for the dashboard's trend chart.
 *
 * An attempt lands in the bucket of `attemptTime` (the offer, else the outcome), so an offer and its
 * later answer are counted together. Buckets are calendar days or ISO weeks (Monday to Sunday) in a
 * fixed offset from UTC — UTC by default. A fixed offset ignores daylight-saving changes: pass the
 * viewer's current offset and an attempt within an hour of midnight on the far side of a DST switch
 * may land in the neighbouring day. Gaps between the first and last bucket are filled with zeros so a
 * chart's x-axis is even.
 */
import type { Attempt } from '../log/types';
import { attemptTime } from './facts';

export type TrendUnit = 'day' | 'week';

export interface TrendBucket {
  /** Epoch ms of the bucket's first instant (local midnight, as a UTC instant). */
  start: number;
  /** Reached the customer: awaiting + accepted + declined. */
  offered: number;
  accepted: number;
  declined: number;
  notAFit: number;
}

const DAY_MS = 86_400_000;
/** Never fill more than this many empty buckets (about 270 years of days): a guard, not a real limit. */
const MAX_BUCKETS = 100_000;

/** Days since 1970-01-01 (a Thursday) → days since the Monday that starts its ISO week. */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** `timeZoneOffsetMinutes` is added to UTC to get local time: +60 for CET, −300 for EST (−getTimezoneOffset()). */
export function bucketStart(t: number, unit: TrendUnit, timeZoneOffsetMinutes = 0): number {
  const shift = timeZoneOffsetMinutes * 60_000;
  const day = Math.floor((t + shift) / DAY_MS);
  return (unit === 'week' ? mondayOf(day) : day) * DAY_MS - shift;
}

export function trend(attempts: readonly Attempt[], unit: TrendUnit, timeZoneOffsetMinutes = 0): TrendBucket[] {
  const buckets = new Map<number, TrendBucket>();
  for (const a of attempts) {
    if (a.outcome === null) continue; // shown only: nothing to chart
    const start = bucketStart(attemptTime(a), unit, timeZoneOffsetMinutes);
    let b = buckets.get(start);
    if (!b) {
      b = { start, offered: 0, accepted: 0, declined: 0, notAFit: 0 };
      buckets.set(start, b);
    }
    if (a.outcome === 'not-a-fit') b.notAFit++;
    else {
      b.offered++;
      if (a.outcome === 'accepted') b.accepted++;
      else if (a.outcome === 'declined') b.declined++;
    }
  }
  if (buckets.size === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of buckets.keys()) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const step = unit === 'week' ? 7 * DAY_MS : DAY_MS;
  if ((max - min) / step >= MAX_BUCKETS) return [...buckets.values()].sort((x, y) => x.start - y.start);
  const out: TrendBucket[] = [];
  for (let s = min; s <= max; s += step) out.push(buckets.get(s) ?? { start: s, offered: 0, accepted: 0, declined: 0, notAFit: 0 });
  return out;
}
