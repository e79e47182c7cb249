/** Every picture's numbers as a real table, folded under it: screen readers and copy-paste get the data. */
import type { ComponentChildren } from 'preact';
import { t } from '../../shared/i18n';

interface Props {
  readonly caption: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly ComponentChildren[])[];
}

export function ChartTable({ caption, head, rows }: Props) {
  return (
    <details class="as-table">
      <summary>{t('dash_show_table')}</summary>
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
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and rebuilt together
            <tr key={i}>
              {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
