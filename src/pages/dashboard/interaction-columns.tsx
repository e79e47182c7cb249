/** The interactions grid's columns (rows come from interaction-rows.ts). */
import { t } from '../../shared/i18n';
import type { GridColumn } from './columns';
import { formatCount, shortDateTime } from './format';
import type { InteractionListRow } from './interaction-rows';

export const INTERACTION_GRID_LAYOUT = { cols: '168px 96px 92px 84px 80px 104px 168px minmax(160px, 1fr) 120px', minWidth: 1110 } as const;

export const INTERACTION_COLUMNS: readonly GridColumn<InteractionListRow>[] = [
  { id: 'started', label: () => t('col_started'), cell: ({ i }) => shortDateTime(i.startedAt) },
  { id: 'rep', label: () => t('col_rep'), cell: ({ i }) => i.repId, title: ({ i }) => i.repId },
  { id: 'helpdesk', label: () => t('col_helpdesk'), cell: ({ i }) => i.helpdesk },
  { id: 'ticket', label: () => t('col_ticket'), cell: ({ i }) => i.ticketId, title: ({ i }) => i.ticketId },
  { id: 'channel', label: () => t('dash_col_channel'), cell: ({ i }) => i.channel },
  { id: 'steps', label: () => t('col_steps'), cell: ({ i }) => formatCount(Object.keys(i.steps).length) },
  { id: 'resolved', label: () => t('dash_col_resolved'), cell: ({ i }) => (i.resolvedAt === null ? t('dash_not_resolved') : shortDateTime(i.resolvedAt)) },
  {
    id: 'moves',
    label: () => t('dash_col_moves'),
    cell: ({ counts: c }) => (c.attempts === 0 ? '—' : t('dash_moves_cell', formatCount(c.attempts), formatCount(c.offered), formatCount(c.accepted))),
  },
  {
    id: 'playbook',
    label: () => t('dash_col_playbook'),
    cell: ({ i }) => t('dash_playbook_cell', i.playbookId || '—', i.playbookVersion, i.variant || '—'),
    title: ({ i }) => t('dash_playbook_cell', i.playbookId || '—', i.playbookVersion, i.variant || '—'),
  },
];
