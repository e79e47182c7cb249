import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCounter } from './lines';

/** The plain definition: 1 + the LF, CRLF and lone-CR breaks before `offset`. */
function lineAtNaive(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}

const textArb = fc.array(fc.constantFrom('a', 'b,', '"', '\n', '\r', '\r\n', '\n\r', 'é'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('lineCounter', () => {
  it('gives the line of every offset, asked in increasing order, as counting every character does', () => {
    fc.assert(
      fc.property(
        textArb.chain((t) => fc.tuple(fc.constant(t), fc.uniqueArray(fc.nat({ max: t.length }), { maxLength: 20 }))),
        ([text, offsets]) => {
          const lineAt = lineCounter(text);
          for (const o of [...offsets].sort((a, b) => a - b)) expect(lineAt(o)).toBe(lineAtNaive(text, o));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('counts CRLF once, a lone CR and LF once each, also when an offset falls between CR and LF', () => {
    const lineAt = lineCounter('a\r\nb\rc\nd');
    expect([0, 2, 3, 5, 7].map(lineAt)).toEqual([1, 1, 2, 3, 4]);
  });

  it('refuses to go backwards rather than answer wrongly', () => {
    const lineAt = lineCounter('a\nb');
    lineAt(2);
    expect(() => lineAt(1)).toThrow(RangeError);
  });
});
