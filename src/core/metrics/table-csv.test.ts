import { describe, expect, it } from 'vitest';
import { metricTableCsv } from './table-csv';

describe('metric tables as CSV', () => {
  it('guards formula-looking text, keeps numbers as numbers, quotes separators', () => {
    const csv = metricTableCsv(['rep', 'share', 'note'], [['=HYPERLINK("x")', 0.42, 'a;b'], ['-carol', -3, null]], false);
    expect(csv).toBe('rep,share,note\r\n"\'=HYPERLINK(""x"")",0.42,"a;b"\r\n\'-carol,-3,\r\n');
    expect(metricTableCsv(['a'], [], true).startsWith('\uFEFF')).toBe(true);
  });
});
