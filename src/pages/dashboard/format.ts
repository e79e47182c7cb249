/** Labels and number/date formats for the dashboard, all through `t()` and Intl in the UI locale. */
import type { MoveKind, Outcome, SkipReason } from '../../core/log/types';
import { formatNumber, t, uiLocale } from '../../shared/i18n';

export const outcomeLabel = (o: Outcome | null): string => (o === null ? t('dash_outcome_shown') : t(`outcome_${o.replaceAll('-', '_')}`));
export const kindLabel = (k: MoveKind | string): string => t(`kind_${k.replaceAll('-', '_')}`);
export const skipLabel = (r: SkipReason | null): string => (r === null ? '' : t(`skip_${r.replaceAll('-', '_')}`));

let dateTime: Intl.DateTimeFormat | null = null;
let dateOnly: Intl.DateTimeFormat | null = null;

/** One cached formatter: the grid formats ~40 times per scroll frame. */
export function shortDateTime(ms: number | null): string {
  if (ms === null) return '';
  dateTime ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(ms);
}

let monthDay: Intl.DateTimeFormat | null = null;

/** "Mar 11": chart axes, where the year would crowd the labels. */
export function dayMonth(ms: number): string {
  monthDay ??= new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' });
  return monthDay.format(ms);
}

export function shortDate(ms: number): string {
  dateOnly ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  return dateOnly.format(ms);
}

/** Seconds as "45 s", "3.5 min" or "2.1 h", keeping the sign (negative = offered before resolution). */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  const abs = Math.abs(seconds);
  const [value, unit] = abs < 60 ? [seconds, 'second'] : abs < 3600 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return formatNumber(value, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: abs < 60 ? 0 : 1 });
}

export const formatCount = (n: number): string => formatNumber(n);

export function formatShare(share: number | null): string {
  return share === null ? '—' : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

export function formatMean(mean: number | null): string {
  return mean === null ? '—' : formatNumber(mean, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** How a change between periods reads: shares in percentage points, the rest in their own unit. */
export type ChangeKind = 'share' | 'count' | 'seconds' | 'mean';

export function formatChange(delta: number | null, kind: ChangeKind): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  switch (kind) {
    case 'share':
      return t('lead_change_points', `${sign}${formatNumber(abs * 100, { maximumFractionDigits: 0 })}`);
    case 'seconds':
      return `${sign}${formatSeconds(abs)}`;
    case 'mean':
      return `${sign}${formatNumber(abs, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}`;
    default:
      return `${sign}${formatNumber(abs)}`;
  }
}

/** A 95% interval as "12–31%". */
export function formatInterval(low: number, high: number): string {
  const pct = (x: number) => formatNumber(x * 100, { maximumFractionDigits: 0 });
  return t('lead_interval', pct(low), pct(high));
}
