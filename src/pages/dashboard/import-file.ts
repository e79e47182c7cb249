/**
 * Reads one dropped or chosen file into records to merge, in the page: a JSON backup (`parseBackup`) or
 * an attempts CSV (`parseAttemptsCsv`). Bad rows/records are reported with their line or path and left
 * out; a file that cannot be read at all yields no records, so it changes nothing.
 */
import { parseAttemptsCsv } from '../../core/csv/read';
import { parseBackup } from '../../core/log/backup';
import type { Snapshot } from '../../storage/log-repo';
import { countRows } from './merge-chunks';

export interface ImportProblem {
  /** 1-based line of a CSV row; 0 = the file as a whole. */
  readonly line?: number;
  /** `attempts[3].outcome` in a backup; '' = the file as a whole. */
  readonly path?: string;
  readonly message: string;
}

export interface ParsedImport {
  readonly kind: 'csv' | 'backup';
  readonly records: Partial<Snapshot>;
  readonly rows: number;
  readonly problems: ImportProblem[];
  /** The file as a whole was refused (not JSON, wrong header…): nothing of it is merged. */
  readonly refused: boolean;
}

/** A backup by its name, or by content when the name says nothing (a JSON object never starts a CSV of ours). */
export function looksLikeBackup(fileName: string, text: string): boolean {
  if (/\.json$/i.test(fileName)) return true;
  if (/\.csv$/i.test(fileName)) return false;
  return /^\uFEFF?\s*\{/.test(text);
}

export function parseImport(text: string, fileName: string): ParsedImport {
  if (looksLikeBackup(fileName, text)) {
    const r = parseBackup(text, fileName);
    if (!r.ok) return { kind: 'backup', records: {}, rows: 0, problems: r.errors, refused: true };
    // The salt is not merged: the team's salt is set per install, a file's salt must not replace it.
    const { events, interactions, attempts, wrapups, reviews } = r.backup;
    const records = { events, interactions, attempts, wrapups, reviews };
    return { kind: 'backup', records, rows: countRows(records), problems: r.skipped, refused: false };
  }
  const r = parseAttemptsCsv(text, fileName);
  const refused = r.rows.length === 0 && r.errors.some((e) => e.line <= 1);
  return {
    kind: 'csv',
    records: { attempts: r.rows },
    rows: r.rows.length,
    problems: r.errors.map((e) => ({ line: e.line, message: e.message })),
    refused,
  };
}
