import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../core/log/types';
import { makeAttempt, offered, T0 } from '../../core/metrics/fixtures';
import { countsByInteraction, interactionList, newestFirst } from './interaction-rows';

const interaction = (id: string, startedAt: number) => ({ id, startedAt }) as Interaction;

describe('interactions grid rows', () => {
  it('lists newest first and joins each interaction’s tallies, zero when it had no attempt', () => {
    const list = newestFirst([interaction('a', T0), interaction('c', T0 + 5), interaction('b', T0 + 5)]);
    expect(list.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    const counts = countsByInteraction([offered('accepted', { interactionId: 'a' }), makeAttempt({ interactionId: 'a', moveId: 'm2' })]);
    const rows = interactionList(list, counts);
    expect(rows.map((r) => [r.i.id, r.counts.attempts, r.counts.offered, r.counts.accepted])).toEqual([
      ['b', 0, 0, 0],
      ['c', 0, 0, 0],
      ['a', 2, 1, 1],
    ]);
  });
});
