/**
 * Writing CSV that is both correct (RFC 4180) and safe to open in a spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection"): Excel, LibreOffice and Sheets run a cell that starts with
 * `=`, `+`, `-`, `@`, tab or carriage return as a formula, and rep ids, move titles or ticket ids can
 * hold anything. Such text cells get a leading `'`, which spreadsheets treat as "this is text". A
 * leading line feed is guarded as well, like its CR sibling: importers that trim leading whitespace
 * would otherwise find a formula right behind it.
 *
 * The decision for numbers: a value the exporter itself emits as a JS number (playbook version,
 * seconds from resolution to offer, scores, counts) is written as a plain decimal, unprefixed, even
 * when negative — `-12.5` is inert in every spreadsheet, and a prefix would turn it into text that no
 * longer sums or sorts. Only strings are guarded, so data can never reach the unguarded path: a ticket
 * id "-1" is a string and becomes `'-1`.
 *
 * So the reader can undo the guard exactly, text that already starts with apostrophes followed by a
 * trigger (`'=x`) gets one more apostrophe too; `unguardCell` strips exactly one.
 *
 * Cells are quoted when they contain `"`, `,`, CR or LF (RFC 4180) — and also `;`, because Excel in
 * many European locales splits on `;`, and an unquoted `a;=1+1` would start a new, unguarded cell.
 */
import type { CellValue, Column } from './columns';

/**
 * Formula starters: ASCII `= + - @`, their full-width forms (＝＋－＠, which Excel and LibreOffice fold
 * to ASCII on entry in CJK locales), the small forms (﹦﹢﹣﹫), the minus sign (−) and tab/CR/LF — also
 * behind leading blanks (space, NBSP, ideographic space …) or invisible characters, which spreadsheets
 * and importers trim before deciding that a cell is a formula.
 */
const NEEDS_GUARD = /^'*[\s\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/u;
const GUARDED = /^'+[\s\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/u;
const NEEDS_QUOTES = /[",;\r\n]/;
const APOSTROPHE = 0x27;
const CRLF = '\r\n';
export const BOM = '\uFEFF';

export function csvCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = NEEDS_GUARD.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The inverse of the guard in `csvCell`, for a cell already unquoted by the CSV parser. */
export function unguardCell(cell: string): string {
  // Every guarded cell starts with an apostrophe: most cells are decided without running the regex.
  return cell.charCodeAt(0) === APOSTROPHE && GUARDED.test(cell) ? cell.slice(1) : cell;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark, so Excel on Windows reads "José Müller" as UTF-8. */
  readonly bom: boolean;
  /** Rows per yielded chunk; 1,000 by default. */
  readonly chunkRows?: number;
}

/**
 * The CSV as a sequence of strings (header first, CRLF after every row), each holding up to
 * `chunkRows` rows: feed them to a Blob or a stream, and only one chunk is ever built at a time.
 */
export function* csvChunks<Row>(rows: Iterable<Row>, columns: readonly Column<Row>[], options: CsvOptions): Generator<string, void, undefined> {
  const chunkRows = Math.max(1, Math.floor(options.chunkRows ?? 1_000));
  // Arrays joined once per chunk, not `+=`: concatenation keeps every chunk as a rope of small strings
  // (~1.8 kB of heap per row), joining flattens it (measured: export heap +150 MB → +43 MB at 100k rows).
  const header = (options.bom ? BOM : '') + columns.map((c) => csvCell(c.name)).join(',') + CRLF;
  let lines: string[] = [];
  let first = true;
  const cells: string[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) cells[i] = csvCell(columns[i]!.get(row));
    lines.push(cells.join(','));
    if (lines.length === chunkRows) {
      yield (first ? header : '') + lines.join(CRLF) + CRLF;
      first = false;
      lines = [];
    }
  }
  if (first || lines.length) yield (first ? header : '') + (lines.length ? lines.join(CRLF) + CRLF : '');
}

/** The whole CSV as one string: for small exports and tests. */
export function toCsv<Row>(rows: Iterable<Row>, columns: readonly Column<Row>[], options: CsvOptions): string {
  let out = '';
  for (const chunk of csvChunks(rows, columns, options)) out += chunk;
  return out;
}
