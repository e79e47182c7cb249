/** The preview's sample ticket: a preset to start from, then every field the engine reads, editable. */
import type { Step } from '../../core/playbook';
import { CHANNELS, HELPDESK_IDS, TICKET_STATUSES } from '../../core/ticket/types';
import { t } from '../../shared/i18n';
import { KeywordsInput } from './KeywordsInput';
import { channelLabel, helpdeskLabel, statusLabel } from './labels';
import type { SampleTicket } from './sample';
import type { SamplePreset } from './samples';

export interface SampleFormProps {
  readonly sample: SampleTicket;
  readonly presets: readonly SamplePreset[];
  readonly presetId: string;
  readonly steps: readonly Step[];
  readonly onPreset: (id: string) => void;
  readonly onChange: (s: SampleTicket) => void;
}

const ID = 'sample';

export function SampleForm({ sample: s, presets, presetId, steps, onPreset, onChange }: SampleFormProps) {
  const set = (patch: Partial<SampleTicket>) => onChange({ ...s, ...patch });
  return (
    <div class="sample-form">
      <div class="field">
        <label for={`${ID}-preset`}>{t('options_sample_pick')}</label>
        <select id={`${ID}-preset`} value={presetId} onChange={(e) => onPreset(e.currentTarget.value)}>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          {presetId === 'edited' && <option value="edited">{t('options_sample_edited')}</option>}
        </select>
      </div>
      <details class="sub">
        <summary>{t('options_sample_edit')}</summary>
        <div class="field">
          <label for={`${ID}-subject`}>{t('options_sample_subject')}</label>
          <input id={`${ID}-subject`} type="text" value={s.subject} onInput={(e) => set({ subject: e.currentTarget.value })} />
        </div>
        <div class="field-row">
          <div class="field">
            <label for={`${ID}-helpdesk`}>{t('options_sample_helpdesk')}</label>
            <select id={`${ID}-helpdesk`} value={s.helpdesk} onChange={(e) => set({ helpdesk: e.currentTarget.value as SampleTicket['helpdesk'] })}>
              {HELPDESK_IDS.map((h) => (
                <option key={h} value={h}>
                  {helpdeskLabel(h)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${ID}-channel`}>{t('options_sample_channel')}</label>
            <select id={`${ID}-channel`} value={s.channel} onChange={(e) => set({ channel: e.currentTarget.value as SampleTicket['channel'] })}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${ID}-status`}>{t('options_sample_status')}</label>
            <select id={`${ID}-status`} value={s.status} onChange={(e) => set({ status: e.currentTarget.value as SampleTicket['status'] })}>
              {TICKET_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {statusLabel(st)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for={`${ID}-tags`}>{t('options_sample_tags')}</label>
            <KeywordsInput id={`${ID}-tags`} value={s.tags} onChange={(tags) => set({ tags })} />
          </div>
          <div class="field">
            <label for={`${ID}-product`}>{t('options_sample_product')}</label>
            <input id={`${ID}-product`} type="text" value={s.product} onInput={(e) => set({ product: e.currentTarget.value })} />
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for={`${ID}-ticket`}>{t('options_sample_ticket_id')}</label>
            <input id={`${ID}-ticket`} type="text" class="short" value={s.ticketId} onInput={(e) => set({ ticketId: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for={`${ID}-minutes`}>{t('options_sample_minutes')}</label>
            <input
              id={`${ID}-minutes`}
              type="number"
              class="num"
              min={0}
              value={String(s.elapsedMinutes)}
              onInput={(e) => set({ elapsedMinutes: Number(e.currentTarget.value) || 0 })}
            />
          </div>
        </div>
        <div class="field">
          <label for={`${ID}-customer`}>{t('options_sample_customer')}</label>
          <textarea id={`${ID}-customer`} rows={3} value={s.customerMessage} onInput={(e) => set({ customerMessage: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for={`${ID}-agent`}>{t('options_sample_agent')}</label>
          <textarea id={`${ID}-agent`} rows={2} value={s.agentMessage} onInput={(e) => set({ agentMessage: e.currentTarget.value })} />
        </div>
      </details>
      <fieldset class="choices">
        <legend>{t('options_sample_done')}</legend>
        <div class="choice-col">
          {steps.map((step) => (
            <label class="check" key={step.id}>
              <input
                type="checkbox"
                checked={s.done.includes(step.id)}
                onChange={(e) => set({ done: e.currentTarget.checked ? [...s.done, step.id] : s.done.filter((d) => d !== step.id) })}
              />
              {step.title || step.id}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

