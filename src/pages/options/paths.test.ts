import { describe, expect, it } from 'vitest';
import { fieldId, isWithin, issuesAt, issuesWithin, pathAncestors, pathSegments } from './paths';

const issues = [
  { path: 'moves[1].title', message: 'a' },
  { path: 'moves[10].title', message: 'b' },
  { path: 'moves[1]', message: 'c' },
  { path: 'moves[1].when.any[0]', message: 'd' },
];

describe('error paths → fields', () => {
  it('knows what lies inside a path, without confusing moves[1] and moves[10]', () => {
    expect(isWithin('moves[1].title', 'moves[1]')).toBe(true);
    expect(isWithin('moves[10].title', 'moves[1]')).toBe(false);
    expect(isWithin('moves[1]', 'moves[1]')).toBe(true);
    expect(isWithin('movesB', 'moves')).toBe(false);
    expect(issuesWithin(issues, 'moves[1]').map((i) => i.message)).toEqual(['a', 'c', 'd']);
    expect(issuesAt(issues, 'moves[1]').map((i) => i.message)).toEqual(['c']);
  });

  it('splits paths into segments, including quoted keys', () => {
    expect(pathSegments('moves[3].when.any[0]')).toEqual(['moves', '[3]', '.when', '.any', '[0]']);
    expect(pathSegments('appliesTo["a b"].x')).toEqual(['appliesTo', '["a b"]', '.x']);
    expect(pathSegments('$')).toEqual([]);
    expect(pathSegments('moves[x]')).toBeNull();
  });

  it('lists enclosing paths innermost first, so focus can fall back to a field that exists', () => {
    expect(pathAncestors('moves[3].when.any[0]')).toEqual(['moves[3].when.any[0]', 'moves[3].when.any', 'moves[3].when', 'moves[3]', 'moves', '$']);
    expect(pathAncestors('$')).toEqual(['$']);
    expect(pathAncestors('not a path!')).toEqual(['not a path!', '$']);
  });

  it('turns paths into distinct, valid element ids', () => {
    expect(fieldId('moves[3].title')).toBe('f-moves-3-title');
    expect(fieldId('abTest.movesB[0].when.all[2]')).toBe('f-abTest-movesB-0-when-all-2');
    expect(fieldId('$')).toBe('f-root');
    expect(fieldId('moves[3]')).not.toBe(fieldId('moves[31]'));
  });
});
