/**
 * Reading an attempts CSV exported by Resolve Plus (a rep's export, for a team lead's merge).
 *
 * papaparse does the CSV grammar; this file maps our column names (by header, so appended columns from
 * a later version are ignored), undoes the formula guard, turns ISO times back into epoch ms and
 * validates each row with the same schema as every other import. A bad row is reported by file and
 * line — the line in a text editor where the row starts, which a quoted line break can push past the
 * row count — and skipped; the good rows are kept.
 *
 * Two fields are not in the export: the interaction id, which is recovered from
 * `attempt_id = <interaction id>:<move_id>`, and the shown time, which comes back null. Every row's
 * `source` becomes the file's name, so a merged log shows where each attempt came from.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { MAX_REPORTED_PROBLEMS } from '../log/backup';
import { type Attempt, MAX_FREE_TEXT } from '../log/types';
import { attemptSchema, importTooLarge, issueMessage } from '../log/validate';
import { isValidAttempt } from '../log/validate-fast';
import type { AttemptColumnName } from './columns';
import { isoTimeMs } from './iso-time';
import { lineCounter } from './lines';
import { unguardCell } from './write';

export interface CsvProblem {
  readonly file: string;
  /** 1-based line where the row starts (the header is line 1); 0 for the file as a whole. */
  readonly line: number;
  readonly message: string;
}

export interface AttemptsCsvResult {
  readonly rows: Attempt[];
  readonly errors: CsvProblem[];
}

/** The columns an attempt is rebuilt from; the derived ones (seconds, scores) and `source` are optional. */
export const REQUIRED_ATTEMPT_COLUMNS = [
  'attempt_id',
  'logged_at',
  'rep_id',
  'helpdesk',
  'ticket_id',
  'channel',
  'customer_key',
  'playbook_id',
  'playbook_version',
  'variant',
  'move_id',
  'move_kind',
  'move_title',
  'resolution_confirmed_at',
  'offered_at',
  'outcome',
  'skip_reason',
  'outcome_at',
] as const satisfies readonly AttemptColumnName[];
type Required = (typeof REQUIRED_ATTEMPT_COLUMNS)[number];

/** Which column to blame when the schema refuses a field. */
const COLUMN_OF_FIELD: Partial<Record<keyof Attempt, Required>> = {
  id: 'attempt_id',
  interactionId: 'attempt_id',
  loggedAt: 'logged_at',
  repId: 'rep_id',
  helpdesk: 'helpdesk',
  ticketId: 'ticket_id',
  channel: 'channel',
  customerKey: 'customer_key',
  playbookId: 'playbook_id',
  playbookVersion: 'playbook_version',
  variant: 'variant',
  moveId: 'move_id',
  moveKind: 'move_kind',
  moveTitle: 'move_title',
  resolutionConfirmedAt: 'resolution_confirmed_at',
  offeredAt: 'offered_at',
  outcome: 'outcome',
  skipReason: 'skip_reason',
  outcomeAt: 'outcome_at',
};

const WHOLE_NUMBER = /^-?\d{1,15}$/;

class CellError extends Error {}

function time(cell: string, column: string): number | null {
  if (cell === '') return null;
  const ms = isoTimeMs(cell);
  if (Number.isNaN(ms)) {
    throw new CellError(`${column}: expected an ISO 8601 time like 2024-05-06T09:00:00.000Z, got ${JSON.stringify(cell.slice(0, 40))}`);
  }
  return ms;
}

function wholeNumber(cell: string, column: string): number {
  if (!WHOLE_NUMBER.test(cell)) throw new CellError(`${column}: expected a whole number, got ${JSON.stringify(cell.slice(0, 40))}`);
  return Number(cell);
}

export function parseAttemptsCsv(text: string, fileName: string): AttemptsCsvResult {
  const rows: Attempt[] = [];
  const errors: CsvProblem[] = [];
  let unreported = 0;
  const report = (line: number, message: string) => {
    if (errors.length < MAX_REPORTED_PROBLEMS) errors.push({ file: fileName, line, message });
    else unreported++;
  };

  const tooLarge = importTooLarge(text, fileName);
  if (tooLarge) return { rows, errors: [{ file: fileName, line: 0, message: tooLarge }] };

  // Excel writes a BOM; strip it here so the cursor offsets below are offsets into `body`.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = fileName.slice(0, MAX_FREE_TEXT);

  let index: Record<Required, number> | null = null;
  let width = 0;
  /** First line of each attempt id seen, to report duplicates against it. */
  const seen = new Map<string, number>();
  // Line tracking: papaparse reports where each row ends, which is where the next one starts.
  const lineAt = lineCounter(body);
  let rowStart = 0;

  Papa.parse<string[]>(body, {
    delimiter: ',',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const rowLine = lineAt(rowStart);
      rowStart = result.meta.cursor;
      const cells = result.data;

      if (!index) {
        const problem = readHeader(cells, fileName);
        if (typeof problem === 'string') {
          report(1, problem);
          parser.abort();
          return;
        }
        index = problem;
        width = cells.length;
        return;
      }
      if (cells.length === 1 && cells[0] === '') return; // blank line
      const parseError = result.errors[0];
      if (parseError) {
        report(rowLine, `${parseError.message} — row skipped`);
        return;
      }
      if (cells.length !== width) {
        report(rowLine, `expected ${width} fields like the header, found ${cells.length} — row skipped`);
        return;
      }
      const built = buildAttempt(cells, index, source);
      if (typeof built === 'string') {
        report(rowLine, built);
        return;
      }
      const first = seen.get(built.id);
      if (first !== undefined) {
        report(rowLine, `attempt_id ${JSON.stringify(built.id)} already appeared on line ${first}; kept the first`);
        return;
      }
      seen.set(built.id, rowLine);
      rows.push(built);
    },
  });

  if (!index && errors.length === 0) report(0, `"${fileName}" is empty: expected a header row with ${REQUIRED_ATTEMPT_COLUMNS.join(', ')}`);
  if (unreported > 0) {
    errors.push({ file: fileName, line: 0, message: `… and ${unreported.toLocaleString('en')} more problems in "${fileName}"; those rows were skipped too` });
  }
  return { rows, errors };
}

/** Column positions by name, or a sentence naming what is missing or ambiguous. */
function readHeader(cells: readonly string[], fileName: string): Record<Required, number> | string {
  const positions = new Map<string, number[]>();
  cells.forEach((raw, i) => {
    const name = raw.trim();
    positions.set(name, [...(positions.get(name) ?? []), i]);
  });
  const missing = REQUIRED_ATTEMPT_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    return `"${fileName}" is not a Resolve Plus attempts export: the header lacks ${missing.join(', ')}`;
  }
  const doubled = REQUIRED_ATTEMPT_COLUMNS.filter((c) => (positions.get(c)?.length ?? 0) > 1);
  if (doubled.length > 0) return `"${fileName}" has more than one column named ${doubled.join(', ')}`;
  return Object.fromEntries(REQUIRED_ATTEMPT_COLUMNS.map((c) => [c, positions.get(c)![0]!])) as Record<Required, number>;
}

/** The text of one cell, formula guard undone; '' for a cell the row lacks. */
function cellAt(cells: readonly string[], position: number): string {
  return unguardCell(cells[position] ?? '');
}

function nullIfEmpty(cell: string): string | null {
  return cell === '' ? null : cell;
}

/**
 * A validated attempt, or a sentence saying which column is wrong. Positions are read as named properties
 * (`index.logged_at`), not through a helper taking the column's name: a lookup by a varying key was a
 * measurable part of a 100,000-row import.
 */
function buildAttempt(cells: readonly string[], index: Record<Required, number>, source: string): Attempt | string {
  let candidate: Record<keyof Attempt, unknown>;
  try {
    const id = cellAt(cells, index.attempt_id);
    const moveId = cellAt(cells, index.move_id);
    const suffix = `:${moveId}`;
    if (!id.endsWith(suffix) || id.length === suffix.length) {
      throw new CellError('attempt_id: must be <interaction id>:<move_id>');
    }
    candidate = {
      id,
      interactionId: id.slice(0, id.length - suffix.length),
      loggedAt: time(cellAt(cells, index.logged_at), 'logged_at'),
      repId: cellAt(cells, index.rep_id),
      helpdesk: cellAt(cells, index.helpdesk),
      ticketId: cellAt(cells, index.ticket_id),
      channel: cellAt(cells, index.channel),
      customerKey: cellAt(cells, index.customer_key),
      playbookId: cellAt(cells, index.playbook_id),
      playbookVersion: wholeNumber(cellAt(cells, index.playbook_version), 'playbook_version'),
      variant: cellAt(cells, index.variant),
      moveId,
      moveKind: cellAt(cells, index.move_kind),
      moveTitle: cellAt(cells, index.move_title),
      resolutionConfirmedAt: time(cellAt(cells, index.resolution_confirmed_at), 'resolution_confirmed_at'),
      shownAt: null,
      offeredAt: time(cellAt(cells, index.offered_at), 'offered_at'),
      outcome: nullIfEmpty(cellAt(cells, index.outcome)),
      skipReason: nullIfEmpty(cellAt(cells, index.skip_reason)),
      outcomeAt: time(cellAt(cells, index.outcome_at), 'outcome_at'),
      source,
    };
  } catch (e) {
    if (e instanceof CellError) return e.message;
    throw e;
  }
  // The common case, a good row, is decided without valibot's per-field machinery or its copy of the row;
  // a refused row goes through the schema itself for the message (the two agree: validate-fast.test.ts).
  if (isValidAttempt(candidate)) return candidate;
  const r = v.safeParse(attemptSchema, candidate, { abortEarly: true });
  if (r.success) return r.output;
  const issue = r.issues[0];
  const field = issue.path?.[0]?.key;
  const column = typeof field === 'string' ? (COLUMN_OF_FIELD[field as keyof Attempt] ?? field) : 'row';
  return `${column}: ${issueMessage(issue)}`;
}
