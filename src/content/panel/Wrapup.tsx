/** Optional wrap-up: the customer's answers to the two VE statements and Customer Effort, one click each. */
import { t } from '../../shared/i18n';
import type { PanelActions } from '../controller';
import type { WrapupAnswers } from '../ticket-state';
import { trusted } from './trusted';

function Scale({ label, max, value, onPick }: { label: string; max: number; value: number | null; onPick: (n: number) => void }) {
  return (
    <fieldset>
      <legend>{label}</legend>
      <div class="scale">
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <button type="button" key={n} aria-pressed={value === n} aria-label={`${label}: ${n}`} onClick={trusted(() => onPick(n))}>
            {n}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function Wrapup({ answers, ended, actions }: { answers: WrapupAnswers; ended: boolean; actions: PanelActions }) {
  return (
    <section class="block" aria-labelledby="rp-wrapup">
      <details>
        <summary id="rp-wrapup">{t('panel_wrapup')}</summary>
        <p class="muted">{t('panel_wrapup_hint')}</p>
        <Scale label={t('wrapup_achieve_more')} max={5} value={answers.vesAchieveMore} onPick={(n) => void actions.answerWrapup({ vesAchieveMore: n })} />
        <Scale label={t('wrapup_confidence')} max={5} value={answers.vesConfidence} onPick={(n) => void actions.answerWrapup({ vesConfidence: n })} />
        <Scale label={t('wrapup_effort')} max={7} value={answers.effort} onPick={(n) => void actions.answerWrapup({ effort: n })} />
        <div class="row">
          <button type="button" disabled={ended} onClick={trusted(() => void actions.finish())}>
            {ended ? t('panel_finished') : t('action_finish')}
          </button>
        </div>
      </details>
    </section>
  );
}
