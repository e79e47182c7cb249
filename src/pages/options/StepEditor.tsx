/** The fields of one checklist step. */
import type { PlaybookIssue, Step } from '../../core/playbook';
import { PLAYBOOK_LIMITS } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { CheckField } from './CheckField';
import type { ConditionContext } from './ConditionEditor';
import { setField } from './condition-tree';
import { Field } from './Field';
import { OptionalCondition } from './OptionalCondition';

export interface StepEditorProps {
  readonly step: Step;
  readonly path: string;
  readonly ctx: ConditionContext;
  readonly warnings: readonly PlaybookIssue[];
  readonly onChange: (s: Step) => void;
  /** Id edits go through the playbook so `stepDone` references follow. */
  readonly onRename: (id: string) => void;
  /** A new title; the playbook decides whether the id follows it. */
  readonly onTitle: (title: string) => void;
  /** Only one step confirms resolution; the playbook clears it elsewhere. */
  readonly onConfirming: (on: boolean) => void;
}

export function StepEditor({ step, path, ctx, warnings, onChange, onRename, onTitle, onConfirming }: StepEditorProps) {
  const { issues } = ctx;
  return (
    <div class="editor-fields">
      <div class="field-row">
        <Field path={`${path}.title`} label={t('options_step_title')} issues={issues} warnings={warnings} wide>
          {(p) => <input type="text" {...p} maxLength={PLAYBOOK_LIMITS.title} value={step.title} onInput={(e) => onTitle(e.currentTarget.value)} />}
        </Field>
        <Field path={`${path}.id`} label={t('options_id')} hint={t('options_id_hint')} issues={issues}>
          {(p) => <input type="text" {...p} class="mono" maxLength={PLAYBOOK_LIMITS.id} spellcheck={false} value={step.id} onInput={(e) => onRename(e.currentTarget.value)} />}
        </Field>
      </div>
      <Field path={`${path}.help`} label={t('options_step_help')} issues={issues} warnings={warnings} wide>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={PLAYBOOK_LIMITS.help}
            value={step.help ?? ''}
            onInput={(e) => onChange(setField(step, 'help', e.currentTarget.value === '' ? undefined : e.currentTarget.value))}
          />
        )}
      </Field>
      <div class="field-row">
        <CheckField path={`${path}.required`} label={t('options_step_required')} checked={step.required} onChange={(v) => onChange({ ...step, required: v })} issues={issues} />
        <CheckField
          path={`${path}.confirmsResolution`}
          label={t('options_step_confirms')}
          hint={t('options_step_confirms_hint')}
          checked={step.confirmsResolution === true}
          onChange={onConfirming}
          issues={issues}
        />
      </div>
      <OptionalCondition
        path={`${path}.when`}
        value={step.when}
        onChange={(c) => onChange(setField(step, 'when', c))}
        ctx={ctx}
        toggleLabel={t('options_step_when_toggle')}
        hint={t('options_step_when_hint')}
        legend={t('options_step_when_legend')}
        initial={{ channel: ['email'] }}
      />
      <OptionalCondition
        path={`${path}.autoComplete`}
        value={step.autoComplete}
        onChange={(c) => onChange(setField(step, 'autoComplete', c))}
        ctx={ctx}
        toggleLabel={t('options_step_auto_toggle')}
        hint={t('options_step_auto_hint')}
        legend={t('options_step_auto_legend')}
        initial={{ agentSays: { any: [] } }}
      />
    </div>
  );
}
