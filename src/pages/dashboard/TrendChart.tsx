/**
 * Outcomes over time (uPlot, canvas: cheap with hundreds of buckets), by day or ISO week in the viewer's
 * current UTC offset. Colours and axis text come from the page's CSS variables, so the chart follows the
 * light/dark scheme; the numbers are in the table under it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Attempt } from '../../core/log/types';
import { trend, type TrendUnit } from '../../core/metrics/trend';
import { formatNumber, t } from '../../shared/i18n';
import { ChartTable } from './ChartTable';
import { dayMonth, formatCount, shortDate } from './format';

const SERIES = [
  { key: 'offered', color: '--c-offered', label: () => t('outcome_offered') },
  { key: 'accepted', color: '--c-accepted', label: () => t('outcome_accepted') },
  { key: 'declined', color: '--c-declined', label: () => t('outcome_declined') },
  { key: 'notAFit', color: '--c-notfit', label: () => t('outcome_not_a_fit') },
] as const;

const HEIGHT = 240;

function useColorScheme(): 'light' | 'dark' {
  const query = useMemo(() => matchMedia('(prefers-color-scheme: dark)'), []);
  const [dark, setDark] = useState(query.matches);
  useEffect(() => {
    const on = () => setDark(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query]);
  return dark ? 'dark' : 'light';
}

export function TrendChart({ attempts }: { readonly attempts: readonly Attempt[] }) {
  const [unit, setUnit] = useState<TrendUnit>('day');
  const scheme = useColorScheme();
  const buckets = useMemo(() => trend(attempts, unit, -new Date().getTimezoneOffset()), [attempts, unit]);
  const data = useMemo<uPlot.AlignedData>(
    () => [buckets.map((b) => b.start / 1000), ...SERIES.map((s) => buckets.map((b) => b[s.key]))],
    [buckets],
  );
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  // uPlot is loaded when the chart first renders, not with the page: the table paints without waiting.
  const [UPlot, setUPlot] = useState<typeof uPlot | null>(null);
  useEffect(() => {
    void import('uplot').then((m) => setUPlot(() => m.default));
  }, []);

  // (Re)built when the colour scheme changes; data updates go through setData below.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !UPlot) return;
    const css = getComputedStyle(el);
    const v = (name: string) => css.getPropertyValue(name).trim();
    const axis: uPlot.Axis = { stroke: v('--fg'), grid: { stroke: v('--line'), width: 1 }, ticks: { stroke: v('--line'), width: 1 } };
    const u = new UPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: true } },
        cursor: { drag: { x: false, y: false } },
        // Static legend (names only): live values would duplicate the table and read "--" at rest.
        legend: { live: false },
        padding: [8, 24, 0, 0],
        series: [
          { label: t('dash_period'), value: (_u, s) => (s == null ? '—' : shortDate(s * 1000)) },
          ...SERIES.map((s) => ({ label: s.label(), stroke: v(s.color), width: 2, points: { size: 5 } })),
        ],
        axes: [
          { ...axis, space: 70, values: (_u, splits) => splits.map((s) => dayMonth(s * 1000)) },
          { ...axis, values: (_u, splits) => splits.map((s) => formatNumber(s)) },
        ],
      },
      latest.current,
      el,
    );
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [scheme, UPlot]);

  useLayoutEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return (
    <figure class="chart wide">
      <figcaption class="chart-head">
        <h3>{t('dash_trend_title')}</h3>
        <fieldset class="toggle">
          <legend class="sr-only">{t('dash_trend_unit')}</legend>
          {(['day', 'week'] as const).map((u) => (
            <label key={u} class={unit === u ? 'on' : ''}>
              <input type="radio" name="trend-unit" value={u} checked={unit === u} onChange={() => setUnit(u)} />
              {t(u === 'day' ? 'dash_by_day' : 'dash_by_week')}
            </label>
          ))}
        </fieldset>
      </figcaption>
      {buckets.length === 0 && <p class="muted">{t('dash_no_data')}</p>}
      <div ref={box} class="uplot-box" role="img" aria-label={t('dash_trend_label', formatCount(buckets.length))} />
      <ChartTable
        caption={t('dash_trend_title')}
        head={[t('dash_period'), ...SERIES.map((s) => s.label())]}
        rows={buckets.map((b) => [shortDate(b.start), ...SERIES.map((s) => formatCount(b[s.key]))])}
        csv={{
          name: `trend-${unit}`,
          head: [t('dash_period'), ...SERIES.map((s) => s.label())],
          rows: buckets.map((b) => [new Date(b.start).toISOString(), ...SERIES.map((s) => b[s.key])]),
        }}
      />
    </figure>
  );
}
