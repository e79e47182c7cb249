import { describe, expect, it } from 'vitest';
import { normalizeSalt } from './salt';

describe('hash salt', () => {
  it('accepts 16–128 hex characters, trimmed and lower-cased', () => {
    expect(normalizeSalt('  0123456789ABCDEF \n')).toBe('0123456789abcdef');
    expect(normalizeSalt('a'.repeat(128))).toBe('a'.repeat(128));
  });
  it('rejects anything else', () => {
    expect(normalizeSalt('0123456789abcde')).toBeNull();
    expect(normalizeSalt('a'.repeat(129))).toBeNull();
    expect(normalizeSalt('0123456789abcdeg')).toBeNull();
    expect(normalizeSalt('0123 4567 89ab cdef')).toBeNull();
    expect(normalizeSalt('')).toBeNull();
  });
});
