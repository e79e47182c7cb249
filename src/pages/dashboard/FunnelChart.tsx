/**
 * The value-enhancement funnel as bars, each stage a share of all interactions, with the research's
 * healthy band for the offered share (35–50% of interactions, Dixon et al.) drawn on the offered bar.
 */
import { type Funnel, OFFER_SHARE_BAND } from '../../core/metrics/funnel';
import { change } from '../../core/metrics/period';
import { t } from '../../shared/i18n';
import { Change } from './Change';
import { ChartTable } from './ChartTable';
import { formatCount, formatShare } from './format';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** `previous`: the same funnel over the previous period, for the table's change column. */
export function FunnelChart({ funnel, previous = null }: { readonly funnel: Funnel; readonly previous?: Funnel | null }) {
  const total = funnel.interactions;
  const stages = [
    { key: 'interactions', label: t('dash_funnel_interactions'), n: funnel.interactions },
    { key: 'resolved', label: t('dash_funnel_resolved'), n: funnel.resolved },
    { key: 'eligible', label: t('dash_funnel_eligible'), n: funnel.veEligible },
    { key: 'offered', label: t('dash_funnel_offered'), n: funnel.offered },
    { key: 'accepted', label: t('dash_funnel_accepted'), n: funnel.accepted },
  ];
  const band = `${formatShare(OFFER_SHARE_BAND.min)}–${formatShare(OFFER_SHARE_BAND.max)}`;
  const verdict =
    funnel.band === null
      ? t('dash_band_none')
      : t(`dash_band_${funnel.band}`, formatShare(funnel.offeredShare), band);
  return (
    <figure class="chart">
      <figcaption>
        <h3>{t('dash_funnel_title')}</h3>
      </figcaption>
      <p class={`band-verdict band-${funnel.band ?? 'none'}`}>{verdict}</p>
      <ul class="bars funnel" aria-label={t('dash_funnel_title')}>
        {stages.map((s) => {
          const share = total > 0 ? s.n / total : 0;
          return (
            <li key={s.key} class={s.key === 'offered' ? 'with-band' : undefined}>
              <span class="bar-label">{s.label}</span>
              <span class="bar-track" aria-hidden="true">
                {s.key === 'offered' && (
                  <span class="band" style={{ left: pct(OFFER_SHARE_BAND.min), width: pct(OFFER_SHARE_BAND.max - OFFER_SHARE_BAND.min) }} />
                )}
                <span class="bar-fill" style={{ width: pct(share) }} />
              </span>
              <span class="bar-value">
                <strong>{formatCount(s.n)}</strong> <span class="muted">{total > 0 ? formatShare(share) : ''}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <p class="muted small legend">
        <span class="band-swatch" aria-hidden="true" /> {t('dash_band_legend', band)}
      </p>
      <ChartTable
        caption={t('dash_funnel_title')}
        head={[t('dash_stage'), t('dash_count'), t('dash_share_of_interactions'), ...(previous ? [t('lead_col_change_share')] : [])]}
        rows={stages.map((s) => [
          s.label,
          formatCount(s.n),
          total > 0 ? formatShare(s.n / total) : '—',
          ...(previous ? [<Change key="c" value={change(shareOf(funnel, s.key), shareOf(previous, s.key))} kind="share" compare />] : []),
        ])}
        csv={{
          name: 'funnel',
          head: [t('dash_stage'), t('dash_count'), t('dash_share_of_interactions'), ...(previous ? [t('lead_col_change_share')] : [])],
          rows: stages.map((s) => [s.key, s.n, shareOf(funnel, s.key), ...(previous ? [change(shareOf(funnel, s.key), shareOf(previous, s.key))] : [])]),
        }}
      />
    </figure>
  );
}

const STAGE_COUNT = { interactions: 'interactions', resolved: 'resolved', eligible: 'veEligible', offered: 'offered', accepted: 'accepted' } as const;

/** A stage's share of all interactions; null with no interactions. */
function shareOf(f: Funnel, key: string): number | null {
  const field = STAGE_COUNT[key as keyof typeof STAGE_COUNT];
  return f.interactions > 0 && field ? f[field] / f.interactions : null;
}
