import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptArb } from '../csv/arbitraries';
import { DAY, HOUR, makeAttempt, offered, T0 } from './fixtures';
import { bucketStart, trend } from './trend';

const MONDAY = Date.UTC(2024, 4, 6); // T0's day, 00:00 UTC

describe('bucketStart', () => {
  it('starts days at midnight and weeks on Monday (UTC by default)', () => {
    expect(bucketStart(T0, 'day')).toBe(MONDAY);
    expect(bucketStart(T0, 'week')).toBe(MONDAY);
    const sundayLate = Date.UTC(2024, 4, 12, 23, 59, 59, 999);
    expect(bucketStart(sundayLate, 'week')).toBe(MONDAY);
    expect(bucketStart(sundayLate + 1, 'week')).toBe(MONDAY + 7 * DAY);
    expect(bucketStart(Date.UTC(2024, 4, 9, 12), 'week')).toBe(MONDAY); // Thursday
  });

  it('moves boundaries to local midnight with an offset', () => {
    // 23:30 UTC Sunday is 00:30 Monday in UTC+1: the next week, which starts at 23:00 UTC.
    const t = Date.UTC(2024, 4, 12, 23, 30);
    expect(bucketStart(t, 'week', 60)).toBe(Date.UTC(2024, 4, 12, 23));
    expect(bucketStart(t, 'day', 60)).toBe(Date.UTC(2024, 4, 12, 23));
    // 02:00 UTC Monday is still Sunday evening in New York (UTC−5).
    expect(bucketStart(Date.UTC(2024, 4, 13, 2), 'week', -300)).toBe(MONDAY + 5 * HOUR);
  });

  it('handles times before 1970-01-05 (the first Monday after the epoch)', () => {
    expect(bucketStart(0, 'week')).toBe(Date.UTC(1969, 11, 29));
  });
});

describe('trend', () => {
  const attempts = [
    offered('accepted', { interactionId: 'a' }, T0),
    offered('offered', { interactionId: 'b' }, T0 + HOUR),
    offered('declined', { interactionId: 'c' }, T0 + 2 * DAY),
    makeAttempt({ interactionId: 'd', outcome: 'not-a-fit', outcomeAt: T0 + 2 * DAY, skipReason: 'customer-upset' }),
    makeAttempt({ interactionId: 'e', shownAt: T0 + 5 * DAY }), // shown only: not charted
  ];

  it('buckets by day, sorted, gaps filled with zeros', () => {
    expect(trend(attempts, 'day')).toEqual([
      { start: MONDAY, offered: 2, accepted: 1, declined: 0, notAFit: 0 },
      { start: MONDAY + DAY, offered: 0, accepted: 0, declined: 0, notAFit: 0 },
      { start: MONDAY + 2 * DAY, offered: 1, accepted: 0, declined: 1, notAFit: 1 },
    ]);
  });

  it('buckets by ISO week', () => {
    const nextWeek = offered('accepted', { interactionId: 'f' }, T0 + 14 * DAY);
    expect(trend([...attempts, nextWeek], 'week')).toEqual([
      { start: MONDAY, offered: 3, accepted: 1, declined: 1, notAFit: 1 },
      { start: MONDAY + 7 * DAY, offered: 0, accepted: 0, declined: 0, notAFit: 0 },
      { start: MONDAY + 14 * DAY, offered: 1, accepted: 1, declined: 0, notAFit: 0 },
    ]);
  });

  it('puts an answer in the bucket of its offer', () => {
    const answeredNextDay = offered('accepted', { outcomeAt: T0 + DAY }, T0);
    expect(trend([answeredNextDay], 'day')).toEqual([{ start: MONDAY, offered: 1, accepted: 1, declined: 0, notAFit: 0 }]);
  });

  it('is empty without outcomes', () => {
    expect(trend([makeAttempt()], 'week')).toEqual([]);
  });

  it('keeps every outcome once, in sorted evenly spaced buckets', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 30 }), fc.constantFrom('day', 'week' as const), fc.integer({ min: -720, max: 840 }), (as, unit, tz) => {
        // Keep the span small so gap filling stays cheap in the test.
        const near = as.map((a, i) => ({ ...a, offeredAt: a.offeredAt === null ? null : T0 + i * HOUR * 7, outcomeAt: a.outcomeAt === null ? null : T0 + i * HOUR * 5 }));
        const buckets = trend(near, unit, tz);
        const sum = buckets.reduce((s, b) => s + b.offered + b.notAFit, 0);
        expect(sum).toBe(near.filter((a) => a.outcome !== null).length);
        const step = unit === 'day' ? DAY : 7 * DAY;
        for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start - buckets[i - 1]!.start).toBe(step);
      }),
    );
  });
});
