/** Team mode in the toolbar popup: one line, only when team mode is on (or misconfigured). */
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../core/team/view';
import { teamStatusText, teamTone } from '../team/status-text';
import { teamStatus } from '../team/sync';

const when = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function TeamStatus() {
  const [view, setView] = useState<TeamView | null>(null);
  useEffect(() => {
    void teamStatus().then(setView, () => {});
  }, []);
  if (!view || teamTone(view) === 'off') return null;
  const tone = teamTone(view);
  return (
    <p class={tone === 'error' ? 'warn small' : 'muted small'} role={tone === 'error' ? 'alert' : 'status'} data-team-status>
      {teamStatusText(view, when)}
    </p>
  );
}
