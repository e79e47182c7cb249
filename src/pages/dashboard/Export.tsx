/**
 * Exports: the filtered attempts and their interactions as CSV (streamed in chunks with progress and
 * Cancel, handing the event loop back between chunks), and a JSON backup of the whole log.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ATTEMPT_COLUMNS, INTERACTION_COLUMNS } from '../../core/csv/columns';
import { attemptRows, interactionRows } from '../../core/csv/rows';
import { csvChunks } from '../../core/csv/write';
import { serializeBackup } from '../../core/log/backup';
import type { Attempt, Interaction, Wrapup } from '../../core/log/types';
import { t } from '../../shared/i18n';
import { loadEvents, loadLog, readDb } from './db';
import { downloadBlob, exportFileName } from './download';
import { formatCount } from './format';
import { Cancelled, collectChunks, yieldToEventLoop } from './stream';

const CHUNK_ROWS = 2_000;

interface Props {
  /** The rows the table shows (filtered, in table order). */
  readonly attempts: readonly Attempt[];
  readonly interactions: readonly Interaction[];
  /** Every attempt, so an interaction's tallies are whole even when the filter hides some of its attempts. */
  readonly allAttempts: readonly Attempt[];
  readonly wrapups: readonly Wrapup[];
  readonly bomDefault: boolean;
  readonly ready: boolean;
}

interface Job {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export function Export({ attempts, interactions, allAttempts, wrapups, bomDefault, ready }: Props) {
  const [bom, setBom] = useState(bomDefault);
  const [job, setJob] = useState<Job | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  useEffect(() => setBom(bomDefault), [bomDefault]);
  useEffect(() => () => abort.current?.abort(), []);

  async function run(label: string, total: number, work: (signal: AbortSignal, progress: (done: number) => void) => Promise<string>) {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setMessage('');
    setJob({ label, done: 0, total });
    try {
      const done = await work(ctrl.signal, (d) => setJob({ label, done: d, total }));
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof Cancelled ? t('dash_export_cancelled') : t('dash_export_failed', e instanceof Error ? e.message : String(e)));
    } finally {
      abort.current = null;
      setJob(null);
    }
  }

  const csv = (kind: 'attempts' | 'interactions') => {
    const total = kind === 'attempts' ? attempts.length : interactions.length;
    return run(t(kind === 'attempts' ? 'dash_export_attempts' : 'dash_export_interactions'), total, async (signal, progress) => {
      const chunks =
        kind === 'attempts'
          ? csvChunks(attemptRows(attempts, wrapups), ATTEMPT_COLUMNS, { bom, chunkRows: CHUNK_ROWS })
          : csvChunks(interactionRows(interactions, allAttempts, wrapups), INTERACTION_COLUMNS, { bom, chunkRows: CHUNK_ROWS });
      const parts = await collectChunks(chunks, { total, rowsPerChunk: CHUNK_ROWS, signal, onProgress: progress });
      downloadBlob(parts, 'text/csv;charset=utf-8', exportFileName(kind, 'csv'));
      return t('dash_exported_rows', formatCount(total));
    });
  };

  const backup = () =>
    run(t('dash_export_backup'), 0, async (signal, progress) => {
      const db = await readDb();
      const log = await loadLog(db);
      const events = await loadEvents(db, progress);
      if (signal.aborted) throw new Cancelled();
      await yieldToEventLoop();
      const json = serializeBackup({ ...log, events });
      downloadBlob([json], 'application/json', exportFileName('backup', 'json'));
      return t('dash_exported_backup', formatCount(events.length), formatCount(log.attempts.length));
    });

  const busy = job !== null || !ready;
  return (
    <>
      <p class="muted">{t('dash_export_intro', formatCount(attempts.length), formatCount(interactions.length))}</p>
      <label class="check">
        <input type="checkbox" checked={bom} onChange={(e) => setBom(e.currentTarget.checked)} />
        {t('dash_export_bom')}
      </label>
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={() => csv('attempts')}>
          {t('dash_export_attempts')}
        </button>
        <button type="button" disabled={busy} onClick={() => csv('interactions')}>
          {t('dash_export_interactions')}
        </button>
        <button type="button" disabled={busy} onClick={backup}>
          {t('dash_export_backup')}
        </button>
      </div>
      {job && (
        <div class="progress-row">
          <span id="rp-export-job">{job.label}</span>
          {job.total > 0 ? <progress aria-labelledby="rp-export-job" max={job.total} value={job.done} /> : <progress aria-labelledby="rp-export-job" />}
          <span class="small muted">
            {job.total > 0 ? t('dash_progress_rows', formatCount(job.done), formatCount(job.total)) : t('dash_progress_records', formatCount(job.done))}
          </span>
          <button type="button" onClick={() => abort.current?.abort()}>
            {t('dash_cancel')}
          </button>
        </div>
      )}
      <p role="status" class="small">
        {message}
      </p>
    </>
  );
}
