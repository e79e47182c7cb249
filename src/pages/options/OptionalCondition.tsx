/** An optional condition (a step's "when" and "auto-complete", the playbook's resolution rule): a checkbox, then the builder. */
import type { Condition } from '../../core/playbook';
import { CheckField } from './CheckField';
import { type ConditionContext, ConditionEditor } from './ConditionEditor';

export interface OptionalConditionProps {
  readonly path: string;
  readonly value: Condition | undefined;
  readonly onChange: (c: Condition | undefined) => void;
  readonly ctx: ConditionContext;
  /** Checkbox label, e.g. "Only show this step when…". */
  readonly toggleLabel: string;
  readonly hint?: string;
  readonly legend: string;
  /** What a newly switched-on condition starts as. */
  readonly initial: Condition;
}

export function OptionalCondition({ path, value, onChange, ctx, toggleLabel, hint, legend, initial }: OptionalConditionProps) {
  return (
    <div class="optional-cond">
      <CheckField path={`${path}--on`} label={toggleLabel} hint={hint} checked={value !== undefined} onChange={(on) => onChange(on ? initial : undefined)} />
      {value !== undefined && <ConditionEditor value={value} onChange={onChange} path={path} ctx={ctx} legend={legend} />}
    </div>
  );
}
