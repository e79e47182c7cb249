/**
 * Wrap-up: the customer's answers to the two VE statements and Customer Effort, then Finish. Collapsed
 * while the ticket is being resolved; in the flow (open, with "Ask in chat") once resolution is
 * confirmed, so interactions end with Finish instead of as abandoned. With focus in it, digit keys
 * answer the next unanswered question (App.tsx).
 */
import { t } from '../../shared/i18n';
import type { PanelActions } from '../controller';
import type { WrapupAnswers } from '../ticket-state';
import { trusted } from './trusted';

function Scale({ label, max, value, onPick, next }: { label: string; max: number; value: number | null; onPick: (n: number) => void; next: boolean }) {
  return (
    <fieldset data-next-question={next ? '' : undefined}>
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

/** The next question digits answer, with its scale's top; null when all three are answered. */
export function nextQuestion(a: WrapupAnswers): { field: keyof WrapupAnswers; max: number } | null {
  if (a.vesAchieveMore === null) return { field: 'vesAchieveMore', max: 5 };
  if (a.vesConfidence === null) return { field: 'vesConfidence', max: 5 };
  if (a.effort === null) return { field: 'effort', max: 7 };
  return null;
}

export function Wrapup({ answers, ended, actions, open }: { answers: WrapupAnswers; ended: boolean; actions: PanelActions; open: boolean }) {
  const next = nextQuestion(answers)?.field;
  const body = (
    <>
      <p class="muted">{open ? t('panel_wrapup_keys') : t('panel_wrapup_hint')}</p>
      {open && (
        <div class="row">
          <button type="button" aria-keyshortcuts="v" onClick={trusted(() => void actions.askVes())}>
            {t('action_ask_ves')}
          </button>
        </div>
      )}
      <Scale label={t('wrapup_achieve_more')} max={5} value={answers.vesAchieveMore} next={next === 'vesAchieveMore'} onPick={(n) => void actions.answerWrapup({ vesAchieveMore: n })} />
      <Scale label={t('wrapup_confidence')} max={5} value={answers.vesConfidence} next={next === 'vesConfidence'} onPick={(n) => void actions.answerWrapup({ vesConfidence: n })} />
      <Scale label={t('wrapup_effort')} max={7} value={answers.effort} next={next === 'effort'} onPick={(n) => void actions.answerWrapup({ effort: n })} />
      <div class="row">
        <button type="button" class={open ? 'primary' : undefined} aria-keyshortcuts="f" disabled={ended} onClick={trusted(() => void actions.finish())}>
          {ended ? t('panel_finished') : t('action_finish')}
        </button>
      </div>
    </>
  );
  if (open) {
    return (
      <section class="block" aria-labelledby="rp-wrapup" data-wrapup tabIndex={-1} onFocus={(e) => (e.currentTarget as HTMLElement).scrollIntoView({ block: 'start' })}>
        <h3 id="rp-wrapup">{t('panel_wrapup_now')}</h3>
        {body}
      </section>
    );
  }
  return (
    <section class="block" aria-labelledby="rp-wrapup" data-wrapup>
      <details>
        <summary id="rp-wrapup">{t('panel_wrapup')}</summary>
        {body}
      </details>
    </section>
  );
}
