import { describe, expect, it } from 'vitest';
import { compileFilter, filterAttempts } from './filter';
import { HOUR, makeAttempt, offered, T0 } from './fixtures';

const a1 = offered('accepted', { interactionId: 'a', ticketId: 'INC0010001', repId: 'rep-a', helpdesk: 'servicenow', channel: 'email' });
const a2 = offered('declined', { interactionId: 'b', ticketId: '2002', moveId: 'saved-replies', moveTitle: 'Saved Replies tip', repId: 'rep-b', variant: 'B' }, T0 + 2 * HOUR);
const a3 = makeAttempt({ interactionId: 'c', ticketId: '3003', moveKind: 'confidence', playbookId: 'billing', shownAt: T0 + 5 * HOUR });
const all = [a1, a2, a3];
const ids = (filter: Parameters<typeof filterAttempts>[1]) => filterAttempts(all, filter).map((a) => a.interactionId);

describe('filterAttempts', () => {
  it('keeps everything for an empty filter, or empty lists and blank text', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ repIds: [], outcomes: [], text: '  ' })).toEqual(['a', 'b', 'c']);
  });

  it('filters by time, from inclusive and to exclusive, on the offer time', () => {
    const offerOfA2 = a2.offeredAt!;
    expect(ids({ from: offerOfA2 })).toEqual(['b', 'c']);
    expect(ids({ to: offerOfA2 })).toEqual(['a']);
    expect(ids({ from: offerOfA2, to: offerOfA2 + 1 })).toEqual(['b']);
  });

  it('filters by each list', () => {
    expect(ids({ repIds: ['rep-b'] })).toEqual(['b']);
    expect(ids({ helpdesks: ['servicenow'] })).toEqual(['a']);
    expect(ids({ channels: ['chat'] })).toEqual(['b', 'c']);
    expect(ids({ moveIds: ['saved-replies', 'nope'] })).toEqual(['b']);
    expect(ids({ kinds: ['confidence'] })).toEqual(['c']);
    expect(ids({ outcomes: ['accepted', 'declined'] })).toEqual(['a', 'b']);
    expect(ids({ outcomes: [null] })).toEqual(['c']);
    expect(ids({ playbookIds: ['billing'] })).toEqual(['c']);
    expect(ids({ variants: ['A'] })).toEqual(['a', 'c']);
  });

  it('matches text case-insensitively in ticket id, move title and move id', () => {
    expect(ids({ text: 'inc001' })).toEqual(['a']);
    expect(ids({ text: 'REPLIES TIP' })).toEqual(['b']);
    expect(ids({ text: 'Saved Replies' })).toEqual(['a', 'b', 'c']);
    expect(ids({ text: 'replies-' })).toEqual([]);
    expect(ids({ text: 'saved-' })).toEqual(['b']);
  });

  it('combines criteria with AND', () => {
    expect(ids({ channels: ['chat'], variants: ['A'] })).toEqual(['c']);
    expect(ids({ repIds: ['rep-a'], text: '2002' })).toEqual([]);
  });

  // Speed at 100,000 attempts is bench figure 7b (filter change in the dashboard), not a test timeout.
  it('compiles once and filters 10,000 attempts', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...(i % 2 ? a1 : a2), ticketId: String(i) }));
    const keep = compileFilter({ channels: ['email'], text: '99', from: T0 });
    const kept = many.filter(keep);
    expect(kept.length).toBe(many.filter((_a, i) => i % 2 === 1 && String(i).includes('99')).length);
  });
});
