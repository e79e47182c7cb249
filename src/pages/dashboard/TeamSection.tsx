/**
 * The dashboard's Team section: connection state, last sync, progress while the team stream is read,
 * per-rep freshness (silent reps flagged) and the source filter (this browser / team / imported).
 * Leads pull when the dashboard opens, on Refresh (App) and every few minutes while it stays open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TeamView } from '../../core/team/view';
import { t } from '../../shared/i18n';
import { healthFieldLabel, helpdeskName } from '../field-labels';
import { teamStatusText, teamTone } from '../team/status-text';
import { teamPullIfEnabled, teamStatus } from '../team/sync';
import { formatCount, shortDateTime } from './format';
import { SOURCE_FILTERS, type SourceFilter } from './source-filter';

const PULL_EVERY_MS = 3 * 60_000;
const PROGRESS_EVERY_MS = 400;

export function TeamSection({ source, onSource, onSynced }: { source: SourceFilter; onSource: (s: SourceFilter) => void; onSynced: () => void }) {
  const [view, setView] = useState<TeamView | null>(null);
  const synced = useRef(onSynced);
  synced.current = onSynced;

  useEffect(() => {
    let live = true;
    let poll: ReturnType<typeof setInterval> | null = null;
    const pull = async () => {
      // Progress: the worker reports messages read so far while the pull runs.
      poll ??= setInterval(() => void teamStatus().then((v) => live && setView(v), () => {}), PROGRESS_EVERY_MS);
      const v = await teamPullIfEnabled();
      if (poll) clearInterval(poll);
      poll = null;
      if (!live) return;
      if (v) setView(v);
      if (v?.enabled && v.pulled > 0) synced.current();
    };
    void pull();
    const every = setInterval(() => void pull(), PULL_EVERY_MS);
    return () => {
      live = false;
      clearInterval(every);
      if (poll) clearInterval(poll);
    };
  }, []);

  const tone = view ? teamTone(view) : 'off';
  return (
    <div class="team" data-team-state={view ? tone : 'loading'}>
      {view && (
        <p class={tone === 'error' ? 'banner warn' : 'muted'} role={tone === 'error' ? 'alert' : 'status'} data-team-status>
          {teamStatusText(view, shortDateTime)}
        </p>
      )}
      {view?.progress && view.progress.total > 0 && (
        <p role="status" data-team-progress>
          <progress max={view.progress.total} value={view.progress.done} />{' '}
          {t('team_progress', formatCount(view.progress.done), formatCount(view.progress.total))}
        </p>
      )}
      {view?.enabled && view.config && (
        <p class="muted small">
          {t('team_counts', view.config.role === 'lead' ? t('team_role_lead') : t('team_role_rep'), view.config.repId, formatCount(view.pending), formatCount(view.malformed))}
        </p>
      )}
      <label>
        {t('team_source_filter')}{' '}
        <select value={source} onChange={(e) => onSource(e.currentTarget.value as SourceFilter)} data-source-filter>
          {SOURCE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`team_source_${s}`)}
            </option>
          ))}
        </select>
      </label>
      {view && view.reps.length > 0 && (
        <table class="team-reps">
          <caption>{t('team_reps_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col_rep')}</th>
              <th scope="col">{t('team_col_events')}</th>
              <th scope="col">{t('team_col_last')}</th>
              <th scope="col">{t('team_col_fresh')}</th>
            </tr>
          </thead>
          <tbody>
            {view.reps.map((r) => (
              <tr key={r.repId} class={r.silent ? 'silent' : ''} data-rep={r.repId}>
                <th scope="row">{r.repId}</th>
                <td>{formatCount(r.events)}</td>
                <td>{shortDateTime(r.lastAt)}</td>
                <td>{r.silent ? <strong class="warn-text">{t('team_silent', Math.floor(r.workingDaysSilent))}</strong> : t('team_fresh')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view?.enabled && view.health.length === 0 && <p class="muted small">{t('team_health_none')}</p>}
      {view && view.health.length > 0 && (
        <table class="team-health" data-team-health>
          <caption>{t('team_health_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team_col_helpdesk')}</th>
              <th scope="col">{t('team_col_field')}</th>
              <th scope="col">{t('team_col_failing')}</th>
              <th scope="col">{t('team_col_since')}</th>
            </tr>
          </thead>
          <tbody>
            {view.health.map((h) => (
              <tr key={`${h.helpdesk}/${h.field}`} data-health-field={`${h.helpdesk}/${h.field}`} data-failing={h.failingReps.length}>
                <td>{helpdeskName(h.helpdesk)}</td>
                <th scope="row" title={h.field}>
                  {healthFieldLabel(h.field)}
                </th>
                <td title={h.failingReps.join(', ')}>
                  <strong class="warn-text">{t('team_health_reps', formatCount(h.failingReps.length), formatCount(h.reportingReps))}</strong>{' '}
                  <span class="muted small">({h.failingReps.join(', ')})</span>
                </td>
                <td>{shortDateTime(h.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
