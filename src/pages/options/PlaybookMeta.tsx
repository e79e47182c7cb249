/** Playbook-level fields: name, id, language, where it applies, frequency settings, resolution rule. */
import { type AppliesTo, PLAYBOOK_LIMITS, type Playbook, type PlaybookSettings } from '../../core/playbook';
import { CHANNELS, HELPDESK_IDS } from '../../core/ticket/types';
import { t } from '../../shared/i18n';
import { ChoiceGroup } from './ChoiceGroup';
import type { ConditionContext } from './ConditionEditor';
import { setField } from './condition-tree';
import { Field } from './Field';
import { KeywordsInput } from './KeywordsInput';
import { channelLabel, helpdeskLabel } from './labels';
import { NumberInput } from './NumberInput';
import { OptionalCondition } from './OptionalCondition';

export interface PlaybookMetaProps {
  readonly draft: Playbook;
  readonly ctx: ConditionContext;
  readonly onChange: (pb: Playbook) => void;
}

export function PlaybookMeta({ draft, ctx, onChange }: PlaybookMetaProps) {
  const { issues } = ctx;
  const scope = (k: keyof AppliesTo, list: readonly string[]) =>
    onChange({ ...draft, appliesTo: setField(draft.appliesTo, k, (list.length > 0 ? list : undefined) as AppliesTo[typeof k]) });
  const settings = (k: keyof PlaybookSettings, v: number | undefined) => onChange({ ...draft, settings: { ...draft.settings, [k]: v ?? Number.NaN } });
  return (
    <div class="editor-fields">
      <div class="field-row">
        <Field path="name" label={t('options_pb_name')} issues={issues} wide>
          {(p) => <input type="text" {...p} maxLength={PLAYBOOK_LIMITS.name} value={draft.name} onInput={(e) => onChange({ ...draft, name: e.currentTarget.value })} />}
        </Field>
        <Field path="id" label={t('options_id')} hint={t('options_pb_id_hint')} issues={issues}>
          {(p) => <input type="text" {...p} class="mono" maxLength={PLAYBOOK_LIMITS.id} spellcheck={false} value={draft.id} onInput={(e) => onChange({ ...draft, id: e.currentTarget.value })} />}
        </Field>
        <Field path="locale" label={t('options_pb_locale')} hint={t('options_pb_locale_hint')} issues={issues}>
          {(p) => (
            <input
              type="text"
              {...p}
              class="mono short"
              maxLength={PLAYBOOK_LIMITS.locale}
              value={draft.locale ?? ''}
              onInput={(e) => onChange(setField(draft, 'locale', e.currentTarget.value === '' ? undefined : e.currentTarget.value))}
            />
          )}
        </Field>
        <div class="field">
          <span class="label-like">{t('options_pb_version')}</span>
          <span class="version-value">{draft.version}</span>
        </div>
      </div>
      <details class="sub">
        <summary>{t('options_pb_scope')}</summary>
        <p class="hint">{t('options_pb_scope_hint')}</p>
        <ChoiceGroup path="appliesTo.helpdesks" legend={t('options_pb_scope_helpdesks')} options={HELPDESK_IDS} label={helpdeskLabel} value={draft.appliesTo.helpdesks ?? []} onChange={(v) => scope('helpdesks', v)} issues={issues} />
        <ChoiceGroup path="appliesTo.channels" legend={t('options_pb_scope_channels')} options={CHANNELS} label={channelLabel} value={draft.appliesTo.channels ?? []} onChange={(v) => scope('channels', v)} issues={issues} />
        <div class="field-row">
          <Field path="appliesTo.tags" label={t('options_pb_scope_tags')} issues={issues}>
            {(p) => <KeywordsInput {...p} value={draft.appliesTo.tags} onChange={(v) => scope('tags', v)} />}
          </Field>
          <Field path="appliesTo.products" label={t('options_pb_scope_products')} issues={issues}>
            {(p) => <KeywordsInput {...p} value={draft.appliesTo.products} onChange={(v) => scope('products', v)} />}
          </Field>
        </div>
      </details>
      <div class="field-row">
        <Field path="settings.maxMovesShown" label={t('options_pb_max_moves')} issues={issues}>
          {(p) => <NumberInput {...p} min={0} max={PLAYBOOK_LIMITS.maxMovesShown} value={draft.settings.maxMovesShown} onChange={(v) => settings('maxMovesShown', v)} />}
        </Field>
        <Field path="settings.veCooldownDays" label={t('options_pb_ve_cooldown')} hint={t('options_pb_ve_cooldown_hint')} issues={issues}>
          {(p) => <NumberInput {...p} min={0} max={PLAYBOOK_LIMITS.maxDays} value={draft.settings.veCooldownDays} onChange={(v) => settings('veCooldownDays', v)} />}
        </Field>
      </div>
      <OptionalCondition
        path="resolutionRule"
        value={draft.resolutionRule}
        onChange={(c) => onChange(setField(draft, 'resolutionRule', c))}
        ctx={ctx}
        toggleLabel={t('options_pb_rule_toggle')}
        hint={t('options_pb_rule_hint')}
        legend={t('options_pb_rule_legend')}
        initial={{ status: ['solved'] }}
      />
    </div>
  );
}
