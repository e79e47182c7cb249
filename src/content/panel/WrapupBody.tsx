/**
 * The wrap-up's questions and Finish (lazy bundle): the customer's answers to the two VE statements and
 * Customer Effort. Its frame — the section, its title, collapsed or in the flow — is Wrapup.tsx.
 */
import { t } from '../../shared/i18n';
import type { PanelActions } from '../controller';
import type { WrapupAnswers } from '../ticket-state';
import { trusted } from './trusted';
import { nextQuestion } from './wrapup-keys';

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

export interface WrapupProps {
  readonly answers: WrapupAnswers;
  readonly ended: boolean;
  readonly actions: PanelActions;
  readonly open: boolean;
}

export function WrapupBody({ answers, ended, actions, open }: WrapupProps) {
  const next = nextQuestion(answers)?.field;
  return (
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
}
