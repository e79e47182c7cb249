/**
 * A/B cards: per playbook with two variants, each variant's acceptance and VES share with its 95%
 * interval, the probability that the second beats the first, and how many more offers (answers) a
 * decision needs. Probabilities come from Beta posteriors computed on a grid (src/core/metrics/beta.ts),
 * so the same data always shows the same digits.
 */
import { useMemo } from 'preact/hooks';
import type { CellValue } from '../../core/csv/columns';
import { type AbResult, abResults, type Comparison, DECISION_PROBABILITY, type Estimate, type VariantArm, variantArms } from '../../core/metrics/abtest';
import { change } from '../../core/metrics/period';
import { t } from '../../shared/i18n';
import { Change } from './Change';
import { CsvButton } from './CsvButton';
import { formatCount, formatInterval, formatShare } from './format';
import type { Slice } from './period-view';

function verdict(c: Comparison, first: string, second: string, unit: 'offers' | 'answers'): string {
  if (c.decided) return t('lead_ab_decided', c.probSecondBetter >= 0.5 ? second : first, formatShare(DECISION_PROBABILITY));
  if (c.moreNeeded === null) return t('lead_ab_no_decision');
  return t(unit === 'offers' ? 'lead_ab_more_offers' : 'lead_ab_more_answers', formatCount(c.moreNeeded));
}

interface MetricProps {
  readonly r: AbResult;
  /** The same playbook's variants over the previous period, when comparing (empty: none there). */
  readonly previous: ReadonlyMap<string, VariantArm> | undefined;
  readonly title: string;
  readonly pick: (e: { acceptance: Estimate; ves: Estimate }) => Estimate;
  readonly comparison: Comparison;
  readonly unit: 'offers' | 'answers';
}

function Metric({ r, previous, title, pick, comparison, unit }: MetricProps) {
  const arms = [r.first, r.second];
  const comparing = previous !== undefined;
  const previousRate = (variant: string) => {
    const arm = previous?.get(variant);
    return arm ? pick(arm).rate : null;
  };
  return (
    <div class="ab-metric">
      <h4>{title}</h4>
      <table class="compact">
        <thead>
          <tr>
            <th scope="col">{t('dash_col_variant')}</th>
            <th scope="col">{t('lead_ab_rate')}</th>
            <th scope="col">{t('lead_ab_interval')}</th>
            <th scope="col">{t(unit === 'offers' ? 'lead_ab_offers' : 'lead_ab_answers')}</th>
            {comparing && <th scope="col">{t('lead_col_change_share')}</th>}
          </tr>
        </thead>
        <tbody>
          {arms.map((arm) => {
            const e = pick(arm);
            return (
              <tr key={arm.variant} data-variant={arm.variant}>
                <th scope="row">{arm.variant}</th>
                <td data-col="rate">{formatShare(e.rate)}</td>
                <td data-col="interval">{formatInterval(e.low, e.high)}</td>
                <td data-col="n">{t('lead_ab_of', formatCount(e.successes), formatCount(e.trials))}</td>
                {comparing && (
                  <td data-col="change">
                    <Change value={change(e.rate, previousRate(arm.variant))} kind="share" compare />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="ab-prob">
        {t('lead_ab_prob', r.second.variant, r.first.variant)} <strong data-col="prob">{formatShare(comparison.probSecondBetter)}</strong>
      </p>
      <p class="muted small ab-verdict">{verdict(comparison, r.first.variant, r.second.variant, unit)}</p>
    </div>
  );
}

const CSV_HEAD = ['playbook', 'metric', 'variant', 'successes', 'trials', 'rate', 'interval_low', 'interval_high', 'prob_second_beats_first', 'decided', 'more_needed'];

function csvRows(results: readonly AbResult[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const r of results) {
    for (const metric of ['acceptance', 'ves'] as const) {
      const c = r[metric];
      for (const arm of [r.first, r.second]) {
        const e = arm[metric];
        rows.push([r.playbookId, metric, arm.variant, e.successes, e.trials, e.rate, e.low, e.high, c.probSecondBetter, c.decided ? 'yes' : 'no', c.moreNeeded]);
      }
    }
  }
  return rows;
}

export function AbResults({ current, previous = null }: { readonly current: Slice; readonly previous?: Slice | null }) {
  const results = useMemo(() => abResults(current.attempts, current.interactions, current.wrapups), [current]);
  const before = useMemo(
    () => (previous ? variantArms(previous.attempts, previous.interactions, previous.wrapups) : null),
    [previous],
  );
  if (results.length === 0) return <p class="muted">{t('lead_ab_none')}</p>;
  return (
    <>
      <div class="row spread">
        <p class="muted small">{t('lead_ab_intro')}</p>
        <CsvButton label={t('lead_ab')} table={{ name: 'ab-results', head: CSV_HEAD, rows: csvRows(results) }} />
      </div>
      {results.map((r) => (
        <article class="ab-card" key={r.playbookId} data-playbook={r.playbookId} aria-label={t('lead_ab_card', r.playbookId || '—', r.first.variant, r.second.variant)}>
          <h3>{t('lead_ab_card', r.playbookId || '—', r.first.variant, r.second.variant)}</h3>
          <div class="ab-grid">
            <Metric r={r} previous={before ? (before.get(r.playbookId) ?? new Map()) : undefined} title={t('dash_acceptance_rate')} pick={(e) => e.acceptance} comparison={r.acceptance} unit="offers" />
            <Metric r={r} previous={before ? (before.get(r.playbookId) ?? new Map()) : undefined} title={t('lead_ves_share')} pick={(e) => e.ves} comparison={r.ves} unit="answers" />
          </div>
        </article>
      ))}
    </>
  );
}
