/**
 * The numbers a team lead steers by, for the attempts and interactions the filter selects: the funnel
 * against the research band, resolution-first adherence, time from resolution to offer, wrap-up averages,
 * and acceptance by kind, by move and by playbook variant (A vs B).
 */
import { useMemo } from 'preact/hooks';
import { acceptanceByKind, acceptanceByMove, byVariant, type Acceptance } from '../../core/metrics/acceptance';
import { funnel } from '../../core/metrics/funnel';
import { coverageGaps } from '../../core/log/coverage';
import { requiredStepAdherence } from '../../core/metrics/required-steps';
import { medianSecondsResolutionToOffer, resolutionFirstAdherence } from '../../core/metrics/timing';
import { type Average, wrapupAverages } from '../../core/metrics/wrapup';
import type { Attempt, Interaction, Wrapup } from '../../core/log/types';
import { t } from '../../shared/i18n';
import { BarChart } from './BarChart';
import { ChartTable } from './ChartTable';
import { FunnelChart } from './FunnelChart';
import { formatCount, formatMean, formatSeconds, formatShare, kindLabel } from './format';

interface Props {
  readonly attempts: readonly Attempt[];
  readonly interactions: readonly Interaction[];
  readonly wrapups: readonly Wrapup[];
}

/** Moves drawn as bars; the table under the chart lists all of them. */
const TOP_MOVES = 8;

const detail = (c: Acceptance) => t('dash_accepted_of_offered', formatCount(c.accepted), formatCount(c.offered));
const countsHead = () => [t('dash_col_attempts'), t('outcome_offered'), t('outcome_accepted'), t('outcome_declined'), t('outcome_not_a_fit'), t('dash_acceptance_rate')];
const countsRow = (c: Acceptance) => [
  formatCount(c.attempts),
  formatCount(c.offered),
  formatCount(c.accepted),
  formatCount(c.declined),
  formatCount(c.notAFit),
  formatShare(c.acceptanceRate),
];

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd>
        <span class="tile-value">{value}</span>
        {note && <span class="muted small">{note}</span>}
      </dd>
    </div>
  );
}

const answered = (a: Average) => t('dash_answers', formatCount(a.count));

export function Metrics({ attempts, interactions, wrapups }: Props) {
  const m = useMemo(
    () => ({
      funnel: funnel(interactions, attempts),
      adherence: resolutionFirstAdherence(attempts),
      median: medianSecondsResolutionToOffer(attempts),
      wrapup: wrapupAverages(wrapups),
      kinds: acceptanceByKind(attempts),
      moves: acceptanceByMove(attempts),
      variants: byVariant(attempts),
      required: requiredStepAdherence(interactions),
      gaps: coverageGaps(interactions, attempts),
    }),
    [attempts, interactions, wrapups],
  );
  const a = m.adherence;
  return (
    <>
      {m.gaps.length > 0 && (
        <div class="banner warn" role="note" data-coverage-gaps>
          {m.gaps.map((g) => (
            <p key={g.repId} class="small">
              {t('dash_gap', g.repId || '—', formatCount(g.interactions), g.sources.join(', '))}
            </p>
          ))}
        </div>
      )}
      <div class="metrics-grid">
        <FunnelChart funnel={m.funnel} />
        <dl class="tiles">
          <Tile
            label={t('dash_adherence')}
            value={formatShare(a.share)}
            note={t('dash_adherence_note', formatCount(a.afterResolution), formatCount(a.offers), formatCount(a.beforeResolution), formatCount(a.unresolved))}
          />
          <Tile
            label={t('dash_required_steps')}
            value={formatShare(m.required.share)}
            note={t('dash_required_steps_note', formatCount(m.required.complete), formatCount(m.required.judged), formatCount(m.required.missedSteps))}
          />
          <Tile label={t('dash_median_offer')} value={m.median === null ? '—' : formatSeconds(m.median)} note={t('dash_median_note')} />
          <Tile label={t('dash_avg_achieve_more')} value={formatMean(m.wrapup.vesAchieveMore.mean)} note={answered(m.wrapup.vesAchieveMore)} />
          <Tile label={t('dash_avg_confidence')} value={formatMean(m.wrapup.vesConfidence.mean)} note={answered(m.wrapup.vesConfidence)} />
          <Tile label={t('dash_avg_effort')} value={formatMean(m.wrapup.effort.mean)} note={answered(m.wrapup.effort)} />
        </dl>
      </div>
      <div class="charts-grid">
        <figure class="chart">
          <figcaption>
            <h3>{t('dash_by_kind')}</h3>
          </figcaption>
          <BarChart label={t('dash_by_kind')} bars={m.kinds.map((k) => ({ key: k.moveKind, label: kindLabel(k.moveKind), share: k.acceptanceRate, detail: detail(k) }))} />
          <ChartTable caption={t('dash_by_kind')} head={[t('dash_col_kind'), ...countsHead()]} rows={m.kinds.map((k) => [kindLabel(k.moveKind), ...countsRow(k)])} />
        </figure>
        <figure class="chart">
          <figcaption>
            <h3>{t('dash_by_variant')}</h3>
          </figcaption>
          {m.variants.length === 0 ? (
            <p class="muted">{t('dash_no_data')}</p>
          ) : (
            <BarChart
              label={t('dash_by_variant')}
              bars={m.variants.map((v) => ({
                key: `${v.playbookId}\u0000${v.variant}`,
                label: t('dash_variant_label', v.playbookId || '—', v.variant || '—'),
                share: v.acceptanceRate,
                detail: detail(v),
              }))}
            />
          )}
          <ChartTable
            caption={t('dash_by_variant')}
            head={[t('dash_col_variant'), ...countsHead()]}
            rows={m.variants.map((v) => [t('dash_variant_label', v.playbookId || '—', v.variant || '—'), ...countsRow(v)])}
          />
        </figure>
        <figure class="chart wide">
          <figcaption>
            <h3>{t('dash_by_move')}</h3>
            {m.moves.length > TOP_MOVES && <p class="muted small">{t('dash_top_moves', TOP_MOVES, formatCount(m.moves.length))}</p>}
          </figcaption>
          {m.moves.length === 0 ? (
            <p class="muted">{t('dash_no_data')}</p>
          ) : (
            <BarChart
              label={t('dash_by_move')}
              bars={m.moves.slice(0, TOP_MOVES).map((mv) => ({ key: mv.moveId, label: mv.moveTitle || mv.moveId, share: mv.acceptanceRate, detail: detail(mv) }))}
            />
          )}
          <ChartTable
            caption={t('dash_by_move')}
            head={[t('dash_col_move'), t('dash_col_kind'), ...countsHead()]}
            rows={m.moves.map((mv) => [mv.moveTitle || mv.moveId, kindLabel(mv.moveKind), ...countsRow(mv)])}
          />
        </figure>
      </div>
    </>
  );
}
