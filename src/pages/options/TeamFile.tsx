/**
 * Team mode on the options page: the team file import (for teams without policy tools; a policy's
 * `team` key wins and makes this read-only), what is configured (never the password or token), and
 * the connection's state — a wrong password or a missing permission is named here within seconds.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../core/team/view';
import { send } from '../../messaging/client';
import { formatDateTime, t } from '../../shared/i18n';
import { teamStatusText, teamTone } from '../team/status-text';
import { teamStatus } from '../team/sync';

/** A team file is a few hundred bytes; anything large is not one. */
const MAX_TEAM_FILE_BYTES = 64 * 1024;

const when = formatDateTime;

export function TeamFile() {
  const [view, setView] = useState<TeamView | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void teamStatus().then(setView, () => {});
  }, []);

  const importFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0];
    input.value = '';
    if (!f) return;
    setErrors([]);
    if (f.size > MAX_TEAM_FILE_BYTES) return setErrors([t('team_file_too_large', f.name)]);
    setBusy(true);
    try {
      const r = await send('team/import', { text: await f.text() });
      setErrors(r.errors.map((x) => `${f.name}: ${x}`));
      setView(r.view);
    } catch (err) {
      setErrors([err instanceof Error ? err.message : String(err)]);
    } finally {
      setBusy(false);
    }
  };
  const check = async () => {
    setBusy(true);
    try {
      setView(await send('team/sync', { pull: false }));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => setView(await send('team/remove', {}));

  const tone = view ? teamTone(view) : 'off';
  const byPolicy = view?.source === 'policy';
  return (
    <section class="card" aria-labelledby="team-title" data-team-state={view ? tone : 'loading'}>
      <h2 id="team-title">{t('team_title')}</h2>
      <p class="hint">{t('team_hint')}</p>
      {view && (
        <p class={tone === 'error' ? 'status error' : 'status'} role={tone === 'error' ? 'alert' : 'status'} data-team-status>
          {busy ? t('team_checking') : teamStatusText(view, when)}
        </p>
      )}
      {view?.config && (
        <dl class="team-config">
          <dt>{t('team_source')}</dt>
          <dd>{byPolicy ? t('team_source_policy') : t('team_source_file')}</dd>
          <dt>{t('team_servers')}</dt>
          <dd>{view.config.servers.join(', ')}</dd>
          <dt>{t('team_identity')}</dt>
          <dd>
            {view.config.user ?? t('team_token')} · {view.config.repId} · {view.config.role === 'lead' ? t('team_role_lead') : t('team_role_rep')}
          </dd>
          <dt>{t('team_queue')}</dt>
          <dd>{t('team_queue_value', view.pending, view.published, view.malformed)}</dd>
        </dl>
      )}
      {byPolicy ? (
        <p class="muted">{t('team_policy_wins')}</p>
      ) : (
        <div class="row">
          <div class="field">
            <label for="team-file">{t('team_import')}</label>
            <input id="team-file" type="file" accept=".json,application/json" onChange={importFile} disabled={busy} />
          </div>
          {view?.enabled && (
            <>
              <button type="button" onClick={check} disabled={busy}>
                {t('team_check')}
              </button>
              <button type="button" onClick={remove} disabled={busy}>
                {t('team_remove')}
              </button>
            </>
          )}
        </div>
      )}
      {errors.length > 0 && (
        <ul class="status error" role="alert">
          {errors.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
