/**
 * One row per rep: interactions, resolution-first rate, offer share against the 35–50% band,
 * acceptance, skip-reason mix, VES/CES shares and median resolution → offer. Every column sorts (rows
 * without a value stay last); a rep's name opens the dashboard filtered to that rep. When comparing
 * periods each number carries its change against the rep's own previous period.
 */
import { useMemo, useState } from 'preact/hooks';
import type { CellValue } from '../../core/csv/columns';
import { SKIP_REASONS } from '../../core/log/types';
import { OFFER_SHARE_BAND } from '../../core/metrics/funnel';
import { change } from '../../core/metrics/period';
import { type RepRow, type RepSortKey, repRows, sortRepRows } from '../../core/metrics/reps';
import { t } from '../../shared/i18n';
import { Change } from './Change';
import { CsvButton } from './CsvButton';
import { type ChangeKind, formatCount, formatSeconds, formatShare, skipLabel } from './format';
import type { Slice } from './period-view';

interface Props {
  readonly current: Slice;
  readonly previous: Slice | null;
  readonly onOpenRep: (repId: string) => void;
}

interface Col {
  readonly key: RepSortKey;
  readonly label: string;
  readonly kind: ChangeKind;
  readonly value: (r: RepRow) => number | null;
  readonly show: (r: RepRow) => string;
}

const bandText = (r: RepRow) => (r.band === null ? '' : t(`lead_band_${r.band}`));

function columns(): Col[] {
  return [
    { key: 'interactions', label: t('lead_col_interactions'), kind: 'count', value: (r) => r.interactions, show: (r) => formatCount(r.interactions) },
    { key: 'resolutionFirst', label: t('lead_col_resolution_first'), kind: 'share', value: (r) => r.resolutionFirst, show: (r) => formatShare(r.resolutionFirst) },
    { key: 'offerShare', label: t('lead_col_offer_share'), kind: 'share', value: (r) => r.offerShare, show: (r) => formatShare(r.offerShare) },
    { key: 'acceptance', label: t('dash_acceptance_rate'), kind: 'share', value: (r) => r.acceptance, show: (r) => formatShare(r.acceptance) },
    { key: 'skips', label: t('lead_col_skips'), kind: 'count', value: (r) => r.counts.notAFit, show: (r) => formatCount(r.counts.notAFit) },
    { key: 'ves', label: t('lead_ves_share'), kind: 'share', value: (r) => r.scores.ves.share, show: (r) => formatShare(r.scores.ves.share) },
    { key: 'ces', label: t('lead_ces_share'), kind: 'share', value: (r) => r.scores.ces.share, show: (r) => formatShare(r.scores.ces.share) },
    { key: 'medianToOffer', label: t('lead_col_median'), kind: 'seconds', value: (r) => r.medianToOffer, show: (r) => (r.medianToOffer === null ? '—' : formatSeconds(r.medianToOffer)) },
  ];
}

function skipMix(r: RepRow): string {
  return SKIP_REASONS.filter((k) => r.skips[k] > 0)
    .map((k) => `${skipLabel(k)} ${formatCount(r.skips[k])}`)
    .join(' · ');
}

export function RepsTable({ current, previous, onOpenRep }: Props) {
  const [sort, setSort] = useState<{ key: RepSortKey; dir: 'asc' | 'desc' }>({ key: 'interactions', dir: 'desc' });
  const rows = useMemo(() => repRows(current.interactions, current.attempts, current.wrapups), [current]);
  const prev = useMemo(() => (previous ? new Map(repRows(previous.interactions, previous.attempts, previous.wrapups).map((r) => [r.repId, r])) : null), [previous]);
  const sorted = useMemo(() => sortRepRows(rows, sort.key, sort.dir), [rows, sort]);
  const cols = columns();
  const comparing = prev !== null;
  const onSort = (key: RepSortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'repId' ? 'asc' : 'desc' }));
  const ariaSort = (key: RepSortKey) => (sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const head = (key: RepSortKey, label: string) => (
    <th scope="col" aria-sort={ariaSort(key)} key={key}>
      <button type="button" class="sort" onClick={() => onSort(key)}>
        {label}
        {sort.key === key && (
          <span class="sort-mark" aria-hidden="true">
            {sort.dir === 'asc' ? '▲' : '▼'}
          </span>
        )}
      </button>
    </th>
  );
  const csvHead = [
    t('col_rep'),
    ...cols.map((c) => c.label),
    t('lead_col_band'),
    ...SKIP_REASONS.map((k) => skipLabel(k)),
    ...(comparing ? cols.map((c) => t('lead_col_change_of', c.label)) : []),
  ];
  const csvRows: CellValue[][] = sorted.map((r) => [
    r.repId,
    ...cols.map((c) => c.value(r)),
    r.band ?? '',
    ...SKIP_REASONS.map((k) => r.skips[k]),
    ...(comparing ? cols.map((c) => change(c.value(r), prev.get(r.repId) ? c.value(prev.get(r.repId)!) : null)) : []),
  ]);
  if (rows.length === 0) return <p class="muted">{t('dash_no_data')}</p>;
  return (
    <>
      <div class="row spread">
        <p class="muted small">{t('lead_reps_intro', formatShare(OFFER_SHARE_BAND.min), formatShare(OFFER_SHARE_BAND.max))}</p>
        <CsvButton label={t('lead_reps')} table={{ name: 'reps', head: csvHead, rows: csvRows }} />
      </div>
      <div class="table-scroll">
        <table class="compact reps" aria-label={t('lead_reps')}>
          <thead>
            <tr>
              {head('repId', t('col_rep'))}
              {cols.map((c) => head(c.key, c.label))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const p = prev?.get(r.repId);
              return (
                <tr key={r.repId} data-rep={r.repId}>
                  <th scope="row">
                    <button type="button" class="link" onClick={() => onOpenRep(r.repId)} title={t('lead_open_rep', r.repId || '—')}>
                      {r.repId || '—'}
                    </button>
                  </th>
                  {cols.map((c) => (
                    <td key={c.key} data-col={c.key}>
                      <span class="cell-value">{c.show(r)}</span>
                      {c.key === 'offerShare' && r.band !== null && <span class={`band-tag band-${r.band}`}>{bandText(r)}</span>}
                      {c.key === 'skips' && r.counts.notAFit > 0 && <span class="muted small skip-mix">{skipMix(r)}</span>}
                      <Change value={change(c.value(r), p ? c.value(p) : null)} kind={c.kind} compare={comparing} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
