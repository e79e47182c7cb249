import { describe, expect, it } from 'vitest';
import { makeAttempt, offered, T0 } from './fixtures';
import { SORT_KEYS, sortAttempts } from './sort';

const a = offered('accepted', { interactionId: 'a', ticketId: '10', repId: 'Zoë' }, T0, 5_000);
const b = makeAttempt({ interactionId: 'b', ticketId: '9', repId: 'anna' });
const c = offered('declined', { interactionId: 'c', ticketId: '100', repId: 'Bob' }, T0, -1_000);
const d = makeAttempt({ interactionId: 'd', ticketId: '9', repId: 'anna' });
const input = [a, b, c, d];
const order = (key: Parameters<typeof sortAttempts>[1], dir: 'asc' | 'desc') => sortAttempts(input, key, dir).map((x) => x.interactionId).join('');

describe('sortAttempts', () => {
  it('sorts text naturally (ticket 9 < 10 < 100), stable for equal keys', () => {
    expect(order('ticketId', 'asc')).toBe('bdac');
    expect(order('ticketId', 'desc')).toBe('cabd');
  });

  it('sorts numbers and keeps missing values last in both directions', () => {
    expect(order('secondsResolutionToOffer', 'asc')).toBe('cabd');
    expect(order('secondsResolutionToOffer', 'desc')).toBe('acbd');
    expect(order('outcome', 'asc')).toBe('acbd');
  });

  it('does not touch the input', () => {
    sortAttempts(input, 'repId', 'desc');
    expect(input).toEqual([a, b, c, d]);
  });

  it('knows every key', () => {
    for (const key of SORT_KEYS) expect(sortAttempts(input, key, 'asc')).toHaveLength(4);
  });

  // Speed at 100,000 attempts belongs to the dashboard's bench figures (7a/7b), not a test timeout.
  it('sorts 10,000 attempts numerically by ticket id', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...a, ticketId: String((i * 7919) % 10_000) }));
    const sorted = sortAttempts(many, 'ticketId', 'asc');
    expect(sorted[0]!.ticketId).toBe('0');
    expect(sorted[1]!.ticketId).toBe('1');
    expect(sorted.at(-1)!.ticketId).toBe('9999');
  });
});
