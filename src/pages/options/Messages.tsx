/** Errors (block saving) and warnings (do not) shown under the field they belong to. */
import type { PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';

export interface MessagesProps {
  readonly id?: string;
  readonly errors?: readonly PlaybookIssue[];
  readonly warnings?: readonly PlaybookIssue[];
}

export function Messages({ id, errors = [], warnings = [] }: MessagesProps) {
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <ul class="messages" id={id}>
      {errors.map((e) => (
        <li key={`e${e.path}${e.message}`} class="msg-error">
          <strong>{t('options_error')}</strong> {e.message}
        </li>
      ))}
      {warnings.map((w) => (
        <li key={`w${w.path}${w.message}`} class="msg-warn">
          <strong>{t('options_warning')}</strong> {w.message}
        </li>
      ))}
    </ul>
  );
}
