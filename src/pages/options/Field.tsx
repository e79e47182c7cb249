/**
 * A labelled control at a playbook path: the control gets the path's element id (so the error summary
 * can focus it), `aria-invalid` and `aria-describedby` pointing at its hint and messages.
 */
import type { ComponentChildren } from 'preact';
import type { PlaybookIssue } from '../../core/playbook';
import { Messages } from './Messages';
import { fieldId, issuesWithin, messagesId } from './paths';

export interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: 'true';
}

export interface FieldProps {
  readonly path: string;
  readonly label: string;
  readonly hint?: string;
  readonly issues: readonly PlaybookIssue[];
  readonly warnings?: readonly PlaybookIssue[];
  /** Show issues at this exact path only (default: everything inside it). */
  readonly exact?: boolean;
  readonly wide?: boolean;
  readonly children: (control: ControlProps) => ComponentChildren;
}

export function Field({ path, label, hint, issues, warnings = [], exact, wide, children }: FieldProps) {
  const id = fieldId(path);
  const pick = (list: readonly PlaybookIssue[]) => (exact ? list.filter((i) => i.path === path) : issuesWithin(list, path));
  const errors = pick(issues);
  const warns = pick(warnings);
  const hintId = hint ? `${id}--hint` : null;
  const msgId = errors.length + warns.length > 0 ? messagesId(path) : null;
  const describedBy = [hintId, msgId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={wide ? 'field wide' : 'field'}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(errors.length > 0 ? { 'aria-invalid': 'true' } : {}) })}
      {hint && (
        <p class="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      )}
      <Messages id={msgId ?? undefined} errors={errors} warnings={warns} />
    </div>
  );
}
