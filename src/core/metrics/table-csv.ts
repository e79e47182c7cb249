/**
 * Any metric table as CSV, through the same writer and formula guard as the log exports: a rep id like
 * "=HYPERLINK(…)" reaches the spreadsheet as text. Numbers stay numbers (shares as fractions, 0.42).
 */
import type { CellValue, Column } from '../csv/columns';
import { toCsv } from '../csv/write';

export function metricTableCsv(head: readonly string[], rows: readonly (readonly CellValue[])[], bom: boolean): string {
  const columns: Column<readonly CellValue[]>[] = head.map((name, i) => ({ name, get: (row) => row[i] ?? null }));
  return toCsv(rows, columns, { bom });
}
