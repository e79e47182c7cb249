import { describe, expect, it } from 'vitest';
import { ATTEMPT_COLUMNS } from '../../core/csv/columns';
import { attemptRows } from '../../core/csv/rows';
import { toCsv } from '../../core/csv/write';
import { serializeBackup } from '../../core/log/backup';
import { offered } from '../../core/metrics/fixtures';
import { looksLikeBackup, parseImport } from './import-file';

const a1 = offered('accepted', { interactionId: 'i1' });
const a2 = offered('declined', { interactionId: 'i2' });

describe('parseImport', () => {
  it('tells a backup from a CSV by name, then by content', () => {
    expect(looksLikeBackup('x.JSON', 'a,b')).toBe(true);
    expect(looksLikeBackup('x.csv', '{')).toBe(false);
    expect(looksLikeBackup('export', '\uFEFF  {"format"')).toBe(true);
    expect(looksLikeBackup('export', 'attempt_id,logged_at')).toBe(false);
  });

  it('keeps the good CSV rows and reports the bad one by line', () => {
    const csv = toCsv(attemptRows([a1, a2]), ATTEMPT_COLUMNS, { bom: true });
    const lines = csv.split('\r\n');
    lines.splice(2, 0, lines[1]!.replace('accepted', 'maybe'));
    const r = parseImport(lines.join('\r\n'), 'rep-b.csv');
    expect(r.kind).toBe('csv');
    expect(r.refused).toBe(false);
    expect(r.records.attempts?.map((a) => a.id)).toEqual([a1.id, a2.id]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/^outcome/) })]);
  });

  it('refuses a file that is not ours at all, with nothing to merge', () => {
    const r = parseImport('name,email\nx,y\n', 'contacts.csv');
    expect(r.refused).toBe(true);
    expect(r.rows).toBe(0);
    const b = parseImport('{"format":"other"}', 'x.json');
    expect(b).toMatchObject({ kind: 'backup', refused: true, rows: 0 });
  });

  it('reads a backup, skipping bad records by path', () => {
    const text = serializeBackup({ events: [], interactions: [], attempts: [a1, { ...a2, outcome: 'nope' } as never], wrapups: [] });
    const r = parseImport(text, 'backup.json');
    expect(r).toMatchObject({ kind: 'backup', refused: false, rows: 1 });
    expect(r.problems[0]?.path).toMatch(/^attempts\[1\]/);
  });
});
