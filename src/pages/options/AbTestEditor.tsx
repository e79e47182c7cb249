/** The A/B test: labels, share of tickets in B, and B's own moves (edited like the main moves). */
import type { ComponentChildren } from 'preact';
import { type AbTest, PLAYBOOK_LIMITS, type Playbook, type PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { CheckField } from './CheckField';
import { copyMovesToB, disableAbTest, enableAbTest } from './draft';
import { Field } from './Field';
import { Messages } from './Messages';
import { NumberInput } from './NumberInput';
import { issuesAt } from './paths';

export interface AbTestEditorProps {
  readonly draft: Playbook;
  readonly issues: readonly PlaybookIssue[];
  readonly readOnly: boolean;
  readonly onChange: (pb: Playbook, replacedMovesB?: boolean) => void;
  /** The list editor for `abTest.movesB`, built by the playbook editor. */
  readonly movesB: ComponentChildren;
}

export function AbTestEditor({ draft, issues, readOnly, onChange, movesB }: AbTestEditorProps) {
  const test = draft.abTest;
  const set = (patch: Partial<AbTest>) => test && onChange({ ...draft, abTest: { ...test, ...patch } });
  return (
    <div class="editor-fields">
      <p class="hint">{t('options_ab_explain')}</p>
      <fieldset class="plain" disabled={readOnly}>
        <CheckField path="abTest--on" label={t('options_ab_toggle')} checked={test !== undefined} onChange={(on) => onChange(on ? enableAbTest(draft) : disableAbTest(draft), true)} />
      </fieldset>
      {test && (
        <>
          <fieldset class="plain" disabled={readOnly}>
            <div class="field-row">
              <Field path="abTest.labelA" label={t('options_ab_label_a')} issues={issues}>
                {(p) => <input type="text" {...p} class="short" maxLength={PLAYBOOK_LIMITS.label} value={test.labelA} onInput={(e) => set({ labelA: e.currentTarget.value })} />}
              </Field>
              <Field path="abTest.labelB" label={t('options_ab_label_b')} issues={issues}>
                {(p) => <input type="text" {...p} class="short" maxLength={PLAYBOOK_LIMITS.label} value={test.labelB} onInput={(e) => set({ labelB: e.currentTarget.value })} />}
              </Field>
              <Field path="abTest.shareB" label={t('options_ab_share')} hint={t('options_ab_share_hint')} issues={issues}>
                {(p) => (
                  <NumberInput
                    {...p}
                    min={0}
                    max={100}
                    value={Number.isNaN(test.shareB) ? Number.NaN : Math.round(test.shareB * 1000) / 10}
                    step={1}
                    onChange={(v) => set({ shareB: v === undefined || Number.isNaN(v) ? Number.NaN : v / 100 })}
                  />
                )}
              </Field>
            </div>
            <div class="row">
              <button type="button" onClick={() => onChange(copyMovesToB(draft), true)}>
                {t('options_ab_copy')}
              </button>
              <span class="hint">{t('options_ab_copy_hint', draft.moves.length)}</span>
            </div>
          </fieldset>
          <Messages errors={issuesAt(issues, 'abTest')} />
          <h3>{t('options_ab_moves_b', test.labelB || 'B')}</h3>
          {movesB}
        </>
      )}
    </div>
  );
}
