/**
 * After an offer, once the customer wrote again: "How did they take it?" with one-key answers. The
 * reply's words may suggest an answer (live-chat.ts); only the rep records it.
 */
import type { Outcome } from '../../core/log/types';
import { t } from '../../shared/i18n';
import { trusted } from './trusted';

const ANSWERS = [
  ['2', 'accepted'],
  ['3', 'declined'],
  ['4', 'not-a-fit'],
] as const;

export function OutcomePrompt({ title, suggested, onAnswer }: { title: string; suggested: Outcome | null; onAnswer: (o: Outcome) => void }) {
  return (
    <div class="note prompt" role="alert" data-outcome-prompt>
      <div>
        <strong>{t('prompt_customer_replied', title)}</strong>
        {suggested && <div class="muted">{t('prompt_suggested', t(`outcome_${suggested.replace(/-/g, '_')}`))}</div>}
        <div class="row">
          {ANSWERS.map(([k, o]) => (
            <button type="button" key={o} class={o === suggested ? 'primary' : undefined} aria-keyshortcuts={k} onClick={trusted(() => onAnswer(o))}>
              <kbd>{k}</kbd> {t(`outcome_${o.replace(/-/g, '_')}`)}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
