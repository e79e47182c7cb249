/** "Resolve first": the interaction's checklist with progress, required marks and auto-tick undo. */
import type { Evaluation } from '../../core/playbook/engine';
import { t } from '../../shared/i18n';
import type { PanelActions } from '../controller';
import { mayAct } from './trusted';

/**
 * A click on a step's box. The box shows the model, never the browser's own toggle, and the new state
 * paints in the click's own frame: the handler puts the box back to the model's state, the action
 * updates the model synchronously and the panel re-renders in a microtask of this dispatch, setting the
 * new state. The click is not cancelled (preventDefault) on purpose: a cancelled checkbox click is reset
 * by the browser *after* dispatch, undoing that render, so the box showed the old state until some
 * later re-render — a frame or more after the progress line. A click the guard ignores changes nothing.
 */
function toggle(e: MouseEvent, stepId: string, done: boolean, actions: PanelActions): void {
  const box = e.currentTarget as HTMLInputElement;
  // Either way the box first goes back to the model's state: a script's `new MouseEvent('click')` is not
  // cancelable, so preventDefault alone would leave the browser's toggle on screen.
  box.checked = done;
  if (!mayAct(e)) {
    e.preventDefault();
    return;
  }
  void actions.toggleStep(stepId);
}

export function Checklist({ evaluation, actions }: { evaluation: Evaluation; actions: PanelActions }) {
  const { progress } = evaluation;
  const steps = evaluation.steps.filter((s) => s.applicable);
  // Help text only for the step the rep is on: the panel stays short and glanceable.
  const current = steps.find((s) => !s.done)?.id;
  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section class="block" aria-labelledby="rp-checklist">
      <h3 id="rp-checklist">{t('panel_resolve_first')}</h3>
      <div class="progress">
        <div class="bar" role="progressbar" aria-label={t('panel_progress_label')} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done}>
          <span style={{ width: `${pct}%` }} />
        </div>
        <span>{t('panel_progress', progress.done, progress.total)}</span>
      </div>
      <ul>
        {steps.map((s) => (
          <li class="step" key={s.id}>
            <label>
              <input type="checkbox" checked={s.done} title={s.help ?? undefined} onClick={(e: MouseEvent) => toggle(e, s.id, s.done, actions)} />
              <span>
                {s.title}
                {s.required && (
                  <abbr class="req" title={t('panel_required')} aria-label={t('panel_required')}> *</abbr>
                )}
                {s.done && s.auto && <span class="auto"> {t('panel_auto')}</span>}
              </span>
            </label>
            {s.help && s.id === current && <div class="help">{s.help}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
