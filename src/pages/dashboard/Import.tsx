/**
 * Import / merge other reps' logs: drop files or choose them (several at once; attempts CSV or JSON
 * backup). Each file is checked here in the page, its bad rows listed by line (or path), then its good
 * records go to the worker in `log/merge` chunks of ≤ 5,000 rows with progress. The worker never
 * overwrites an id it already has, so a re-imported or bad file leaves stored records as they were.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../messaging/client';
import { t } from '../../shared/i18n';
import { formatCount } from './format';
import type { ImportProblem } from './import-file';
import { countRows, mergeChunks } from './merge-chunks';
import { yieldToEventLoop } from './stream';

/** Problems listed per file; the rest are counted. */
const SHOWN_PROBLEMS = 50;

interface FileReport {
  readonly name: string;
  readonly state: 'reading' | 'merging' | 'done' | 'refused' | 'failed';
  readonly kind?: 'csv' | 'backup';
  readonly rows: number;
  readonly added: number;
  readonly duplicates: number;
  readonly problems: readonly ImportProblem[];
  readonly error?: string;
}

function where(p: ImportProblem): string {
  if (p.line !== undefined) return p.line > 0 ? t('dash_import_line', p.line) : t('dash_import_whole_file');
  return p.path ? p.path : t('dash_import_whole_file');
}

function Report({ r }: { readonly r: FileReport }) {
  const summary =
    r.state === 'reading'
      ? t('dash_import_reading')
      : r.state === 'merging'
        ? t('dash_import_merging', formatCount(r.added + r.duplicates), formatCount(r.rows))
        : r.state === 'refused'
          ? t('dash_import_refused')
          : r.state === 'failed'
            ? t('dash_import_failed', r.error ?? '')
            : t('dash_import_done', formatCount(r.added), formatCount(r.duplicates), formatCount(r.problems.length));
  return (
    <li class={`import-file import-${r.state}`}>
      <p>
        <strong>{r.name}</strong> — {summary}
      </p>
      {r.problems.length > 0 && (
        <details open={r.problems.length <= 5}>
          <summary>{t('dash_import_problems', formatCount(r.problems.length))}</summary>
          <ul class="problems">
            {r.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <span class="where">{where(p)}</span>: {p.message}
              </li>
            ))}
            {r.problems.length > SHOWN_PROBLEMS && <li>{t('dash_import_more', formatCount(r.problems.length - SHOWN_PROBLEMS))}</li>}
          </ul>
        </details>
      )}
    </li>
  );
}

export function Import({ onImported }: { readonly onImported: () => void }) {
  const [reports, setReports] = useState<FileReport[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;
  const zone = useRef<HTMLDivElement>(null);
  const importRef = useRef<(files: readonly File[]) => void>(() => {});

  async function importFiles(files: readonly File[]) {
    if (busy || files.length === 0) return;
    let list: FileReport[] = files.map((f) => ({ name: f.name, state: 'reading', rows: 0, added: 0, duplicates: 0, problems: [] }));
    const update = (i: number, patch: Partial<FileReport>) => {
      list = list.map((r, j) => (j === i ? { ...r, ...patch } : r));
      setReports(list);
    };
    setReports(list);
    setProgress({ done: 0, total: 0 });
    let anyAdded = false;
    let done = 0;
    let total = 0;
    for (const [i, file] of files.entries()) {
      try {
        await yieldToEventLoop(); // paint "reading" before a large parse holds the thread
        // The CSV parser (Papa Parse) and the schemas load on the first import, not with the page.
        const { parseImport } = await import('./import-file');
        const parsed = parseImport(await file.text(), file.name);
        total += parsed.rows;
        setProgress({ done, total });
        update(i, { kind: parsed.kind, rows: parsed.rows, problems: parsed.problems, state: parsed.refused ? 'refused' : 'merging' });
        if (parsed.refused) continue;
        let added = 0;
        let duplicates = 0;
        for (const chunk of mergeChunks(parsed.records)) {
          const r = await send('log/merge', chunk);
          added += r.added;
          duplicates += r.duplicates;
          done += countRows(chunk);
          setProgress({ done, total });
          update(i, { added, duplicates });
        }
        anyAdded ||= added > 0;
        update(i, { state: 'done' });
      } catch (e) {
        update(i, { state: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    }
    setProgress(null);
    if (anyAdded) onImported();
  }

  importRef.current = (files) => void importFiles(files);
  // Dropping is a mouse shortcut only; the file input inside is the keyboard path. Listeners are
  // attached here rather than as JSX props because the zone itself is not a control.
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const over = (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    };
    const leave = () => setOver(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      importRef.current([...(e.dataTransfer?.files ?? [])]);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      <div ref={zone} class={over ? 'dropzone over' : 'dropzone'}>
        <p>{t('dash_import_drop')}</p>
        <input
            type="file"
            aria-label={t('dash_import_choose')}
            multiple
            accept=".csv,.json,text/csv,application/json"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget;
              void importFiles([...(input.files ?? [])]).finally(() => {
                input.value = ''; // choosing the same file again should import again
              });
            }}
          />
        <p class="muted small">{t('dash_import_hint')}</p>
      </div>
      {progress && (
        <div class="progress-row">
          <span id="rp-import-job">{t('dash_import_progress')}</span>
          {progress.total > 0 ? <progress aria-labelledby="rp-import-job" max={progress.total} value={progress.done} /> : <progress aria-labelledby="rp-import-job" />}
          <span class="small muted">{t('dash_progress_rows', formatCount(progress.done), formatCount(progress.total))}</span>
        </div>
      )}
      {reports.length > 0 && (
        <ul class="import-report" aria-live="polite">
          {reports.map((r, i) => (
            <Report key={i} r={r} />
          ))}
        </ul>
      )}
    </>
  );
}
