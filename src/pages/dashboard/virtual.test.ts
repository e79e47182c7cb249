import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextActiveRow, revealRow, visibleRange } from './virtual';

describe('visibleRange', () => {
  it('renders only the rows in view plus overscan', () => {
    expect(visibleRange(0, 400, 40, 100_000, 2)).toEqual({ start: 0, end: 12 });
    expect(visibleRange(4000, 400, 40, 100_000, 2)).toEqual({ start: 98, end: 112 });
  });

  it('clamps to the list and copes with an empty list', () => {
    expect(visibleRange(0, 400, 40, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(1e9, 400, 40, 50, 0)).toEqual({ start: 50, end: 50 });
    expect(visibleRange(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 400, 40, 10, 0)).toEqual({ start: 0, end: 10 });
  });

  it('always covers every row that intersects the viewport, and never more than view + overscan', () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.nat(200_000), (top, h, rowH, count) => {
        const { start, end } = visibleRange(top, h, rowH, count, 3);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(count);
        for (const i of [Math.floor(top / rowH), Math.floor((top + h - 1) / rowH)]) {
          if (i < count) {
            expect(i).toBeGreaterThanOrEqual(start);
            expect(i).toBeLessThan(end);
          }
        }
        expect(end - start).toBeLessThanOrEqual(Math.ceil(h / rowH) + 1 + 6);
      }),
    );
  });
});

describe('revealRow', () => {
  it('leaves a visible row alone and scrolls just enough for one above or below', () => {
    // viewport 200 with a 40 px header: rows 0..3 fit (40 + 4*40 = 200)
    expect(revealRow(0, 0, 200, 40, 40)).toBeNull();
    expect(revealRow(3, 0, 200, 40, 40)).toBeNull();
    expect(revealRow(4, 0, 200, 40, 40)).toBe(40);
    expect(revealRow(2, 200, 200, 40, 40)).toBe(80);
  });
});

describe('nextActiveRow', () => {
  it('moves by one, by a page and to the ends, clamped', () => {
    expect(nextActiveRow('ArrowDown', 0, 10, 5)).toBe(1);
    expect(nextActiveRow('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextActiveRow('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextActiveRow('PageDown', 7, 10, 5)).toBe(9);
    expect(nextActiveRow('PageUp', 7, 10, 5)).toBe(2);
    expect(nextActiveRow('Home', 7, 10, 5)).toBe(0);
    expect(nextActiveRow('End', 0, 10, 5)).toBe(9);
    expect(nextActiveRow('x', 0, 10, 5)).toBeNull();
    expect(nextActiveRow('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
