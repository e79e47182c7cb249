/**
 * Window math for the virtualised attempts grid: fixed-height rows in a scroller with a sticky header,
 * so which rows to render and where to scroll are plain arithmetic (no measuring 100,000 rows).
 */

/** Rows [start, end) to render for this scroll position, with `overscan` extra rows on each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const end = Math.min(count, last + overscan);
  return { start: Math.min(end, Math.max(0, first - overscan)), end };
}

/**
 * The scrollTop that reveals row `index` below a sticky header of `headerHeight`, or null when the row
 * is already fully visible (so keyboard moves inside the view never jump the scroller).
 */
export function revealRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, headerHeight: number): number | null {
  const top = index * rowHeight; // row top relative to the body, which starts right under the header
  if (top < scrollTop) return top;
  const bottom = headerHeight + top + rowHeight;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** The grid's keyboard model: the next active row for a key, or null when the key is not ours. */
export function nextActiveRow(key: string, index: number, count: number, pageSize: number): number | null {
  if (count <= 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1);
    case 'ArrowUp':
      return clamp(index - 1);
    case 'PageDown':
      return clamp(index + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(index - Math.max(1, pageSize));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
