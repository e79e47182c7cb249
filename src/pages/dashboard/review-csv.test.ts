import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../core/csv/write';
import { offered, T0 } from '../../core/metrics/fixtures';
import { REVIEW_COLUMNS, reviewRows } from './review-csv';

describe('review CSV', () => {
  it('joins each review with its attempt and guards free text', () => {
    const a = offered('accepted', { ticketId: '=cmd' });
    const rows = reviewRows(
      [
        { attemptId: a.id, resolutionFirst: true, fit: false, tone: null, note: '+1 "great", tone ok', reviewedAt: T0 + 5 },
        { attemptId: 'gone:m1', resolutionFirst: null, fit: null, tone: null, note: '', reviewedAt: T0 },
      ],
      new Map([[a.id, a]]),
    );
    const csv = toCsv(rows, REVIEW_COLUMNS, { bom: false });
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual(REVIEW_COLUMNS.map((c) => c.name));
    expect(parsed[1]![0]).toBe('gone:m1');
    expect(parsed[2]).toEqual([a.id, new Date(T0 + 5).toISOString(), 'rep-a', 'zendesk', "'=cmd", 'm1', 'Try saved replies', 'accepted', 'yes', 'no', '', `'+1 "great", tone ok`]);
  });
});
