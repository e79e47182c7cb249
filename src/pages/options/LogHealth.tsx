/**
 * The event log's health on the options page: how many events the worker refused (kept aside, never
 * blocking the rest), an export of them, and "Rebuild from log", which recomputes every derived record
 * from the events (src/storage/ingest.ts). Reaches the worker by message only.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import { downloadText } from '../download';

type Rebuild = { state: 'idle' } | { state: 'busy' } | { state: 'done'; text: string } | { state: 'failed'; text: string };

export function LogHealth() {
  const [rejected, setRejected] = useState<number | null>(null);
  const [rebuild, setRebuild] = useState<Rebuild>({ state: 'idle' });
  const load = () =>
    send('log/rejected', {})
      .then((r) => setRejected(r.total))
      .catch(() => setRejected(null));
  useEffect(() => void load(), []);

  async function runRebuild() {
    setRebuild({ state: 'busy' });
    try {
      const c = await send('log/rebuild', {});
      setRebuild({ state: 'done', text: t('options_log_rebuilt', c.events, c.interactions, c.attempts, c.wrapups) });
    } catch (e) {
      setRebuild({ state: 'failed', text: t('options_log_rebuild_failed', e instanceof Error ? e.message : String(e)) });
    }
    void load();
  }

  async function exportRejected() {
    const { rows } = await send('log/rejected', {});
    downloadText(`resolve-plus-refused-events-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(rows, null, 1), 'application/json');
  }

  return (
    <section class="card" aria-labelledby="log-health-title" data-log-health>
      <h2 id="log-health-title">{t('options_log_title')}</h2>
      <p class="hint">{t('options_log_hint')}</p>
      {rejected !== null && (
        <p data-rejected-count={rejected}>
          {rejected === 0 ? t('options_log_rejected_none') : t('options_log_rejected', rejected)}{' '}
          {rejected > 0 && (
            <button type="button" onClick={() => void exportRejected()}>
              {t('options_log_rejected_export')}
            </button>
          )}
        </p>
      )}
      <p>
        <button type="button" disabled={rebuild.state === 'busy'} onClick={() => void runRebuild()}>
          {rebuild.state === 'busy' ? t('options_log_rebuilding') : t('options_log_rebuild')}
        </button>{' '}
        <span role="status" data-rebuild-result>
          {rebuild.state === 'done' || rebuild.state === 'failed' ? rebuild.text : ''}
        </span>
      </p>
    </section>
  );
}
