/** The grids' columns: header label, optional sort key and cell content, in display order. */
import type { ComponentChildren } from 'preact';
import { attemptTime, secondsResolutionToOffer } from '../../core/metrics/facts';
import type { Attempt } from '../../core/log/types';
import type { SortKey } from '../../core/metrics/sort';
import { t } from '../../shared/i18n';
import { formatSeconds, kindLabel, outcomeLabel, shortDateTime, skipLabel } from './format';

export interface GridColumn<Row, Key extends string = never> {
  readonly id: string;
  readonly label: () => string;
  readonly sort?: Key;
  readonly cell: (row: Row) => ComponentChildren;
  /** Full text for the tooltip when the cell is cut off. */
  readonly title?: (row: Row) => string;
}

function resolutionToOffer(a: Attempt): ComponentChildren {
  const s = secondsResolutionToOffer(a);
  if (s === null) return '';
  // Negative = offered before the rep confirmed resolution: say so in words, not only with a minus sign.
  return s < 0 ? <span class="breach">{t('dash_before_resolution', formatSeconds(-s))}</span> : formatSeconds(s);
}

export const ATTEMPT_GRID_LAYOUT = { cols: '168px 96px 92px 84px minmax(200px, 1fr) 118px 128px 160px 120px', minWidth: 1170 } as const;

export const GRID_COLUMNS: readonly GridColumn<Attempt, SortKey>[] = [
  { id: 'time', label: () => t('dash_col_time'), sort: 'time', cell: (a) => shortDateTime(attemptTime(a)) },
  { id: 'rep', label: () => t('col_rep'), sort: 'repId', cell: (a) => a.repId, title: (a) => a.repId },
  { id: 'helpdesk', label: () => t('col_helpdesk'), sort: 'helpdesk', cell: (a) => a.helpdesk },
  { id: 'ticket', label: () => t('col_ticket'), sort: 'ticketId', cell: (a) => a.ticketId, title: (a) => a.ticketId },
  {
    id: 'move',
    label: () => t('dash_col_move'),
    sort: 'moveTitle',
    cell: (a) => (
      <>
        <span class={`kind kind-${a.moveKind}`}>{kindLabel(a.moveKind)}</span> {a.moveTitle || a.moveId}
      </>
    ),
    title: (a) => `${kindLabel(a.moveKind)}: ${a.moveTitle || a.moveId}`,
  },
  {
    id: 'outcome',
    label: () => t('dash_col_outcome'),
    sort: 'outcome',
    cell: (a) => <span class={`outcome outcome-${a.outcome ?? 'shown'}`}>{outcomeLabel(a.outcome)}</span>,
  },
  { id: 'skip', label: () => t('dash_col_skip'), sort: 'skipReason', cell: (a) => skipLabel(a.skipReason) },
  { id: 'offer', label: () => t('dash_col_resolution_to_offer'), sort: 'secondsResolutionToOffer', cell: resolutionToOffer },
  {
    id: 'playbook',
    label: () => t('dash_col_playbook'),
    sort: 'playbookId',
    cell: (a) => t('dash_playbook_cell', a.playbookId || '—', a.playbookVersion, a.variant || '—'),
    title: (a) => t('dash_playbook_cell', a.playbookId || '—', a.playbookVersion, a.variant || '—'),
  },
];
