/** Team-lead dashboard (minimal foundation view: the latest interactions and VE attempts). */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Attempt, Interaction } from '../../core/log/types';
import { formatDateTime, t } from '../../shared/i18n';
import { openLogDB } from '../../storage/open';

function Dashboard() {
  const [interactions, setInteractions] = useState<Interaction[] | null>(null);
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    openLogDB()
      .then(async (db) => {
        setInteractions(await db.getAll('interactions'));
        setAttempts(await db.getAll('attempts'));
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>{t('dashboard_title')}</h1>
      {error && <p class="warn">{error}</p>}
      <section class="card">
        <h2>{t('dashboard_interactions')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('col_started')}</th>
              <th>{t('col_helpdesk')}</th>
              <th>{t('col_ticket')}</th>
              <th>{t('col_rep')}</th>
              <th>{t('col_steps')}</th>
            </tr>
          </thead>
          <tbody>
            {(interactions ?? []).map((i) => (
              <tr key={i.id} data-interaction={i.id}>
                <td>{formatDateTime(i.startedAt)}</td>
                <td>{i.helpdesk}</td>
                <td>{i.ticketId}</td>
                <td>{i.repId}</td>
                <td>{Object.keys(i.steps).length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card">
        <h2>{t('dashboard_attempts')}</h2>
        <p class="muted">{attempts.length}</p>
      </section>
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
