/**
 * Names a person reads for helpdesks and ticket fields, shared by the options page and the dashboard
 * (which must not load adapter code, so helpdesk names come from core's table, not src/sites).
 */
import { HELPDESK_NAMES } from '../core/ticket/helpdesk-names';
import type { ContextField } from '../core/ticket/types';
import { t } from '../shared/i18n';

export function helpdeskName(id: string): string {
  if (id === 'custom') return t('options_site_custom');
  return Object.hasOwn(HELPDESK_NAMES, id) ? HELPDESK_NAMES[id as keyof typeof HELPDESK_NAMES] : id;
}

const FIELDS: Record<ContextField, () => string> = {
  ticketId: () => t('options_health_id'),
  subject: () => t('options_health_subject'),
  requester: () => t('options_health_requester'),
  customerKey: () => t('options_health_customer'),
  channel: () => t('options_health_channel'),
  status: () => t('options_health_status'),
  tags: () => t('options_health_tags'),
  messages: () => t('options_health_messages'),
  composer: () => t('options_health_composer'),
};
export const healthFieldLabel = (f: ContextField): string => (Object.hasOwn(FIELDS, f) ? FIELDS[f]() : f);
