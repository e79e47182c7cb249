import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeAttempt, makeInteraction, makeWrapup, offered, T0 } from '../metrics/fixtures';
import { ATTEMPT_COLUMNS, type AttemptRow, INTERACTION_COLUMNS, isoTime } from './columns';
import { attemptRows, interactionRows } from './rows';
import { BOM, csvCell, csvChunks, toCsv, unguardCell } from './write';

const parse = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: true }).data;

describe('csvCell', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvCell('José Müller')).toBe('José Müller');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
  });

  it('writes null, undefined and non-finite numbers as empty', () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map(csvCell)).toEqual(['', '', '', '']);
  });

  it('quotes per RFC 4180, and on semicolons', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  it('guards full-width starters and starters behind leading blanks or invisible characters (issue 15 #9)', () => {
    for (const s of ['＝1+1', '＋1', '－1', '＠SUM(A1)', ' =1+1', '\u00A0=1+1', '\u3000-1', '\u200B@x', '\t\u00A0＝1', '\u2212' + '1', '﹦1']) {
      expect(csvCell(s)).toBe(`'${s}`);
      expect(unguardCell(csvCell(s))).toBe(s);
    }
    expect(csvCell(' plain')).toBe(' plain');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    expect(csvCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('\n=1')).toBe('"\'\n=1"');
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('adds one more apostrophe to text that already looks guarded, so the guard can be undone exactly', () => {
    expect(csvCell("'=x")).toBe("''=x");
    expect(csvCell("'plain")).toBe("'plain");
    for (const s of ["'=x", "''-1", "'plain", '=x', "'", '']) {
      const cell = parse(`${csvCell(s)},end\r\n`)[0]?.[0];
      expect(unguardCell(cell ?? 'missing')).toBe(s);
    }
  });
});

describe('export columns', () => {
  it('are the attempt columns, in contract order', () => {
    expect(ATTEMPT_COLUMNS.map((c) => c.name).join(',')).toBe(
      'attempt_id,logged_at,rep_id,helpdesk,ticket_id,channel,customer_key,playbook_id,playbook_version,variant,move_id,move_kind,move_title,resolution_confirmed_at,offered_at,outcome,skip_reason,outcome_at,seconds_resolution_to_offer,ves_achieve_more,ves_confidence,effort,source',
    );
  });

  it('are the interaction columns, in contract order', () => {
    expect(INTERACTION_COLUMNS.map((c) => c.name).join(',')).toBe(
      'interaction_id,started_at,resolved_at,ended_at,end_reason,rep_id,helpdesk,ticket_id,channel,customer_key,playbook_id,playbook_version,variant,steps_done,attempts,offered,accepted,declined,not_a_fit,ves_achieve_more,ves_confidence,effort,source',
    );
  });

  it('write an attempt with its wrap-up: ISO UTC times, empty for null, seconds may be negative', () => {
    const a = offered('accepted', { ticketId: '-1', repId: 'José Müller' }, T0, -2_500);
    const [row] = [...attemptRows([a], [makeWrapup()])];
    const cells = ATTEMPT_COLUMNS.map((c) => csvCell(c.get(row!)));
    expect(Object.fromEntries(ATTEMPT_COLUMNS.map((c, i) => [c.name, cells[i]]))).toEqual({
      attempt_id: 'i1:m1',
      logged_at: '2024-05-06T09:00:57.500Z',
      rep_id: 'José Müller',
      helpdesk: 'zendesk',
      ticket_id: "'-1",
      channel: 'chat',
      customer_key: '',
      playbook_id: 'pb',
      playbook_version: '1',
      variant: 'A',
      move_id: 'm1',
      move_kind: 'usage-tip',
      move_title: 'Try saved replies',
      resolution_confirmed_at: '2024-05-06T09:00:00.000Z',
      offered_at: '2024-05-06T08:59:57.500Z',
      outcome: 'accepted',
      skip_reason: '',
      outcome_at: '2024-05-06T09:00:57.500Z',
      seconds_resolution_to_offer: '-2.5',
      ves_achieve_more: '4',
      ves_confidence: '5',
      effort: '6',
      source: 'local',
    });
    const [noWrapup] = [...attemptRows([makeAttempt()])];
    expect(['ves_achieve_more', 'offered_at', 'seconds_resolution_to_offer'].map((n) => ATTEMPT_COLUMNS.find((c) => c.name === n)!.get(noWrapup!))).toEqual([null, null, null]);
  });

  it('write an interaction with its tallies', () => {
    const attempts = [
      offered('accepted'),
      offered('declined', { moveId: 'm2' }),
      offered('offered', { moveId: 'm3' }),
      makeAttempt({ moveId: 'm4', outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'other' }),
      makeAttempt({ moveId: 'm5' }),
      offered('accepted', { interactionId: 'other' }),
    ];
    const [row] = [...interactionRows([makeInteraction({ steps: { a: T0, b: T0 } })], attempts, [makeWrapup({ effort: null })])];
    const csv = toCsv([row!], INTERACTION_COLUMNS, { bom: false });
    expect(csv.split('\r\n')[1]).toBe(
      'i1,2024-05-06T08:50:00.000Z,2024-05-06T09:00:00.000Z,2024-05-06T09:05:00.000Z,closed,rep-a,zendesk,1001,chat,' +
        `${'a'.repeat(64)},pb,1,A,2,5,3,1,1,1,4,5,,local`,
    );
  });

  it('leaves unrepresentable times empty instead of throwing', () => {
    expect(isoTime(Number.NaN)).toBeNull();
    expect(isoTime(9e15)).toBeNull();
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('csvChunks', () => {
  const rows: AttemptRow[] = ['a', 'b', 'c', 'd', 'e'].map((i) => makeAttempt({ interactionId: i }));

  it('starts with the header, ends every row with CRLF, and puts a BOM only at the very start', () => {
    const chunks = [...csvChunks(rows, ATTEMPT_COLUMNS, { bom: true, chunkRows: 2 })];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith(`${BOM}attempt_id,logged_at,`)).toBe(true);
    expect(chunks.slice(1).some((c) => c.includes(BOM))).toBe(false);
    const csv = chunks.join('');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(1 + 5 + 1);
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false);
    expect(toCsv(rows, ATTEMPT_COLUMNS, { bom: false }).startsWith('attempt_id,')).toBe(true);
  });

  it('writes only the header for no rows', () => {
    expect([...csvChunks([], ATTEMPT_COLUMNS, { bom: false })]).toEqual([`${ATTEMPT_COLUMNS.map((c) => c.name).join(',')}\r\n`]);
  });

  it('streams: the first chunk is ready after reading only its rows', () => {
    let read = 0;
    function* endless(): Generator<AttemptRow> {
      for (;;) {
        read++;
        yield makeAttempt({ interactionId: `i${read}` });
      }
    }
    const first = csvChunks(endless(), ATTEMPT_COLUMNS, { bom: false, chunkRows: 100 }).next();
    expect(first.done).toBe(false);
    expect(read).toBe(100);
    expect(parse(first.value as string)).toHaveLength(101);
  });

  it('exports 100,000 attempts in chunks quickly', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => offered('accepted', { interactionId: `i${i}`, moveTitle: i % 3 ? 'Tip, "quoted"' : '=1+1' }));
    let chunks = 0;
    let bytes = 0;
    for (const chunk of csvChunks(attemptRows(many, [makeWrapup()]), ATTEMPT_COLUMNS, { bom: true })) {
      chunks++;
      bytes += chunk.length;
    }
    expect(chunks).toBe(100);
    expect(bytes).toBeGreaterThan(100_000 * 150);
  });
});
