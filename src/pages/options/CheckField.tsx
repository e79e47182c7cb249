/** A checkbox with its label after it, at a playbook path. */
import type { PlaybookIssue } from '../../core/playbook';
import { Messages } from './Messages';
import { fieldId, issuesWithin, messagesId } from './paths';

export interface CheckFieldProps {
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly issues?: readonly PlaybookIssue[];
}

export function CheckField({ path, label, hint, checked, onChange, issues = [] }: CheckFieldProps) {
  const id = fieldId(path);
  const errors = issuesWithin(issues, path);
  const hintId = hint ? `${id}--hint` : null;
  const msgId = errors.length > 0 ? messagesId(path) : null;
  return (
    <div class="field check-field">
      <label class="check" for={id}>
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
          aria-describedby={[hintId, msgId].filter(Boolean).join(' ') || undefined}
          aria-invalid={errors.length > 0 ? 'true' : undefined}
        />
        {label}
      </label>
      {hint && (
        <p class="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      )}
      <Messages id={msgId ?? undefined} errors={errors} />
    </div>
  );
}
