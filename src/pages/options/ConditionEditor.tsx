/**
 * The condition builder: one fieldset per condition node with a kind picker. Groups (all / any) list
 * their conditions with Add and Remove; "not" holds one condition; leaves have a form per kind
 * (ConditionLeaf). Errors for a node are shown on it; errors for a field next to that field.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Condition, ConditionKey, PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { ConditionLeaf } from './ConditionLeaf';
import { CONDITION_GROUPS, childrenOf, conditionKey, convertCondition, defaultCondition, withChildren } from './condition-tree';
import { conditionGroupLabel, conditionKindLabel } from './labels';
import { removeAt, replaceAt } from './list-ops';
import { Messages } from './Messages';
import { fieldId, messagesId } from './paths';

export interface ConditionContext {
  readonly issues: readonly PlaybookIssue[];
  readonly warnings: readonly PlaybookIssue[];
  readonly steps: readonly { readonly id: string; readonly title: string }[];
  readonly moves: readonly { readonly id: string; readonly title: string }[];
}

export interface ConditionEditorProps {
  readonly value: Condition;
  readonly onChange: (c: Condition) => void;
  readonly path: string;
  readonly ctx: ConditionContext;
  readonly legend: string;
  readonly onRemove?: () => void;
  readonly autoFocus?: boolean;
  readonly depth?: number;
}

/** Leaves whose value is an object: errors on the object itself ("needs gte or lte") belong to the node. */
const OBJECT_VALUED: ReadonlySet<ConditionKey> = new Set(['all', 'any', 'tags', 'customerSays', 'agentSays', 'elapsedMinutes', 'priorAttempts', 'priorOutcome']);

export function ConditionEditor({ value, onChange, path, ctx, legend, onRemove, autoFocus, depth = 0 }: ConditionEditorProps) {
  const key = conditionKey(value);
  const id = fieldId(path);
  const kindRef = useRef<HTMLSelectElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [focusChild, setFocusChild] = useState<number | null>(null);
  const refocusAdd = useRef(false);
  const defaults = { stepIds: ctx.steps.map((s) => s.id) };

  useEffect(() => {
    if (autoFocus) kindRef.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    if (refocusAdd.current) {
      refocusAdd.current = false;
      addRef.current?.focus();
    }
  });

  const own = ctx.issues.filter((i) => i.path === path || (OBJECT_VALUED.has(key) && i.path === `${path}.${key}`));
  const kids = childrenOf(value);
  return (
    <fieldset class={`cond cond-d${depth % 2}`} id={id} aria-describedby={own.length > 0 ? messagesId(path) : undefined}>
      <legend>{legend}</legend>
      <div class="cond-head">
        <label for={`${id}--kind`}>{t('options_cond_kind')}</label>
        <select
          id={`${id}--kind`}
          ref={kindRef}
          value={key}
          onChange={(e) => onChange(convertCondition(value, e.currentTarget.value as ConditionKey, defaults))}
        >
          {CONDITION_GROUPS.map((g) => (
            <optgroup key={g.group} label={conditionGroupLabel(g.group)}>
              {g.keys.map((k) => (
                <option key={k} value={k}>
                  {conditionKindLabel(k)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {onRemove && (
          <button type="button" class="link-button" onClick={onRemove} aria-label={t('options_cond_remove_named', legend)}>
            {t('options_cond_remove')}
          </button>
        )}
      </div>
      {kids !== null && (
        <>
          <p class="hint">{key === 'all' ? t('options_cond_all_hint') : t('options_cond_any_hint')}</p>
          {kids.length > 0 && (
            <ol class="cond-children">
              {kids.map((child, i) => (
                <li key={i}>
                  <ConditionEditor
                    value={child}
                    path={`${path}.${key}[${i}]`}
                    ctx={ctx}
                    depth={depth + 1}
                    legend={t('options_cond_nth', i + 1)}
                    autoFocus={focusChild === i}
                    onChange={(c) => onChange(withChildren(value, replaceAt(kids, i, c)))}
                    onRemove={() => {
                      refocusAdd.current = true;
                      setFocusChild(null);
                      onChange(withChildren(value, removeAt(kids, i)));
                    }}
                  />
                </li>
              ))}
            </ol>
          )}
          <button
            type="button"
            ref={addRef}
            onClick={() => {
              setFocusChild(kids.length);
              onChange(withChildren(value, [...kids, defaultCondition('customerSays', defaults)]));
            }}
          >
            {key === 'all' ? t('options_cond_add_all') : t('options_cond_add_any')}
          </button>
        </>
      )}
      {'not' in value && (
        <ConditionEditor value={value.not} path={`${path}.not`} ctx={ctx} depth={depth + 1} legend={t('options_cond_not_inner')} onChange={(c) => onChange({ not: c })} />
      )}
      {kids === null && !('not' in value) && <ConditionLeaf value={value} path={path} ctx={ctx} onChange={onChange} />}
      <Messages id={messagesId(path)} errors={own} />
    </fieldset>
  );
}
