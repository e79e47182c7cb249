import { describe, expect, it } from 'vitest';
import { coverageGaps } from './coverage';

describe('coverageGaps', () => {
  it('names each rep whose interactions are known only from imported attempts', () => {
    const interactions = [{ id: 'mine' }];
    const attempts = [
      { interactionId: 'mine', repId: 'sam', source: 'local' },
      { interactionId: 'a1', repId: 'ana', source: 'ana.csv' },
      { interactionId: 'a1', repId: 'ana', source: 'ana.csv' },
      { interactionId: 'a2', repId: 'ana', source: 'ana-june.csv' },
      { interactionId: 'b1', repId: 'bo', source: 'bo.csv' },
    ];
    expect(coverageGaps(interactions, attempts)).toEqual([
      { repId: 'ana', interactions: 2, attempts: 3, sources: ['ana-june.csv', 'ana.csv'] },
      { repId: 'bo', interactions: 1, attempts: 1, sources: ['bo.csv'] },
    ]);
    expect(coverageGaps(interactions, attempts.slice(0, 1))).toEqual([]);
  });
});
