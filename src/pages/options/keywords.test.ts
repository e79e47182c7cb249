import { describe, expect, it } from 'vitest';
import { joinKeywords, sameKeywords, splitKeywords } from './keywords';

describe('keyword lists', () => {
  it('splits on commas and trims, dropping empty entries', () => {
    expect(splitKeywords(' smoothie*, how do i ,, ')).toEqual(['smoothie*', 'how do i']);
    expect(splitKeywords('')).toEqual([]);
  });
  it('joins for display and recognises text still being typed', () => {
    expect(joinKeywords(['a', 'b c'])).toBe('a, b c');
    expect(joinKeywords(undefined)).toBe('');
    expect(sameKeywords('a, b c, ', ['a', 'b c'])).toBe(true);
    expect(sameKeywords('a, b', ['a', 'b c'])).toBe(false);
    expect(sameKeywords('', undefined)).toBe(true);
  });
});
