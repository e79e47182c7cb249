/**
 * The attempts grid, virtualised: a fixed row height lets it render only the ~20 rows in view (plus a
 * few either side) of however many match, so 100,000 rows scroll like 100. ARIA grid semantics with
 * aria-rowcount/aria-rowindex tell assistive tech the full size; the grid itself takes focus and
 * moves an active row with the arrow keys (aria-activedescendant), Enter or a click opens the timeline.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Attempt } from '../../core/log/types';
import type { SortDir, SortKey } from '../../core/metrics/sort';
import { t } from '../../shared/i18n';
import { GRID_COLUMNS } from './columns';
import { nextActiveRow, revealRow, visibleRange } from './virtual';

export const ROW_HEIGHT = 36;

export interface TableProps {
  readonly rows: readonly Attempt[];
  readonly sort: { key: SortKey; dir: SortDir };
  readonly onSort: (key: SortKey) => void;
  readonly onOpen: (a: Attempt) => void;
  readonly labelledBy: string;
}

export function Table({ rows, sort, onSort, onOpen, labelledBy }: TableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
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
      class="grid"
      role="grid"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-describedby="rp-grid-help"
      aria-rowcount={rows.length + 1}
      aria-colcount={GRID_COLUMNS.length}
      aria-activedescendant={rows.length > 0 ? `rp-row-${activeRow}` : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div class="grid-head" role="rowgroup" ref={head}>
        <div class="grid-row" role="row" aria-rowindex={1}>
          {GRID_COLUMNS.map((c, i) => {
            const sorted = sort.key === c.sort;
            return (
              <div key={c.id} role="columnheader" aria-colindex={i + 1} aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <button type="button" class="sort" onClick={() => onSort(c.sort)}>
                  {c.label()}
                  <span aria-hidden="true" class="sort-mark">
                    {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      {rows.length > 0 && (
        <div class="grid-body" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {indexes.map((i) => {
            const a = rows[i]!;
            return (
              <div
                key={a.id}
                id={`rp-row-${i}`}
                data-index={i}
                class={i === activeRow ? 'grid-row active' : 'grid-row'}
                role="row"
                aria-rowindex={i + 2}
                style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}
              >
                {GRID_COLUMNS.map((c, ci) => (
                  <div key={c.id} role="gridcell" aria-colindex={ci + 1} title={c.title?.(a)}>
                    {c.cell(a)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
    <p id="rp-grid-help" class="muted small">
      {t('dash_grid_help')}
    </p>
    </>
  );
}
