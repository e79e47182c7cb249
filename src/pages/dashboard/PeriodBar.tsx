/**
 * Period presets and "compare with the previous period". A preset writes the filter bar's From/To dates
 * (which stay editable: changing them makes the period "custom"); comparing needs both dates. "Print
 * report" opens the browser's print dialog, where Save as PDF gives the weekly report (print styles in
 * dashboard.css).
 */
import { PERIOD_PRESETS, type PeriodPreset } from '../../core/metrics/period';
import { t } from '../../shared/i18n';
import { presetDates, presetOf, previousFilter } from './period-view';
import type { FilterState } from './view-filter';

interface Props {
  readonly value: FilterState;
  readonly today: number;
  readonly compare: boolean;
  readonly onChange: (patch: Partial<FilterState>) => void;
  readonly onCompare: (on: boolean) => void;
}

const presetLabel = (p: PeriodPreset | '') => t(p === '' ? 'lead_period_all' : `lead_period_${p.replaceAll('-', '_')}`);

export function PeriodBar({ value, today, compare, onChange, onCompare }: Props) {
  const preset = presetOf(value, today);
  const previous = previousFilter(value);
  return (
    <fieldset class="period-bar no-print">
      <legend class="sr-only">{t('lead_period')}</legend>
      <label>
        {t('lead_period')}
        <select
          name="period"
          value={preset}
          onChange={(e) => {
            const dates = presetDates(e.currentTarget.value as PeriodPreset | '', today);
            // Custom: the lead picks the days in the filter bar's From/To, which keep what is there.
            if (dates) onChange(dates);
            else document.querySelector<HTMLInputElement>('input[name="from"]')?.focus();
          }}
        >
          {(['', ...PERIOD_PRESETS] as const).map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" name="compare" checked={compare} disabled={!previous} onChange={(e) => onCompare(e.currentTarget.checked)} />
        {t('lead_compare')}
      </label>
      {compare && previous && <span class="muted small">{t('lead_compare_with', previous.from, previous.to)}</span>}
      {!previous && <span class="muted small">{t('lead_compare_needs_dates')}</span>}
      <button type="button" onClick={() => window.print()}>
        {t('lead_print')}
      </button>
    </fieldset>
  );
}
