import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_PROBLEMS } from '../log/backup';
import type { Attempt } from '../log/types';
import { MAX_IMPORT_BYTES } from '../log/validate';
import { makeAttempt, makeWrapup, offered, T0 } from '../metrics/fixtures';
import { ATTEMPT_COLUMNS } from './columns';
import { parseAttemptsCsv } from './read';
import { attemptRows } from './rows';
import { toCsv } from './write';

const FILE = 'rep-a-may.csv';
const imported = (a: Attempt, file = FILE): Attempt => ({ ...a, shownAt: null, source: file });
const exportOf = (attempts: Attempt[], bom = false) => toCsv(attemptRows(attempts, [makeWrapup()]), ATTEMPT_COLUMNS, { bom });

const good = [
  offered('accepted', { interactionId: 'a', repId: 'José Müller', moveTitle: 'Tip: "Saved replies", really\r\nuseful' }),
  offered('declined', { interactionId: 'b:with:colons', moveId: 'm:2', ticketId: '=HYPERLINK("x")' }, T0, -4_321),
  makeAttempt({ interactionId: 'c', outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'customer-upset', customerKey: 'f'.repeat(64) }),
  makeAttempt({ interactionId: 'd', ticketId: '', repId: '', playbookId: '', variant: '', playbookVersion: 0 }),
];

describe('parseAttemptsCsv', () => {
  it('reads back what the export wrote (shown time aside, source = file name)', () => {
    expect(parseAttemptsCsv(exportOf(good), FILE)).toEqual({ rows: good.map((a) => imported(a)), errors: [] });
  });

  it('tolerates a BOM and reads accents as Excel writes them', () => {
    const csv = exportOf(good, true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const r = parseAttemptsCsv(csv, FILE);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.repId).toBe('José Müller');
  });

  it('reads LF line endings and ignores blank lines and appended columns', () => {
    const lines = exportOf([good[3]!]).split('\r\n');
    const lf = `${lines[0]},comment_from_v2\n\n${lines[1]},hello\n\n`;
    expect(parseAttemptsCsv(lf, FILE)).toEqual({ rows: [imported(good[3]!)], errors: [] });
  });

  it('finds columns by name, in any order', () => {
    const csv = exportOf(good);
    const rows = csv.trim().split('\r\n');
    // Swap the first two columns of the header and of a simple row (row 3 has no quoted cells).
    const swap = (line: string) => {
      const [x, y, ...rest] = line.split(',');
      return [y, x, ...rest].join(',');
    };
    const r = parseAttemptsCsv(`${swap(rows[0]!)}\r\n${swap(rows.at(-1)!)}\r\n`, FILE);
    expect(r).toEqual({ rows: [imported(good[3]!)], errors: [] });
  });

  it('refuses a header without our columns, naming the missing ones', () => {
    const r = parseAttemptsCsv('attempt_id,logged_at,rep\r\nx,y,z\r\n', 'other.csv');
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'other.csv', line: 1 });
    expect(r.errors[0]!.message).toBe(
      '"other.csv" is not a Resolve Plus attempts export: the header lacks rep_id, helpdesk, ticket_id, channel, customer_key, playbook_id, playbook_version, variant, move_id, move_kind, move_title, resolution_confirmed_at, offered_at, outcome, skip_reason, outcome_at',
    );
  });

  it('refuses duplicate columns', () => {
    const header = exportOf([]).trim();
    expect(parseAttemptsCsv(`${header},outcome\r\n`, FILE).errors[0]!.message).toBe(`"${FILE}" has more than one column named outcome`);
  });

  it('refuses an empty file and a file over 100 MB, before parsing', () => {
    expect(parseAttemptsCsv('', FILE).errors).toEqual([{ file: FILE, line: 0, message: expect.stringMatching(/is empty: expected a header row/) }]);
    const huge = 'x'.repeat(MAX_IMPORT_BYTES + 1);
    expect(parseAttemptsCsv(huge, 'huge.csv')).toEqual({
      rows: [],
      errors: [{ file: 'huge.csv', line: 0, message: expect.stringMatching(/^"huge.csv" is larger than 100 MB/) }],
    });
  });

  it('skips bad rows, reporting the editor line each starts on, and keeps the good ones', () => {
    const [header, ...rows] = exportOf(good).split('\r\n');
    // Row 1 spans two lines (a quoted CRLF in move_title), so the rows after it start one line later.
    const bad = (row: string, from: string, to: string) => {
      expect(row.includes(from)).toBe(true);
      return row.replace(from, to);
    };
    const lines = [
      header,
      `${rows[0]}\r\n${rows[1]}`, // good, lines 2–3
      bad(rows[2]!, 'declined', 'maybe'), // line 4
      bad(rows[3]!, 'not-a-fit', 'accepted'), // line 5: a skip reason on accepted
      bad(rows[4]!, ',zendesk,', ',jira,'), // line 6
      bad(rows[4]!, '2024-05-06T09:00:00.000Z', '06/05/2024 09:00'), // line 7: Excel re-saved the time
      bad(rows[4]!, 'd:m1', 'd-m1'), // line 8
      'too,few,fields', // line 9
      rows[3], // line 10: good
      rows[3], // line 11: duplicate
      bad(rows[4]!, ',0,', ',1.5,'), // line 12
      '"unterminated,quote', // line 13
    ];
    const r = parseAttemptsCsv(`${lines.join('\r\n')}\r\n`, FILE);
    expect(r.rows.map((a) => a.interactionId)).toEqual(['a', 'c']);
    expect(r.errors).toEqual([
      { file: FILE, line: 4, message: 'outcome: expected one of offered, accepted, declined, not-a-fit; got "maybe"' },
      { file: FILE, line: 5, message: 'skip_reason: a skip reason only goes with not-a-fit' },
      { file: FILE, line: 6, message: expect.stringMatching(/^helpdesk: expected one of zendesk, .*; got "jira"$/) },
      { file: FILE, line: 7, message: 'logged_at: expected an ISO 8601 time like 2024-05-06T09:00:00.000Z, got "06/05/2024 09:00"' },
      { file: FILE, line: 8, message: 'attempt_id: must be <interaction id>:<move_id>' },
      { file: FILE, line: 9, message: 'expected 23 fields like the header, found 3 — row skipped' },
      { file: FILE, line: 11, message: 'attempt_id "c:m1" already appeared on line 10; kept the first' },
      { file: FILE, line: 12, message: 'playbook_version: expected a whole number, got "1.5"' },
      { file: FILE, line: 13, message: 'Quoted field unterminated — row skipped' },
    ]);
  });

  it('accepts ISO times with an offset', () => {
    const csv = exportOf([good[3]!]).replace('2024-05-06T09:00:00.000Z', '2024-05-06T11:00:00+02:00');
    expect(parseAttemptsCsv(csv, FILE).rows[0]!.loggedAt).toBe(T0);
  });

  it('summarises errors past the report limit', () => {
    const header = exportOf([]);
    const r = parseAttemptsCsv(header + 'x\r\n'.repeat(MAX_REPORTED_PROBLEMS + 7), FILE);
    expect(r.errors).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(r.errors.at(-1)).toEqual({ file: FILE, line: 0, message: `… and 7 more problems in "${FILE}"; those rows were skipped too` });
  });

  // Speed at 100,000 rows is bench figure 8e, not a test timeout here (issue 20).
  it('imports every row of a 10,000-row export', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => offered('accepted', { interactionId: `i${i}` }));
    const csv = exportOf(many);
    const r = parseAttemptsCsv(csv, FILE);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(10_000);
    expect(r.rows.at(-1)?.interactionId).toBe('i9999');
  });
});
