/**
 * Property tests over generated attempts whose text leans on formula starters, quotes, separators,
 * line breaks, BOMs, accents and lone surrogates (see `arbitraries.ts`).
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { attemptSchema } from '../log/validate';
import { ATTEMPT_COLUMNS, type AttemptColumnName } from './columns';
import { attemptArb, NASTY_STRINGS, textArb, wrapupArb } from './arbitraries';
import { parseAttemptsCsv } from './read';
import { attemptRows } from './rows';
import { csvCell, toCsv, unguardCell } from './write';

/** What a spreadsheet runs as a formula: a starter (ASCII, full-width, small, minus sign) after any leading blanks. */
const FORMULA_START = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/u;
/** Columns the exporter fills from JS numbers; the only cells allowed to start with "-". */
const NUMERIC: ReadonlySet<AttemptColumnName> = new Set(['playbook_version', 'seconds_resolution_to_offer', 'ves_achieve_more', 'ves_confidence', 'effort']);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

const parse = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: false });

const exportArb = fc
  .uniqueArray(attemptArb, { selector: (a) => a.id, maxLength: 25 })
  .chain((attempts) =>
    fc.tuple(
      fc.constant(attempts),
      fc.array(fc.constantFrom(...attempts.map((a) => a.interactionId), 'none').chain(wrapupArb), { maxLength: 5 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 7 }),
    ),
  );

describe('generated attempts', () => {
  it('are valid by the attempt schema', () => {
    fc.assert(
      fc.property(attemptArb, (a) => {
        expect(v.safeParse(attemptSchema, a).issues).toBeUndefined();
      }),
    );
  });
});

describe('formula injection', () => {
  it('no text cell starts a formula, and the guard is undone exactly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...NASTY_STRINGS), textArb(200), fc.string({ unit: 'binary' })), (s) => {
        // Mid-row, as in an export: papaparse would drop a BOM at the very start of the input.
        const { data, errors } = parse(`start,${csvCell(s)},end\r\n`);
        expect(errors).toEqual([]);
        const cell = data[0]?.[1] ?? '';
        expect(FORMULA_START.test(cell)).toBe(false);
        expect(unguardCell(cell)).toBe(s);
        expect(data[0]?.[2]).toBe('end');
      }),
      { numRuns: 2_000 },
    );
  });

  it('no cell of an export starts a formula, except plain numbers the exporter wrote in numeric columns', () => {
    fc.assert(
      fc.property(exportArb, ([attempts, wrapups, bom, chunkRows]) => {
        const csv = toCsv(attemptRows(attempts, wrapups), ATTEMPT_COLUMNS, { bom, chunkRows });
        const { data, errors } = parse(csv);
        expect(errors).toEqual([]);
        // The trailing CRLF leaves one empty record.
        expect(data.pop()).toEqual(['']);
        expect(data).toHaveLength(attempts.length + 1);
        for (const row of data) {
          expect(row).toHaveLength(ATTEMPT_COLUMNS.length);
          row.forEach((cell, i) => {
            if (!FORMULA_START.test(cell)) return;
            const column = ATTEMPT_COLUMNS[i]!.name as AttemptColumnName;
            expect(NUMERIC.has(column), `${column}: ${JSON.stringify(cell)}`).toBe(true);
            expect(cell).toMatch(PLAIN_NUMBER);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV round trip', () => {
  it('export → papaparse → parseAttemptsCsv gives back the attempts (no shown time; source = file)', () => {
    fc.assert(
      fc.property(exportArb, fc.constantFrom('rep-a.csv', 'Équipe Nord — mai.csv'), ([attempts, wrapups, bom, chunkRows], file) => {
        const csv = toCsv(attemptRows(attempts, wrapups), ATTEMPT_COLUMNS, { bom, chunkRows });
        const result = parseAttemptsCsv(csv, file);
        expect(result.errors).toEqual([]);
        expect(result.rows).toEqual(attempts.map((a) => ({ ...a, shownAt: null, source: file })));
      }),
      { numRuns: 300 },
    );
  });
});
