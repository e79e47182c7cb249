/**
 * "Then add value": VE moves, held back until resolution is confirmed. Each eligible move shows its
 * kind, ready text, why it fits now, Insert / Copy / Offered, and one-click outcomes. Keys 1–4 on a
 * focused move record offered / accepted / declined / not a fit.
 */
import { useState } from 'preact/hooks';
import type { Outcome, SkipReason } from '../../core/log/types';
import { SKIP_REASONS } from '../../core/log/types';
import type { EligibleMove, Evaluation } from '../../core/playbook/engine';
import type { Say } from '../../core/playbook/wording';
import { t } from '../../shared/i18n';
import type { PanelActions } from '../controller';
import type { MoveState } from '../ticket-state';
import { mayAct, trusted } from './trusted';

/**
 * The engine's "why this now" and "held back" sentences in the rep's language: its reason codes
 * (core/playbook/wording.ts) rendered through `_locales` (`reason_<code>`). Like the rest of the panel,
 * no English table is bundled as a fallback (content-script budget).
 */
export const panelSay: Say = (code, ...args) => t(`reason_${code}`, ...args);

const OUTCOME_KEYS: Record<string, Outcome> = { '1': 'offered', '2': 'accepted', '3': 'declined', '4': 'not-a-fit' };

function MoveCard({ e, state, actions, index }: { e: EligibleMove; state: MoveState | undefined; actions: PanelActions; index: number }) {
  const [askReason, setAskReason] = useState(false);
  const record = (outcome: Outcome, reason: SkipReason | null = null) => {
    if (outcome === 'not-a-fit' && reason === null) return setAskReason(true);
    setAskReason(false);
    void actions.recordOutcome(e.move.id, outcome, reason);
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const outcome = OUTCOME_KEYS[ev.key];
    // Only keys on focus the rep gave by pointer or Tab (or our own shortcut), on an uncovered panel.
    if (!outcome || !mayAct(ev)) return;
    ev.preventDefault();
    if (outcome === 'offered') void actions.offer(e.move.id, 'manual');
    else record(outcome);
  };
  const titleId = `rp-move-${index}`;
  return (
    <article class="move" aria-labelledby={titleId} data-move-id={e.move.id} onKeyDown={onKey}>
      <span class={`kind ${e.move.kind}`}>{t(e.move.kind === 'usage-tip' ? 'kind_usage_tip' : 'kind_confidence')}</span>
      <h4 id={titleId}>{e.move.title}</h4>
      <blockquote>{e.text}</blockquote>
      <div class="muted">{t('panel_why_now')}</div>
      <ul class="why">
        {e.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="primary" onClick={trusted(() => void actions.offer(e.move.id, 'insert'))}>
          {t('action_insert')}
        </button>
        <button type="button" onClick={trusted(() => void actions.offer(e.move.id, 'copy'))}>
          {t('action_copy')}
        </button>
      </div>
      <fieldset>
        <legend>{t('panel_outcome_legend')}</legend>
        <div class="row" data-outcomes>
          {(['offered', 'accepted', 'declined', 'not-a-fit'] as const).map((o) => (
            <button
              type="button"
              key={o}
              aria-pressed={state?.outcome === o}
              onClick={trusted(() => (o === 'offered' ? void actions.offer(e.move.id, 'manual') : record(o)))}
            >
              {t(`outcome_${o.replace(/-/g, '_')}`)}
            </button>
          ))}
        </div>
        {askReason && (
          <fieldset>
            <legend>{t('panel_skip_reason')}</legend>
            <div class="row">
              {SKIP_REASONS.map((r) => (
                <button type="button" key={r} onClick={trusted(() => record('not-a-fit', r))}>
                  {t(`skip_${r.replace(/-/g, '_')}`)}
                </button>
              ))}
            </div>
          </fieldset>
        )}
      </fieldset>
      {state?.outcome && (
        <div class="outcome" role="status">
          {t('panel_recorded', t(`outcome_${state.outcome.replace(/-/g, '_')}`))}
          {state.skipReason ? ` · ${t(`skip_${state.skipReason.replace(/-/g, '_')}`)}` : ''}
        </div>
      )}
    </article>
  );
}

export function Moves({ evaluation, moves, actions }: { evaluation: Evaluation; moves: Readonly<Record<string, MoveState>>; actions: PanelActions }) {
  return (
    <section class="block" aria-labelledby="rp-moves">
      <h3 id="rp-moves">{t('panel_add_value')}</h3>
      {!evaluation.resolutionConfirmed ? (
        <p class="muted">{t('panel_held_until_resolved')}</p>
      ) : evaluation.eligible.length === 0 ? (
        <p class="muted">{t('panel_no_moves')}</p>
      ) : (
        evaluation.eligible.map((e, i) => <MoveCard key={e.move.id} e={e} state={moves[e.move.id]} actions={actions} index={i} />)
      )}
      {evaluation.heldBack.length > 0 && (
        <details>
          <summary>{t('panel_held_back', evaluation.heldBack.length)}</summary>
          <ul class="why">
            {evaluation.heldBack.map((h) => (
              <li key={h.moveId}>
                <strong>{h.title}</strong>: {h.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
