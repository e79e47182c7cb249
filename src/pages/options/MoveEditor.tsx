/** The fields of one value move, with placeholder buttons and the tone check next to its text. */
import { useRef } from 'preact/hooks';
import { MOVE_KINDS, type MoveKind } from '../../core/log/types';
import { type Move, PLACEHOLDERS, PLAYBOOK_LIMITS, type PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';
import type { ConditionContext } from './ConditionEditor';
import { ConditionEditor } from './ConditionEditor';
import { setField } from './condition-tree';
import { idFollowingTitle } from './draft';
import { Field } from './Field';
import { moveKindLabel } from './labels';
import { MoveResults } from './MoveResults';
import { NumberInput } from './NumberInput';
import { fieldId } from './paths';

export interface MoveEditorProps {
  readonly move: Move;
  readonly path: string;
  readonly ctx: ConditionContext;
  readonly warnings: readonly PlaybookIssue[];
  readonly onChange: (m: Move) => void;
  /** Ids of the other moves in the same list and of saved moves (a new move's id follows its title). */
  readonly otherIds: readonly string[];
  readonly savedIds: ReadonlySet<string>;
}

export function MoveEditor({ move, path, ctx, warnings, onChange, otherIds, savedIds }: MoveEditorProps) {
  const { issues } = ctx;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const insert = (token: string) => {
    const el = textRef.current;
    const start = el?.selectionStart ?? move.text.length;
    const end = el?.selectionEnd ?? move.text.length;
    const text = `${move.text.slice(0, start)}${token}${move.text.slice(end)}`;
    onChange({ ...move, text });
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <div class="editor-fields">
      <div class="field-row">
        <Field path={`${path}.title`} label={t('options_move_title')} issues={issues} warnings={warnings} wide>
          {(p) => <input type="text" {...p} maxLength={PLAYBOOK_LIMITS.title} value={move.title} onInput={(e) => onChange({ ...move, title: e.currentTarget.value, id: idFollowingTitle(move, e.currentTarget.value, otherIds, savedIds) })} />}
        </Field>
        <Field path={`${path}.kind`} label={t('options_move_kind')} issues={issues}>
          {(p) => (
            <select {...p} value={move.kind} onChange={(e) => onChange({ ...move, kind: e.currentTarget.value as MoveKind })}>
              {MOVE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {moveKindLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path={`${path}.id`} label={t('options_id')} hint={t('options_id_hint')} issues={issues}>
          {(p) => <input type="text" {...p} class="mono" maxLength={PLAYBOOK_LIMITS.id} spellcheck={false} value={move.id} onInput={(e) => onChange({ ...move, id: e.currentTarget.value })} />}
        </Field>
      </div>
      <Field path={`${path}.text`} label={t('options_move_text')} hint={t('options_move_text_hint')} issues={issues} warnings={warnings} wide>
        {(p) => <textarea {...p} ref={textRef} rows={4} maxLength={PLAYBOOK_LIMITS.text} value={move.text} onInput={(e) => onChange({ ...move, text: e.currentTarget.value })} />}
      </Field>
      <fieldset class="placeholders">
        <legend>{t('options_placeholders')}</legend>
        {PLACEHOLDERS.map((ph) => (
          <button key={ph} type="button" class="chip" aria-controls={fieldId(`${path}.text`)} aria-label={t('options_insert_placeholder', `{${ph}}`)} onClick={() => insert(`{${ph}}`)}>
            {`{${ph}}`}
          </button>
        ))}
      </fieldset>
      <ConditionEditor value={move.when} onChange={(c) => onChange({ ...move, when: c })} path={`${path}.when`} ctx={ctx} legend={t('options_move_when')} />
      <div class="field-row">
        <Field path={`${path}.priority`} label={t('options_move_priority')} hint={t('options_move_priority_hint')} issues={issues}>
          {(p) => <NumberInput {...p} min={-PLAYBOOK_LIMITS.maxPriority} max={PLAYBOOK_LIMITS.maxPriority} value={move.priority} onChange={(v) => onChange({ ...move, priority: v ?? Number.NaN })} />}
        </Field>
        <Field path={`${path}.cooldownDays`} label={t('options_move_cooldown')} hint={t('options_move_cooldown_hint')} issues={issues}>
          {(p) => <NumberInput {...p} min={0} max={PLAYBOOK_LIMITS.maxDays} value={move.cooldownDays} onChange={(v) => onChange({ ...move, cooldownDays: v ?? Number.NaN })} />}
        </Field>
        <MoveResults moveId={move.id} />
      </div>
      <Field path={`${path}.why`} label={t('options_move_why')} hint={t('options_move_why_hint')} issues={issues} wide>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            maxLength={PLAYBOOK_LIMITS.why}
            value={move.why ?? ''}
            onInput={(e) => onChange(setField(move, 'why', e.currentTarget.value === '' ? undefined : e.currentTarget.value))}
          />
        )}
      </Field>
    </div>
  );
}
