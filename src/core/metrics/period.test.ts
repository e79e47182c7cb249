import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, dayFromIso, isoFromDay, mondayOfDay, presetRange, previousRange } from './period';

const day = (iso: string) => dayFromIso(iso)!;

describe('periods', () => {
  it('this week and last week run Monday to Sunday, last 30 days ends today', () => {
    // 2026-11-26 is a Thursday.
    const today = day('2026-11-26');
    const iso = (r: { from: number; to: number } | null) => r && [isoFromDay(r.from), isoFromDay(r.to)];
    expect(iso(presetRange('this-week', today))).toEqual(['2026-11-23', '2026-11-29']);
    expect(iso(presetRange('last-week', today))).toEqual(['2026-11-16', '2026-11-22']);
    expect(iso(presetRange('last-30-days', today))).toEqual(['2026-10-28', '2026-11-26']);
    expect(presetRange('custom', today)).toBeNull();
    // A Monday and a Sunday are in their own week.
    expect(iso(presetRange('this-week', day('2026-11-23')))?.[0]).toBe('2026-11-23');
    expect(iso(presetRange('this-week', day('2026-11-29')))?.[0]).toBe('2026-11-23');
  });

  it('the previous period is as long and ends the day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 0, max: 400 }), (from, len) => {
        const prev = previousRange({ from, to: from + len });
        expect(prev.to).toBe(from - 1);
        expect(prev.to - prev.from).toBe(len);
      }),
    );
    const today = day('2026-11-26');
    expect(previousRange(presetRange('this-week', today)!)).toEqual(presetRange('last-week', today));
  });

  it('reads and writes date-input days, refusing days that do not exist', () => {
    expect(isoFromDay(day('2024-02-29'))).toBe('2024-02-29');
    expect(dayFromIso('2026-02-30')).toBeNull();
    expect(dayFromIso('2026-1-3')).toBeNull();
    expect(dayFromIso('')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        expect(dayFromIso(isoFromDay(d))).toBe(d);
      }),
    );
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        expect(new Date(mondayOfDay(d) * 86_400_000).getUTCDay()).toBe(1);
      }),
    );
  });

  it('a change needs both sides', () => {
    expect(change(0.5, 0.25)).toBe(0.25);
    expect(change(null, 0.25)).toBeNull();
    expect(change(3, null)).toBeNull();
  });
});
