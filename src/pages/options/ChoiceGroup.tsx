/** A multi-select as a group of checkboxes (helpdesks, channels, statuses, outcomes). */
import type { PlaybookIssue } from '../../core/playbook';
import { Messages } from './Messages';
import { fieldId, issuesWithin, messagesId } from './paths';

export interface ChoiceGroupProps<T extends string> {
  readonly path: string;
  readonly legend: string;
  readonly options: readonly T[];
  readonly label: (option: T) => string;
  readonly value: readonly T[];
  readonly onChange: (value: T[]) => void;
  readonly issues?: readonly PlaybookIssue[];
  readonly hint?: string;
}

export function ChoiceGroup<T extends string>({ path, legend, options, label, value, onChange, issues = [], hint }: ChoiceGroupProps<T>) {
  const id = fieldId(path);
  const errors = issuesWithin(issues, path);
  const msgId = errors.length > 0 ? messagesId(path) : undefined;
  const hintId = hint ? `${id}--hint` : undefined;
  const toggle = (option: T, on: boolean) => onChange(options.filter((o) => (o === option ? on : value.includes(o))));
  return (
    <fieldset class="choices" id={id} aria-describedby={[hintId, msgId].filter(Boolean).join(' ') || undefined}>
      <legend>{legend}</legend>
      <div class="choice-row">
        {options.map((o) => (
          <label class="check" key={o}>
            <input type="checkbox" checked={value.includes(o)} onChange={(e) => toggle(o, e.currentTarget.checked)} />
            {label(o)}
          </label>
        ))}
      </div>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <Messages id={msgId} errors={errors} />
    </fieldset>
  );
}
