/**
 * The attempts grid, virtualised: a fixed row height lets it render only the ~20 rows in view (plus a
 * few either side) of however many match, so 100,000 rows scroll like 100. A real table with role=grid
 * and aria-rowcount/aria-rowindex tells assistive tech the full size; the grid itself takes focus and
 * moves an active row with the arrow keys (aria-activedescendant), Enter or a click opens the timeline.
 * CSS lays the rows out as absolutely placed CSS-grid rows; the elements keep their table semantics.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SortDir } from '../../core/metrics/sort';
import type { GridColumn } from './columns';
import { nextActiveRow, revealRow, visibleRange } from './virtual';

export const ROW_HEIGHT = 36;

export interface TableProps<Row, Key extends string> {
  readonly rows: readonly Row[];
  readonly columns: readonly GridColumn<Row, Key>[];
  readonly rowKey: (row: Row) => string;
  /** Without `onSort` the headers are plain text (the list keeps its given order). */
  readonly sort?: { key: Key; dir: SortDir };
  readonly onSort?: (key: Key) => void;
  readonly onOpen: (row: Row) => void;
  readonly labelledBy: string;
  /** Prefix of row ids, unique per grid on the page (aria-activedescendant points at them). */
  readonly idPrefix: string;
  /** How to use the grid, shown under it and linked as its description. */
  readonly help: string;
  /** Column template (CSS grid) and minimum width. */
  readonly layout: { readonly cols: string; readonly minWidth: number };
}

export function Table<Row, Key extends string>({ rows, columns, rowKey, sort, onSort, onOpen, labelledBy, idPrefix, help, layout }: TableProps<Row, Key>) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState({ height: 480, header: 38 });
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ height: el.clientHeight, header: head.current?.offsetHeight ?? 38 });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new filter or sort is a new list: start at its top rather than somewhere in the middle.
  useEffect(() => {
    setActive(0);
    if (scroller.current && scroller.current.scrollTop !== 0) scroller.current.scrollTop = 0;
  }, [rows]);

  const activeRow = Math.min(active, Math.max(0, rows.length - 1));
  const { start, end } = visibleRange(scrollTop, viewport.height, ROW_HEIGHT, rows.length);
  const indexes: number[] = [];
  // The active row stays rendered even when scrolled away, so aria-activedescendant always resolves.
  if (rows.length > 0 && (activeRow < start || activeRow >= end)) indexes.push(activeRow);
  for (let i = start; i < end; i++) indexes.push(i);

  const moveTo = (index: number) => {
    setActive(index);
    const el = scroller.current;
    if (!el) return;
    const top = revealRow(index, el.scrollTop, el.clientHeight, ROW_HEIGHT, viewport.header);
    if (top !== null) el.scrollTop = top;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // keys in the header's sort buttons are theirs
    if (e.key === 'Enter' || e.key === ' ') {
      const a = rows[activeRow];
      if (a) {
        e.preventDefault();
        onOpen(a);
      }
      return;
    }
    const pageSize = Math.max(1, Math.floor((viewport.height - viewport.header) / ROW_HEIGHT) - 1);
    const next = nextActiveRow(e.key, activeRow, rows.length, pageSize);
    if (next === null) return;
    e.preventDefault();
    moveTo(next);
  };

  const onClick = (e: MouseEvent) => {
    const row = (e.target as Element).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const a = rows[index];
    if (!a) return;
    setActive(index);
    onOpen(a);
  };

  return (
    <>
      <div
        ref={scroller}
        class="grid-scroll"
        // As tall as its rows up to the CSS max-height, so a short list leaves no empty box.
        style={{ height: `${viewport.header + Math.max(1, rows.length) * ROW_HEIGHT + 2}px` }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table
          class="grid"
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows any role on <table>; grid is the pattern for a focusable table with an active row
          role="grid"
          tabIndex={0}
          aria-labelledby={labelledBy}
          aria-describedby={`${idPrefix}-help`}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length}
          aria-activedescendant={rows.length > 0 ? `${idPrefix}-${activeRow}` : undefined}
          style={{ '--cols': layout.cols, minWidth: `${layout.minWidth}px` }}
          onKeyDown={onKeyDown}
          onClick={onClick}
        >
          <thead class="grid-head" ref={head}>
            <tr class="grid-row" aria-rowindex={1}>
              {columns.map((c, i) => {
                const sorted = sort !== undefined && c.sort !== undefined && sort.key === c.sort;
                const sortKey = c.sort;
                return (
                  <th key={c.id} scope="col" aria-colindex={i + 1} aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {onSort && sortKey !== undefined ? (
                      <button type="button" class="sort" onClick={() => onSort(sortKey)}>
                        {c.label()}
                        <span aria-hidden="true" class="sort-mark">
                          {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    ) : (
                      <span class="head-label">{c.label()}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          {rows.length > 0 && (
            <tbody class="grid-body" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
              {indexes.map((i) => {
                const a = rows[i]!;
                return (
                  <tr
                    key={rowKey(a)}
                    id={`${idPrefix}-${i}`}
                    data-index={i}
                    class={i === activeRow ? 'grid-row active' : 'grid-row'}
                    aria-rowindex={i + 2}
                    style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
                  >
                    {columns.map((c, ci) => (
                      <td key={c.id} aria-colindex={ci + 1} title={c.title?.(a)}>
                        {c.cell(a)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          )}
        </table>
      </div>
      <p id={`${idPrefix}-help`} class="muted small">
        {help}
      </p>
    </>
  );
}
