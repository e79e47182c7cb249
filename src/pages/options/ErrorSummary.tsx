/** Every problem that blocks saving, by path; each one moves focus to its field. */
import type { PlaybookIssue } from '../../core/playbook';
import { formatIssueText } from '../../core/playbook';
import { t } from '../../shared/i18n';

export interface ErrorSummaryProps {
  readonly errors: readonly PlaybookIssue[];
  readonly onReveal: (path: string) => void;
}

export const ERROR_SUMMARY_ID = 'playbook-errors';

export function ErrorSummary({ errors, onReveal }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <section class="error-summary" id={ERROR_SUMMARY_ID} aria-labelledby={`${ERROR_SUMMARY_ID}-title`}>
      <h2 id={`${ERROR_SUMMARY_ID}-title`}>{t('options_errors_title', errors.length)}</h2>
      <ul>
        {errors.map((e) => (
          <li key={formatIssueText(e)}>
            <button type="button" class="link-button" onClick={() => onReveal(e.path)}>
              <code>{e.path}</code>: {e.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
