/** Add or edit one admin-defined helpdesk: label, URL pattern, and the CSS selectors to read it with. */
import type { ConfigError } from '../../sites/adapters/custom';
import { t } from '../../shared/i18n';
import { CHANNELS } from '../../core/ticket/types';
import { type CustomSiteForm as Form, SELECTOR_KEYS, type SelectorKey } from './custom-site-form';
import { channelLabel } from './labels';

export interface CustomSiteFormProps {
  readonly form: Form;
  readonly errors: readonly ConfigError[];
  readonly editing: boolean;
  readonly busy: boolean;
  readonly onChange: (f: Form) => void;
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
}

const SELECTOR_LABELS: Record<SelectorKey, () => string> = {
  ticketId: () => t('options_site_sel_ticket_id'),
  subject: () => t('options_site_sel_subject'),
  requester: () => t('options_site_sel_requester'),
  status: () => t('options_site_sel_status'),
  messages: () => t('options_site_sel_messages'),
  customerMessage: () => t('options_site_sel_customer_message'),
  composer: () => t('options_site_sel_composer'),
  ticketRoot: () => t('options_site_sel_ticket_root'),
  agentMessage: () => t('options_site_sel_agent_message'),
};

export function CustomSiteForm({ form, errors, editing, busy, onChange, onSubmit, onCancel }: CustomSiteFormProps) {
  const errorsAt = (path: string) => errors.filter((e) => e.path === path);
  const field = (path: string, id: string, label: string, value: string, set: (v: string) => void, opts: { hint?: string; mono?: boolean; required?: boolean } = {}) => {
    const errs = errorsAt(path);
    const described = [opts.hint ? `${id}--hint` : '', errs.length ? `${id}--msg` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={id}>
          {label}
          {opts.required && <span class="req"> {t('options_required_mark')}</span>}
        </label>
        <input
          id={id}
          type="text"
          class={opts.mono ? 'mono' : undefined}
          spellcheck={false}
          autocomplete="off"
          value={value}
          aria-describedby={described}
          aria-invalid={errs.length ? 'true' : undefined}
          aria-required={opts.required ? 'true' : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
        {opts.hint && (
          <p class="hint" id={`${id}--hint`}>
            {opts.hint}
          </p>
        )}
        {errs.length > 0 && (
          <ul class="messages" id={`${id}--msg`}>
            {errs.map((e) => (
              <li class="msg-error" key={e.message}>
                <strong>{t('options_error')}</strong> {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  };
  const unplaced = errors.filter((e) => !['label', 'urlPattern', 'idFromUrl', 'channel', ...SELECTOR_KEYS.map((k) => `selectors.${k}`)].includes(e.path));
  return (
    <form
      class="site-form"
      aria-labelledby="site-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="site-form-title">{editing ? t('options_site_edit_title', form.label) : t('options_site_add_title')}</h3>
      <div class="field-row">
        {field('label', 'site-label', t('options_site_label'), form.label, (v) => onChange({ ...form, label: v }), { required: true })}
        {field('urlPattern', 'site-pattern', t('options_site_pattern'), form.urlPattern, (v) => onChange({ ...form, urlPattern: v }), {
          hint: t('options_site_pattern_hint'),
          mono: true,
          required: true,
        })}
      </div>
      <div class="field-row">
        {field('idFromUrl', 'site-id-from-url', t('options_site_id_from_url'), form.idFromUrl, (v) => onChange({ ...form, idFromUrl: v }), {
          hint: t('options_site_id_from_url_hint'),
          mono: true,
        })}
        <div class="field">
          <label for="site-channel">{t('options_site_channel')}</label>
          <select id="site-channel" value={form.channel} onChange={(e) => onChange({ ...form, channel: e.currentTarget.value as Form['channel'] })}>
            <option value="">{t('options_site_channel_unknown')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelLabel(c)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="choices">
        <legend>{t('options_site_selectors')}</legend>
        <p class="hint">{t('options_site_selectors_hint')}</p>
        <div class="field-grid">
          {SELECTOR_KEYS.map((k) =>
            field(`selectors.${k}`, `site-sel-${k}`, SELECTOR_LABELS[k](), form.selectors[k], (v) => onChange({ ...form, selectors: { ...form.selectors, [k]: v } }), {
              mono: true,
              required: k === 'subject',
            }),
          )}
        </div>
      </fieldset>
      {unplaced.length > 0 && (
        <ul class="messages">
          {unplaced.map((e) => (
            <li class="msg-error" key={`${e.path}${e.message}`}>
              <strong>{t('options_error')}</strong> {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{t('options_site_permission_hint')}</p>
      <div class="row">
        <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
          {t('options_site_save')}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('options_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
