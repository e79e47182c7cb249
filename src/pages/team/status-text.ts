/** How team-mode state reads on every page (options, dashboard, popup): one wording, localised. */
import type { TeamView } from '../../core/team/view';
import { t } from '../../shared/i18n';

export type TeamTone = 'off' | 'ok' | 'error' | 'syncing';

export function teamTone(v: TeamView): TeamTone {
  if (!v.enabled && v.problems.length === 0) return 'off';
  if (v.failure) return 'error';
  if (v.running) return 'syncing';
  return 'ok';
}

/** One sentence: off, the failure named, or connected with the last sync time. */
export function teamStatusText(v: TeamView, formatTime: (ms: number) => string): string {
  const tone = teamTone(v);
  if (tone === 'off') return t('team_off');
  if (v.failure) {
    const named = t(`team_fail_${v.failure.kind.replace('-', '_')}`);
    const detail = v.failure.kind === 'config' && v.problems.length > 0 ? ` ${v.problems.join('; ')}` : '';
    return `${named}${detail}`;
  }
  const last = Math.max(v.lastPublishAt ?? 0, v.lastPullAt ?? 0);
  return last > 0 ? t('team_ok_since', formatTime(last)) : t('team_ok_never');
}
