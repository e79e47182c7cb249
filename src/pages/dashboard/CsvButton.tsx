/** "Download CSV" for one metric table: the same writer and formula guard as the log exports. */
import type { CellValue } from '../../core/csv/columns';
import { metricTableCsv } from '../../core/metrics/table-csv';
import { t } from '../../shared/i18n';
import { downloadBlob, exportFileName } from './download';

export interface CsvTable {
  /** File name part: `resolve-plus-<name>-<date>.csv`. */
  readonly name: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
}

export function CsvButton({ table, label, bom = false }: { readonly table: CsvTable; readonly label: string; readonly bom?: boolean }) {
  const save = () => downloadBlob([metricTableCsv(table.head, table.rows, bom)], 'text/csv;charset=utf-8', exportFileName(table.name, 'csv'));
  return (
    <button type="button" class="csv no-print" onClick={save} aria-label={t('lead_csv_of', label)}>
      {t('lead_csv')}
    </button>
  );
}
