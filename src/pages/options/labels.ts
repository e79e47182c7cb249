/** Localised names for the vocabularies the editor shows (condition kinds, channels, statuses…). */
import type { ConditionKey } from '../../core/playbook';
import type { MoveKind, Outcome } from '../../core/log/types';
import type { Theme } from '../../core/settings/settings';
import type { Channel, HelpdeskId, TicketStatus } from '../../core/ticket/types';
import { t } from '../../shared/i18n';
import { SITES } from '../../sites/sites';
import type { CONDITION_GROUPS } from './condition-tree';

const CONDITION_KINDS: Record<ConditionKey, () => string> = {
  all: () => t('options_cond_all'),
  any: () => t('options_cond_any'),
  not: () => t('options_cond_not'),
  helpdesk: () => t('options_cond_helpdesk'),
  channel: () => t('options_cond_channel'),
  status: () => t('options_cond_status'),
  tags: () => t('options_cond_tags'),
  product: () => t('options_cond_product'),
  customerSays: () => t('options_cond_customer_says'),
  agentSays: () => t('options_cond_agent_says'),
  elapsedMinutes: () => t('options_cond_elapsed'),
  stepDone: () => t('options_cond_step_done'),
  resolutionConfirmed: () => t('options_cond_resolution'),
  priorAttempts: () => t('options_cond_prior_attempts'),
  priorOutcome: () => t('options_cond_prior_outcome'),
};
export const conditionKindLabel = (k: ConditionKey): string => CONDITION_KINDS[k]();

type ConditionGroup = (typeof CONDITION_GROUPS)[number]['group'];
const GROUPS: Record<ConditionGroup, () => string> = {
  combine: () => t('options_cond_group_combine'),
  ticket: () => t('options_cond_group_ticket'),
  checklist: () => t('options_cond_group_checklist'),
  history: () => t('options_cond_group_history'),
};
export const conditionGroupLabel = (g: ConditionGroup): string => GROUPS[g]();

const CHANNELS: Record<Channel, () => string> = {
  chat: () => t('options_channel_chat'),
  email: () => t('options_channel_email'),
  phone: () => t('options_channel_phone'),
  other: () => t('options_channel_other'),
};
export const channelLabel = (c: Channel): string => CHANNELS[c]();

const STATUSES: Record<TicketStatus, () => string> = {
  open: () => t('options_status_open'),
  pending: () => t('options_status_pending'),
  solved: () => t('options_status_solved'),
  other: () => t('options_status_other'),
};
export const statusLabel = (s: TicketStatus): string => STATUSES[s]();

export function helpdeskLabel(id: HelpdeskId | string): string {
  if (id === 'custom') return t('options_site_custom');
  return SITES.find((a) => a.id === id)?.label ?? id;
}

const KINDS: Record<MoveKind, () => string> = {
  'usage-tip': () => t('kind_usage_tip'),
  confidence: () => t('kind_confidence'),
};
export const moveKindLabel = (k: MoveKind): string => KINDS[k]();

const OUTCOME_NAMES: Record<Outcome, () => string> = {
  offered: () => t('outcome_offered'),
  accepted: () => t('outcome_accepted'),
  declined: () => t('outcome_declined'),
  'not-a-fit': () => t('outcome_not_a_fit'),
};
export const outcomeLabel = (o: Outcome): string => OUTCOME_NAMES[o]();

export { healthFieldLabel } from '../field-labels';

const THEMES: Record<Theme, () => string> = {
  system: () => t('options_theme_system'),
  light: () => t('options_theme_light'),
  dark: () => t('options_theme_dark'),
};
export const themeLabel = (th: Theme): string => THEMES[th]();
