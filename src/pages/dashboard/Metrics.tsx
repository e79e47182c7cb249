/**
 * The numbers a team lead steers by, for the attempts and interactions the filter selects: the funnel
 * against the research band, resolution-first adherence, time from resolution to offer, wrap-up averages,
 * the customers' VES and CES shares with and without a VE offer, and acceptance by kind, by move and by
 * playbook variant (A vs B). With a previous period, every tile and table shows the change against it.
 */
import { useMemo } from 'preact/hooks';
import { acceptanceByKind, acceptanceByMove, byVariant, type Acceptance } from '../../core/metrics/acceptance';
import { funnel } from '../../core/metrics/funnel';
import { coverageGaps } from '../../core/log/coverage';
import { requiredStepAdherence } from '../../core/metrics/required-steps';
import { change } from '../../core/metrics/period';
import { CES_EASY_MIN, type CustomerScores, offeredInteractionIds, scoresByOffer, VES_AGREE_MIN } from '../../core/metrics/ves';
import { medianSecondsResolutionToOffer, resolutionFirstAdherence } from '../../core/metrics/timing';
import { type Average, wrapupAverages } from '../../core/metrics/wrapup';
import type { Attempt, Interaction, Wrapup } from '../../core/log/types';
import { t } from '../../shared/i18n';
import { BarChart } from './BarChart';
import { ChartTable } from './ChartTable';
import { CsvButton } from './CsvButton';
import { Change } from './Change';
import { FunnelChart } from './FunnelChart';
import { type ChangeKind, formatCount, formatMean, formatSeconds, formatShare, kindLabel } from './format';
import type { Slice } from './period-view';

interface Props {
  readonly attempts: readonly Attempt[];
  readonly interactions: readonly Interaction[];
  readonly wrapups: readonly Wrapup[];
  /** Every attempt in the log: whether an interaction had a VE offer must not depend on a move filter. */
  readonly allAttempts: readonly Attempt[];
  /** The same filter over the previous period, when comparing. */
  readonly previous: Slice | null;
}

function compute(s: Slice, offered: ReadonlySet<string>) {
  return {
    funnel: funnel(s.interactions, s.attempts),
    adherence: resolutionFirstAdherence(s.attempts),
    median: medianSecondsResolutionToOffer(s.attempts),
    wrapup: wrapupAverages(s.wrapups),
    scores: scoresByOffer(s.wrapups, offered),
    kinds: acceptanceByKind(s.attempts),
    moves: acceptanceByMove(s.attempts),
    variants: byVariant(s.attempts),
    required: requiredStepAdherence(s.interactions),
    gaps: coverageGaps(s.interactions, s.attempts),
  };
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

interface Delta {
  readonly value: number | null;
  readonly kind: ChangeKind;
}

function Tile({ label, value, note, delta }: { label: string; value: string; note?: string; delta?: Delta | undefined }) {
  return (
    <div class="tile">
      <dt>{label}</dt>
      <dd>
        <span class="tile-value">{value}</span>
        {delta && <Change value={delta.value} kind={delta.kind} compare />}
        {note && <span class="muted small">{note}</span>}
      </dd>
    </div>
  );
}

/** Keyed lookup of the previous period's row, for a table's change column. */
function previousBy<T>(rows: readonly T[] | undefined, key: (r: T) => string): (k: string) => T | undefined {
  const map = new Map((rows ?? []).map((r) => [key(r), r]));
  return (k) => map.get(k);
}

const answered = (a: Average) => t('dash_answers', formatCount(a.count));

export function Metrics({ attempts, interactions, wrapups, allAttempts, previous }: Props) {
  // Which interactions had an offer depends on the whole log only: once per load, not per filter change.
  const offered = useMemo(() => offeredInteractionIds(allAttempts), [allAttempts]);
  const m = useMemo(() => compute({ attempts, interactions, wrapups }, offered), [attempts, interactions, wrapups, offered]);
  const p = useMemo(() => (previous ? compute(previous, offered) : null), [previous, offered]);
  const comparing = p !== null;
  const d = (cur: number | null, prev: number | null | undefined, kind: ChangeKind): Delta | undefined =>
    comparing ? { value: change(cur, prev ?? null), kind } : undefined;
  const a = m.adherence;
  const prevKind = previousBy(p?.kinds, (k) => k.moveKind);
  const prevMove = previousBy(p?.moves, (mv) => mv.moveId);
  const prevVariant = previousBy(p?.variants, (v) => `${v.playbookId}\u0000${v.variant}`);
  const changeHead = comparing ? [t('lead_col_change_acceptance')] : [];
  const changeCell = (cur: Acceptance, prev: Acceptance | undefined) =>
    comparing ? [<Change key="c" value={change(cur.acceptanceRate, prev?.acceptanceRate ?? null)} kind="share" compare />] : [];
  const changeRaw = (cur: Acceptance, prev: Acceptance | undefined) => (comparing ? [change(cur.acceptanceRate, prev?.acceptanceRate ?? null)] : []);
  const rawCounts = (c: Acceptance) => [c.attempts, c.offered, c.accepted, c.declined, c.notAFit, c.acceptanceRate];
  const scoreRow = (label: string, s: CustomerScores, prev: CustomerScores | undefined) => [
    label,
    formatShare(s.ves.share),
    formatCount(s.ves.answered),
    formatShare(s.ces.share),
    formatCount(s.ces.answered),
    ...(comparing
      ? [
          <Change key="v" value={change(s.ves.share, prev?.ves.share ?? null)} kind="share" compare />,
          <Change key="c" value={change(s.ces.share, prev?.ces.share ?? null)} kind="share" compare />,
        ]
      : []),
  ];
  const scoreHead = [
    t('lead_col_interactions_with'),
    t('lead_ves_share'),
    t('lead_col_answered'),
    t('lead_ces_share'),
    t('lead_col_answered'),
    ...(comparing ? [t('lead_col_change_ves'), t('lead_col_change_ces')] : []),
  ];
  const scoreRaw = (label: string, s: CustomerScores, prev: CustomerScores | undefined) => [
    label,
    s.ves.share,
    s.ves.answered,
    s.ces.share,
    s.ces.answered,
    ...(comparing ? [change(s.ves.share, prev?.ves.share ?? null), change(s.ces.share, prev?.ces.share ?? null)] : []),
  ];
  const split = m.scores;
  const pSplit = p?.scores;
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
        <FunnelChart funnel={m.funnel} previous={p?.funnel ?? null} />
        <dl class="tiles">
          <Tile label={t('lead_offer_share')} value={formatShare(m.funnel.offeredShare)} note={t('lead_offer_share_note')} delta={d(m.funnel.offeredShare, p?.funnel.offeredShare, 'share')} />
          <Tile
            label={t('dash_adherence')}
            value={formatShare(a.share)}
            note={t('dash_adherence_note', formatCount(a.afterResolution), formatCount(a.offers), formatCount(a.beforeResolution), formatCount(a.unresolved))}
            delta={d(a.share, p?.adherence.share, 'share')}
          />
          <Tile
            label={t('dash_required_steps')}
            value={formatShare(m.required.share)}
            note={t('dash_required_steps_note', formatCount(m.required.complete), formatCount(m.required.judged), formatCount(m.required.missedSteps))}
            delta={d(m.required.share, p?.required.share, 'share')}
          />
          <Tile label={t('dash_median_offer')} value={m.median === null ? '—' : formatSeconds(m.median)} note={t('dash_median_note')} delta={d(m.median, p?.median, 'seconds')} />
          <Tile
            label={t('lead_ves_share')}
            value={formatShare(split.all.ves.share)}
            note={t('lead_ves_note', VES_AGREE_MIN, formatCount(split.all.ves.answered))}
            delta={d(split.all.ves.share, pSplit?.all.ves.share, 'share')}
          />
          <Tile
            label={t('lead_ces_share')}
            value={formatShare(split.all.ces.share)}
            note={t('lead_ces_note', CES_EASY_MIN, formatCount(split.all.ces.answered))}
            delta={d(split.all.ces.share, pSplit?.all.ces.share, 'share')}
          />
          <Tile label={t('dash_avg_achieve_more')} value={formatMean(m.wrapup.vesAchieveMore.mean)} note={answered(m.wrapup.vesAchieveMore)} delta={d(m.wrapup.vesAchieveMore.mean, p?.wrapup.vesAchieveMore.mean, 'mean')} />
          <Tile label={t('dash_avg_confidence')} value={formatMean(m.wrapup.vesConfidence.mean)} note={answered(m.wrapup.vesConfidence)} delta={d(m.wrapup.vesConfidence.mean, p?.wrapup.vesConfidence.mean, 'mean')} />
          <Tile label={t('dash_avg_effort')} value={formatMean(m.wrapup.effort.mean)} note={answered(m.wrapup.effort)} delta={d(m.wrapup.effort.mean, p?.wrapup.effort.mean, 'mean')} />
        </dl>
      </div>
      <figure class="chart ve-split">
        <figcaption>
          <h3>{t('lead_ve_split')}</h3>
          <p class="muted small">{t('lead_ve_split_note')}</p>
        </figcaption>
        <table class="compact" aria-label={t('lead_ve_split')}>
          <thead>
            <tr>
              {scoreHead.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[
              scoreRow(t('lead_with_ve'), split.withOffer, pSplit?.withOffer),
              scoreRow(t('lead_without_ve'), split.withoutOffer, pSplit?.withoutOffer),
            ].map((r, i) => (
              <tr key={i}>{r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c}</td>))}</tr>
            ))}
          </tbody>
        </table>
        <CsvButton
          label={t('lead_ve_split')}
          table={{
            name: 've-split',
            head: scoreHead,
            rows: [scoreRaw('with-ve-offer', split.withOffer, pSplit?.withOffer), scoreRaw('without-ve-offer', split.withoutOffer, pSplit?.withoutOffer)],
          }}
        />
      </figure>
      <div class="charts-grid">
        <figure class="chart">
          <figcaption>
            <h3>{t('dash_by_kind')}</h3>
          </figcaption>
          <BarChart label={t('dash_by_kind')} bars={m.kinds.map((k) => ({ key: k.moveKind, label: kindLabel(k.moveKind), share: k.acceptanceRate, detail: detail(k) }))} />
          <ChartTable
            caption={t('dash_by_kind')}
            head={[t('dash_col_kind'), ...countsHead(), ...changeHead]}
            rows={m.kinds.map((k) => [kindLabel(k.moveKind), ...countsRow(k), ...changeCell(k, prevKind(k.moveKind))])}
            csv={{ name: 'acceptance-by-kind', head: [t('dash_col_kind'), ...countsHead(), ...changeHead], rows: m.kinds.map((k) => [k.moveKind, ...rawCounts(k), ...changeRaw(k, prevKind(k.moveKind))]) }}
          />
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
            head={[t('dash_col_variant'), ...countsHead(), ...changeHead]}
            rows={m.variants.map((v) => [t('dash_variant_label', v.playbookId || '—', v.variant || '—'), ...countsRow(v), ...changeCell(v, prevVariant(`${v.playbookId}\u0000${v.variant}`))])}
            csv={{
              name: 'acceptance-by-variant',
              head: [t('dash_col_playbook'), t('dash_col_variant'), ...countsHead(), ...changeHead],
              rows: m.variants.map((v) => [v.playbookId, v.variant, ...rawCounts(v), ...changeRaw(v, prevVariant(`${v.playbookId}\u0000${v.variant}`))]),
            }}
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
            head={[t('dash_col_move'), t('dash_col_kind'), ...countsHead(), ...changeHead]}
            rows={m.moves.map((mv) => [mv.moveTitle || mv.moveId, kindLabel(mv.moveKind), ...countsRow(mv), ...changeCell(mv, prevMove(mv.moveId))])}
            csv={{
              name: 'acceptance-by-move',
              head: [t('dash_col_move'), t('dash_col_kind'), ...countsHead(), ...changeHead],
              rows: m.moves.map((mv) => [mv.moveTitle || mv.moveId, mv.moveKind, ...rawCounts(mv), ...changeRaw(mv, prevMove(mv.moveId))]),
            }}
          />
        </figure>
      </div>
    </>
  );
}
