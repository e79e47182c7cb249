/**
 * One interaction's story in a modal dialog: checklist steps, resolution, each move shown → offered →
 * outcome, the wrap-up answers, and the raw event list. A native <dialog> opened with showModal() moves
 * focus in, closes on Esc and keeps focus inside; on close, focus goes back to where it came from.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LogEvent } from '../../core/log/types';
import { secondsResolutionToOffer } from '../../core/metrics/facts';
import { t } from '../../shared/i18n';
import { type Timeline as TimelineData, timeline } from '../../storage/log-repo';
import { readDb } from './db';
import { formatSeconds, kindLabel, outcomeLabel, shortDateTime, skipLabel } from './format';

interface Props {
  readonly interactionId: string;
  readonly onClose: () => void;
}

function describe(e: LogEvent): string {
  switch (e.type) {
    case 'interaction-started':
      return t('dash_ev_started', e.repId || '—', e.helpdesk, e.channel);
    case 'step-completed':
      return e.auto ? t('dash_ev_step_auto', e.stepId) : t('dash_ev_step', e.stepId);
    case 'step-undone':
      return t('dash_ev_step_undone', e.stepId);
    case 'resolution-confirmed':
      return t('dash_ev_resolved');
    case 'move-shown':
      return t('dash_ev_shown', e.moveTitle || e.moveId);
    case 'move-offered':
      return t('dash_ev_offered', e.moveTitle || e.moveId, t(`dash_via_${e.via}`));
    case 'move-outcome':
      return e.skipReason
        ? t('dash_ev_outcome_reason', e.moveTitle || e.moveId, outcomeLabel(e.outcome), skipLabel(e.skipReason))
        : t('dash_ev_outcome', e.moveTitle || e.moveId, outcomeLabel(e.outcome));
    case 'wrapup':
      return t('dash_ev_wrapup');
    case 'interaction-ended':
      return t(e.reason === 'closed' ? 'dash_ev_closed' : 'dash_ev_abandoned');
    case 'steps-missed':
      return t('dash_ev_steps_missed', e.stepIds.join(', '));
  }
}

const score = (n: number | null, max: number) => (n === null ? t('dash_not_answered') : `${n} / ${max}`);

export function Timeline({ interactionId, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [data, setData] = useState<TimelineData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    el?.showModal();
    return () => {
      if (el?.open) el.close();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    let live = true;
    readDb()
      .then((db) => timeline(db, interactionId))
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(String(e)));
    return () => {
      live = false;
    };
  }, [interactionId]);

  const i = data?.interaction;
  const first = data?.attempts[0];
  const head = i ?? first;
  return (
    <dialog ref={dialog} class="timeline" aria-labelledby="rp-timeline-title" onClose={onClose}>
      <header class="timeline-head">
        <h2 id="rp-timeline-title">{t('dash_timeline_title', head?.ticketId || interactionId)}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('dash_close')}
        </button>
      </header>
      {error && <p class="error">{error}</p>}
      {!data && !error && <p role="status">{t('dash_loading')}</p>}
      {data && (
        <div class="timeline-body">
          {head && (
            <p class="muted">
              {t('dash_timeline_meta', head.repId || '—', head.helpdesk, head.channel, head.playbookId || '—', head.playbookVersion, head.variant || '—')}
            </p>
          )}
          <section aria-labelledby="rp-tl-steps">
            <h3 id="rp-tl-steps">{t('dash_tl_checklist')}</h3>
            {i ? (
              <ul>
                {Object.entries(i.steps)
                  .sort((x, y) => x[1] - y[1])
                  .map(([step, at]) => (
                    <li key={step}>
                      {t('dash_tl_step_done', step, shortDateTime(at))}
                    </li>
                  ))}
                <li>{i.resolvedAt === null ? t('dash_tl_not_resolved') : t('dash_tl_resolved_at', shortDateTime(i.resolvedAt))}</li>
                {i.endedAt !== null && <li>{t(i.endReason === 'abandoned' ? 'dash_tl_abandoned_at' : 'dash_tl_closed_at', shortDateTime(i.endedAt))}</li>}
              </ul>
            ) : (
              <p class="muted">{t('dash_tl_no_interaction', first?.source ?? '')}</p>
            )}
          </section>
          <section aria-labelledby="rp-tl-moves">
            <h3 id="rp-tl-moves">{t('dash_tl_moves')}</h3>
            <table class="compact">
              <thead>
                <tr>
                  <th scope="col">{t('dash_col_move')}</th>
                  <th scope="col">{t('dash_tl_shown')}</th>
                  <th scope="col">{t('dash_tl_offered')}</th>
                  <th scope="col">{t('dash_col_outcome')}</th>
                  <th scope="col">{t('dash_col_resolution_to_offer')}</th>
                </tr>
              </thead>
              <tbody>
                {data.attempts.map((a) => (
                  <tr key={a.id}>
                    <td class="wrap">
                      <span class={`kind kind-${a.moveKind}`}>{kindLabel(a.moveKind)}</span> {a.moveTitle || a.moveId}
                    </td>
                    <td>{shortDateTime(a.shownAt)}</td>
                    <td>{shortDateTime(a.offeredAt)}</td>
                    <td>
                      {outcomeLabel(a.outcome)}
                      {a.skipReason ? ` — ${skipLabel(a.skipReason)}` : ''}
                    </td>
                    <td>{formatSeconds(secondsResolutionToOffer(a))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="rp-tl-wrapup">
            <h3 id="rp-tl-wrapup">{t('dash_tl_wrapup')}</h3>
            {data.wrapup ? (
              <dl class="pairs">
                <dt>{t('wrapup_achieve_more')}</dt>
                <dd>{score(data.wrapup.vesAchieveMore, 5)}</dd>
                <dt>{t('wrapup_confidence')}</dt>
                <dd>{score(data.wrapup.vesConfidence, 5)}</dd>
                <dt>{t('wrapup_effort')}</dt>
                <dd>{score(data.wrapup.effort, 7)}</dd>
              </dl>
            ) : (
              <p class="muted">{t('dash_tl_no_wrapup')}</p>
            )}
          </section>
          <section aria-labelledby="rp-tl-events">
            <h3 id="rp-tl-events">{t('dash_tl_events')}</h3>
            {data.events.length === 0 ? (
              <p class="muted">{t('dash_tl_no_events')}</p>
            ) : (
              <ol class="events">
                {data.events.map((e) => (
                  <li key={e.id}>
                    <time dateTime={new Date(e.at).toISOString()}>{shortDateTime(e.at)}</time> {describe(e)}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </dialog>
  );
}
