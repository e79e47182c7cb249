/**
 * Playbook files. Export downloads the editor's playbook as JSON; import (a file or pasted text) is
 * validated with the engine's `parsePlaybookJson` and only then loaded into the editor — a bad file is
 * refused with its problems by path and changes nothing.
 */
import { useState } from 'preact/hooks';
import type { Playbook, PlaybookIssue } from '../../core/playbook';
import { t } from '../../shared/i18n';
import { downloadText } from '../download';
import { exportFileName, exportText, fileTooLarge, importText } from './io';

export interface ImportExportProps {
  /** What Export writes; null while the draft is invalid. */
  readonly exportable: Playbook | null;
  readonly readOnly: boolean;
  readonly onImport: (pb: Playbook, warnings: readonly PlaybookIssue[], from: string) => void;
}

type Result = { readonly kind: 'errors'; readonly from: string; readonly errors: readonly string[] } | null;

export function ImportExport({ exportable, readOnly, onImport }: ImportExportProps) {
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<Result>(null);
  const run = (text: string, from: string) => {
    const r = importText(text);
    if (!r.ok) {
      setResult({ kind: 'errors', from, errors: r.errors });
      return;
    }
    setResult(null);
    onImport(r.playbook, r.warnings, from);
  };
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (fileTooLarge(file.size)) {
      setResult({ kind: 'errors', from: file.name, errors: [t('options_import_too_large')] });
      return;
    }
    run(await file.text(), file.name);
  };
  return (
    <section class="card" aria-labelledby="io-title">
      <h2 id="io-title">{t('options_io_title')}</h2>
      <div class="row">
        <button type="button" aria-disabled={exportable ? undefined : 'true'} aria-describedby={exportable ? undefined : 'export-blocked'} onClick={() => exportable && downloadText(exportFileName(exportable), exportText(exportable))}>
          {t('options_export')}
        </button>
        {!exportable && (
          <span class="muted" id="export-blocked">
            {t('options_export_blocked')}
          </span>
        )}
      </div>
      {readOnly ? (
        <p class="muted">{t('options_import_managed')}</p>
      ) : (
        <>
          <p class="hint">{t('options_import_hint')}</p>
          <div class="field">
            <label for="import-file">{t('options_import_file')}</label>
            <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e.currentTarget)} />
          </div>
          <div class="field wide">
            <label for="import-paste">{t('options_import_paste')}</label>
            <textarea id="import-paste" class="mono" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
          </div>
          <button type="button" onClick={() => run(pasted, t('options_import_pasted'))}>
            {t('options_import_paste_button')}
          </button>
        </>
      )}
      {result && (
        <div class="import-errors" role="alert">
          <p>
            <strong>{t('options_import_rejected', result.from, result.errors.length)}</strong>
          </p>
          <ul>
            {result.errors.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
