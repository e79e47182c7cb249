import { describe, expect, it } from 'vitest';
import { addToRepStats, repFreshness, workingDaysBetween } from './freshness';

// Local-time dates: the count is about the lead's working week.
const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('per-rep freshness', () => {
  it('counts weekday time only', () => {
    // Friday 17:00 → Monday 09:00: 7 h of Friday + 9 h of Monday.
    expect(workingDaysBetween(at(2026, 11, 20, 17), at(2026, 11, 23, 9))).toBeCloseTo(16 / 24, 5);
    // Monday 09:00 → Thursday 09:00: three working days.
    expect(workingDaysBetween(at(2026, 11, 23, 9), at(2026, 11, 26, 9))).toBeCloseTo(3, 5);
    expect(workingDaysBetween(at(2026, 11, 26), at(2026, 11, 25))).toBe(0);
  });

  it('flags reps silent for more than two working days, not a weekend', () => {
    const now = at(2026, 11, 23, 12); // Monday noon
    const stats = addToRepStats(new Map(), [
      { repId: 'weekend', at: at(2026, 11, 20, 16) }, // last Friday afternoon: < 1 working day
      { repId: 'gone', at: at(2026, 11, 18, 10) }, // last Wednesday: > 2 working days
      { repId: 'gone', at: at(2026, 11, 17, 10) },
    ]);
    const rows = repFreshness(stats.values(), now);
    expect(rows.map((r) => [r.repId, r.silent, r.events])).toEqual([
      ['gone', true, 2],
      ['weekend', false, 1],
    ]);
    expect(rows[0]?.lastAt).toBe(at(2026, 11, 18, 10));
  });

  it('adds batches to running totals without losing earlier ones', () => {
    const a = addToRepStats(new Map(), [{ repId: 'x', at: 5 }]);
    const b = addToRepStats(a, [{ repId: 'x', at: 3 }, { repId: 'y', at: 9 }]);
    expect(b.get('x')).toEqual({ repId: 'x', events: 2, lastAt: 5 });
    expect(a.get('x')?.events).toBe(1);
  });
});
