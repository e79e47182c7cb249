/** Ready-made sample tickets for the live preview, in the UI language (keyword conditions read them). */
import { t } from '../../shared/i18n';
import type { SampleTicket } from './sample';

export interface SamplePreset {
  readonly id: string;
  readonly label: string;
  readonly ticket: SampleTicket;
}

export function samplePresets(): SamplePreset[] {
  return [
    {
      id: 'damaged',
      label: t('options_sample_damaged'),
      ticket: {
        ticketId: '4521',
        helpdesk: 'zendesk',
        subject: t('options_sample_damaged_subject'),
        requesterName: 'Maria Lopez',
        channel: 'chat',
        status: 'open',
        tags: ['damaged', 'blender', 'vip'],
        product: 'Acme Blender Pro',
        customerMessage: t('options_sample_damaged_customer'),
        agentMessage: t('options_sample_damaged_agent'),
        elapsedMinutes: 8,
        done: [],
      },
    },
    {
      id: 'billing',
      label: t('options_sample_billing'),
      ticket: {
        ticketId: '4519',
        helpdesk: 'zendesk',
        subject: t('options_sample_billing_subject'),
        requesterName: 'Li Wei',
        channel: 'email',
        status: 'pending',
        tags: ['billing', 'invoices'],
        product: 'Acme Cloud',
        customerMessage: t('options_sample_billing_customer'),
        agentMessage: '',
        elapsedMinutes: 15,
        done: [],
      },
    },
    {
      id: 'upset',
      label: t('options_sample_upset'),
      ticket: {
        ticketId: '4600',
        helpdesk: 'freshdesk',
        subject: t('options_sample_upset_subject'),
        requesterName: 'Jordan Smith',
        channel: 'email',
        status: 'open',
        tags: ['complaint'],
        product: 'Acme Blender Pro',
        customerMessage: t('options_sample_upset_customer'),
        agentMessage: '',
        elapsedMinutes: 25,
        done: [],
      },
    },
  ];
}
