import { describe, expect, it } from 'vitest';
import { bySource } from './source-filter';

describe('source filter', () => {
  const rows = [{ source: 'local' }, { source: 'team' }, { source: 'export-ana.json' }, { source: 'team' }];
  it('splits this browser, the team stream and imported files', () => {
    expect(bySource(rows, 'all')).toHaveLength(4);
    expect(bySource(rows, 'local')).toEqual([{ source: 'local' }]);
    expect(bySource(rows, 'team')).toHaveLength(2);
    expect(bySource(rows, 'imported')).toEqual([{ source: 'export-ana.json' }]);
  });
});
