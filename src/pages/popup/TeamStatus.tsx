/** Team mode in the toolbar popup: one line, only when team mode is on (or misconfigured). */
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../core/team/view';
import { formatDateTime, t, uiLocale } from '../../shared/i18n';
import { teamStatusText, teamTone } from '../team/status-text';
import { teamStatus } from '../team/sync';

// Times in the language the popup's text is in (the browser's may be one we have no catalogue for).
const when = (ms: number) => new Date(ms).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });

export function TeamStatus() {
  const [view, setView] = useState<TeamView | null>(null);
  useEffect(() => {
    void teamStatus().then(setView, () => {});
  }, []);
  if (!view || teamTone(view) === 'off') return null;
  const tone = teamTone(view);
  const verdict = (v: boolean | null) => (v === null ? null : v ? t('popup_review_yes') : t('popup_review_no'));
  return (
    <>
      <p class={tone === 'error' ? 'warn small' : 'muted small'} role={tone === 'error' ? 'alert' : 'status'} data-team-status>
        {teamStatusText(view, when)}
      </p>
      {view.reviews.length > 0 && (
        <section class="lead-notes" data-lead-notes aria-label={t('popup_lead_notes')}>
          <h2>{t('popup_lead_notes')}</h2>
          <ul>
            {view.reviews.map((r) => (
              <li key={r.attemptId} data-review-attempt={r.attemptId}>
                <p class="small muted">{t('popup_review_head', r.reviewer, r.moveTitle, r.ticketId, formatDateTime(r.reviewedAt))}</p>
                {r.note && <p class="note">{r.note}</p>}
                <p class="small">
                  {[
                    [t('popup_review_resolution_first'), verdict(r.resolutionFirst)],
                    [t('popup_review_fit'), verdict(r.fit)],
                    [t('popup_review_tone'), verdict(r.tone)],
                  ]
                    .filter(([, v]) => v !== null)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
