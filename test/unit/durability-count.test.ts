/** The durability test's duplicate counts find duplicates where event ids cannot (see durability-count.ts). */
import { describe, expect, it } from 'vitest';
import { countDuplicates, type Stored, type StoredAttempt } from '../e2e/durability-count';

const step = (id: string, at: number, type: 'step-completed' | 'step-undone', stepId = 'greet', interactionId = 'i1'): Stored => ({ id, at, type, stepId, interactionId });
const attempt = (interactionId: string, ticketId = '4521', moveId = 'warranty', outcome: string | null = 'accepted'): StoredAttempt => ({
  id: `${interactionId}:${moveId}`,
  interactionId,
  ticketId,
  moveId,
  outcome,
});

describe('durability: duplicate counts', () => {
  it('a clean log has none: toggles alternate, one attempt per move, one outcome, one open interaction', () => {
    const events = [step('a', 1, 'step-completed'), step('b', 2, 'step-undone'), step('c', 3, 'step-completed'), { id: 'o', at: 4, type: 'move-outcome', interactionId: 'i1', moveId: 'warranty' }];
    expect(countDuplicates(events, [attempt('i1')], [{ id: 'i1', ticketId: '4521', endedAt: null }])).toEqual({ steps: 0, attempts: 0, outcomes: 0, openInteractions: 0 });
  });

  it('finds a click logged twice under two ids, whatever order the store returns them in', () => {
    const events = [step('z', 3, 'step-completed'), step('a', 1, 'step-completed'), step('b', 2, 'step-completed', 'lookup'), step('c', 2, 'step-completed')];
    expect(countDuplicates(events, [], []).steps).toBe(2);
  });

  it('finds an attempt split over two interactions, a second outcome event, and two open interactions for a ticket', () => {
    const events: Stored[] = [
      { id: 'o1', at: 1, type: 'move-outcome', interactionId: 'i1', moveId: 'warranty' },
      { id: 'o2', at: 2, type: 'move-outcome', interactionId: 'i1', moveId: 'warranty' },
    ];
    const counts = countDuplicates(events, [attempt('i1'), attempt('i2')], [
      { id: 'i1', ticketId: '4521', endedAt: null },
      { id: 'i2', ticketId: '4521', endedAt: null },
      { id: 'i3', ticketId: '4521', endedAt: 5 },
    ]);
    expect(counts).toEqual({ steps: 0, attempts: 1, outcomes: 1, openInteractions: 1 });
  });
});
