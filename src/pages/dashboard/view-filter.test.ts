import { describe, expect, it } from 'vitest';
import { DAY, makeAttempt, offered, T0 } from '../../core/metrics/fixtures';
import { filterAttempts } from '../../core/metrics/filter';
import type { Interaction } from '../../core/log/types';
import { EMPTY_FILTER, filterInteractions, filterOptions, isFiltered, localDayStart, toAttemptFilter } from './view-filter';

function interaction(id: string, over: Partial<Interaction> = {}): Interaction {
  return {
    id,
    helpdesk: 'zendesk',
    ticketId: `T-${id}`,
    customerKey: '',
    channel: 'chat',
    repId: 'rep-a',
    playbookId: 'pb',
    playbookVersion: 1,
    variant: 'A',
    startedAt: T0,
    resolvedAt: T0,
    endedAt: null,
    endReason: null,
    steps: {},
    source: 'local',
    ...over,
  };
}

describe('dashboard filter state', () => {
  it('an empty bar filters nothing', () => {
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(toAttemptFilter(EMPTY_FILTER)).toEqual({
      helpdesks: undefined,
      channels: undefined,
      moveIds: undefined,
      kinds: undefined,
      outcomes: undefined,
      playbookIds: undefined,
      variants: undefined,
    });
  });

  it('makes the last day inclusive (local midnight of the next day) and maps "shown only" to null', () => {
    const f = toAttemptFilter({ ...EMPTY_FILTER, from: '2024-05-06', to: '2024-05-06', outcome: 'shown', rep: 'r' });
    expect(f.from).toBe(new Date(2024, 4, 6).getTime());
    expect(f.to).toBe(new Date(2024, 4, 7).getTime());
    expect(f.outcomes).toEqual([null]);
    expect(f.repIds).toEqual(['r']);
    expect(localDayStart('06/05/2024')).toBeUndefined();
    expect(isFiltered({ ...EMPTY_FILTER, text: 'x' })).toBe(true);
  });

  it('filters interactions by their own fields, and by their attempts for move/outcome/search', () => {
    const interactions = [interaction('i1'), interaction('i2', { repId: 'rep-b' }), interaction('i3', { startedAt: T0 + 3 * DAY })];
    const attempts = [offered('accepted', { interactionId: 'i1' }), makeAttempt({ interactionId: 'i2', repId: 'rep-b' })];
    const byRep = toAttemptFilter({ ...EMPTY_FILTER, rep: 'rep-b' });
    expect(filterInteractions(interactions, byRep, filterAttempts(attempts, byRep)).map((i) => i.id)).toEqual(['i2']);
    const byOutcome = toAttemptFilter({ ...EMPTY_FILTER, outcome: 'accepted' });
    expect(filterInteractions(interactions, byOutcome, filterAttempts(attempts, byOutcome)).map((i) => i.id)).toEqual(['i1']);
    const byTicket = toAttemptFilter({ ...EMPTY_FILTER, text: 't-i3' });
    expect(filterInteractions(interactions, byTicket, filterAttempts(attempts, byTicket)).map((i) => i.id)).toEqual(['i3']);
    const byDate = { from: T0 + DAY };
    expect(filterInteractions(interactions, byDate, []).map((i) => i.id)).toEqual(['i3']);
  });

  it('lists the distinct values with each move’s latest title', () => {
    const o = filterOptions([
      makeAttempt({ interactionId: 'a', repId: 'rep-10', moveTitle: 'Old', loggedAt: T0 }),
      makeAttempt({ interactionId: 'b', repId: 'rep-9', moveTitle: 'New', loggedAt: T0 + 1 }),
    ]);
    expect(o.reps).toEqual(['rep-9', 'rep-10']);
    expect(o.moves).toEqual([{ id: 'm1', title: 'New' }]);
  });
});
