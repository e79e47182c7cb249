/** Every picture's numbers as a real table, folded under it: screen readers and copy-paste get the data. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { CsvButton, type CsvTable } from './CsvButton';

interface Props {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly ComponentChildren[])[];
  /** The same table as raw values (numbers stay numbers) for its CSV download. */
  readonly csv?: CsvTable;
}

export function ChartTable({ caption, head, rows, csv }: Props) {
  // Built only while open: a folded table costs nothing on each filter change.
  const [open, setOpen] = useState(false);
  return (
    <>
    {csv && <CsvButton table={csv} label={caption} />}
    <details class="as-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('dash_show_table')}</summary>
      {open && (
      <table class="compact">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
      )}
    </details>
    </>
  );
}
