/**
 * "Then add value": VE moves, held back until resolution is confirmed. Each eligible move shows its
 * kind, ready text, why it fits now, Insert / Copy / Offered, and one-click outcomes. The keys (j/k to
 * choose a move, i/c, 1–4, the not-a-fit reasons a–d) are handled by the panel (App.tsx, live-chat.ts).
 */
import type { Outcome, SkipReason } from '../../core/log/types';
import { SKIP_REASONS } from '../../core/log/types';
import type { EligibleMove, Evaluation } from '../../core/playbook/engine';
import { REASON_KEYS } from '../../core/session/live-chat';
import { t } from '../../shared/i18n';
import type { PanelActions, PanelModel } from '../controller';
import type { MoveState } from '../ticket-state';
import { trusted } from './trusted';

const OUTCOMES = ['offered', 'accepted', 'declined', 'not-a-fit'] as const;
const keyOf = (r: SkipReason) => REASON_KEYS.find(([, x]) => x === r)?.[0] ?? '';

export interface MoveChoice {
  /** The move the keys act on (j/k). */
  readonly selected: string | null;
  /** The move whose not-a-fit reason is being asked, or null. */
  readonly askingReason: string | null;
  readonly record: (moveId: string, outcome: Outcome, reason?: SkipReason | null) => void;
}

function MoveCard({ e, state, actions, index, choice }: { e: EligibleMove; state: MoveState | undefined; actions: PanelActions; index: number; choice: MoveChoice }) {
  const titleId = `rp-move-${index}`;
  const selected = choice.selected === e.move.id;
  return (
    // Focusable (not in the Tab order): a click on the card gives it focus, and the keys act on it.
    <article class={selected ? 'move selected' : 'move'} aria-labelledby={titleId} data-move-id={e.move.id} data-selected={selected ? '' : undefined} tabIndex={-1}>
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
        <button type="button" class="primary" aria-keyshortcuts="i" onClick={trusted(() => void actions.offer(e.move.id, 'insert'))}>
          {t('action_insert')}
        </button>
        <button type="button" aria-keyshortcuts="c" onClick={trusted(() => void actions.offer(e.move.id, 'copy'))}>
          {t('action_copy')}
        </button>
      </div>
      <fieldset>
        <legend>{t('panel_outcome_legend')}</legend>
        <div class="row" data-outcomes>
          {OUTCOMES.map((o, i) => (
            <button type="button" key={o} aria-pressed={state?.outcome === o} aria-keyshortcuts={String(i + 1)} onClick={trusted(() => choice.record(e.move.id, o))}>
              {t(`outcome_${o.replace(/-/g, '_')}`)}
            </button>
          ))}
        </div>
        {choice.askingReason === e.move.id && (
          <fieldset data-skip-reasons>
            <legend>{t('panel_skip_reason')}</legend>
            <div class="row">
              {SKIP_REASONS.map((r) => (
                <button type="button" key={r} aria-keyshortcuts={keyOf(r)} onClick={trusted(() => choice.record(e.move.id, 'not-a-fit', r))}>
                  <kbd>{keyOf(r)}</kbd> {t(`skip_${r.replace(/-/g, '_')}`)}
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

/**
 * `status` (controller.ts): moves are listed only from an answer about the current state; while a newer
 * question is with the worker nothing is claimed, and a worker that did not answer is said so.
 */
export function Moves({ evaluation, status, moves, actions, choice }: { evaluation: Evaluation; status: PanelModel['movesStatus']; moves: Readonly<Record<string, MoveState>>; actions: PanelActions; choice: MoveChoice }) {
  return (
    <section class="block" aria-labelledby="rp-moves">
      <h3 id="rp-moves">{t('panel_add_value')}</h3>
      {status !== 'ready' ? (
        status === 'unavailable' && <p class="warn">{t('panel_moves_unavailable')}</p>
      ) : !evaluation.resolutionConfirmed ? (
        <p class="muted">{t('panel_held_until_resolved')}</p>
      ) : evaluation.eligible.length === 0 ? (
        <p class="muted">{t('panel_no_moves')}</p>
      ) : (
        evaluation.eligible.map((e, i) => <MoveCard key={e.move.id} e={e} state={moves[e.move.id]} actions={actions} index={i} choice={choice} />)
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
