import { describe, expect, it } from 'vitest';
import { freshKeys, insertAt, moveItem, removeAt, replaceAt, slugify, uniqueId } from './list-ops';

describe('list edits', () => {
  it('moves, inserts, removes and replaces without touching the input', () => {
    const list = Object.freeze(['a', 'b', 'c']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(list, 2, 3)).toEqual(['a', 'b', 'c']);
    expect(insertAt(list, 1, 'x')).toEqual(['a', 'x', 'b', 'c']);
    expect(insertAt(list, 9, 'x')).toEqual(['a', 'b', 'c', 'x']);
    expect(removeAt(list, 1)).toEqual(['a', 'c']);
    expect(replaceAt(list, 2, 'z')).toEqual(['a', 'b', 'z']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('makes slugs the playbook schema accepts', () => {
    expect(slugify('Care tip — make it last!')).toBe('care-tip-make-it-last');
    expect(slugify('Réponse rapide #2')).toBe('reponse-rapide-2');
    expect(slugify('¿Qué?')).toBe('que');
    expect(slugify('   ')).toBe('');
    expect(slugify(`${'a'.repeat(70)} b`, 64)).toHaveLength(64);
    expect(slugify('ab cd', 3)).toBe('ab');
  });

  it('picks the first free id', () => {
    expect(uniqueId('Care tip', [])).toBe('care-tip');
    expect(uniqueId('care-tip', ['care-tip'])).toBe('care-tip-2');
    expect(uniqueId('care-tip', ['care-tip', 'care-tip-2'])).toBe('care-tip-3');
    expect(uniqueId('', [])).toBe('item');
    const long = 'x'.repeat(64);
    expect(uniqueId(long, [long])).toBe(`${'x'.repeat(62)}-2`);
  });

  it('hands out distinct keys', () => {
    const keys = [...freshKeys(3), ...freshKeys(2)];
    expect(new Set(keys).size).toBe(5);
  });
});
