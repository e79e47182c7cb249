/**
 * Page text is hostile (issue 15 #7): invisible characters must not split a keyword out of a rule's reach
 * or survive into what the rep reads, and bounds must hold for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../playbook/condition';
import { factsFor } from '../playbook/facts';
import type { Condition } from '../playbook/types';
import { english } from '../playbook/wording-en';
import { cleanText, LIMITS } from './sanitize';
import type { TicketContext } from './types';

/** Format characters (\p{Cf}), default-ignorables and blank fillers a customer can type or paste. */
const INVISIBLES = [
  '\u00AD', // soft hyphen
  '\u061C', // Arabic letter mark
  '\u180E', // Mongolian vowel separator
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u202E',
  '\u2060',
  '\u2066',
  '\u2069',
  '\uFEFF',
  '\u034F', // combining grapheme joiner
  '\u115F', // Hangul choseong filler
  '\u1160', // Hangul jungseong filler
  '\u3164', // Hangul filler
  '\uFFA0', // halfwidth Hangul filler
  '\u2800', // Braille pattern blank
  '\uFE0F', // variation selector
  '\u{E0001}', // language tag
  '\u{E0041}', // tag latin capital A
  '\u{E007F}', // cancel tag
  '\u0085', // C1 control
];
const invisible = fc.constantFrom(...INVISIBLES);
const NOT_CALM: Condition = { not: { customerSays: { any: ['unacceptable', 'refund now'] } } };

function ticketSaying(text: string): TicketContext {
  return {
    helpdesk: 'zendesk',
    ticketId: '1',
    subject: 's',
    requesterName: 'Maria',
    customerKey: null,
    channel: 'chat',
    status: 'open',
    tags: [],
    product: null,
    messages: [{ role: 'customer', text: cleanText(text, LIMITS.messageText) }],
  };
}

/** `word` with invisible characters inserted at random places. */
const salted = (word: string) =>
  fc.array(fc.tuple(fc.nat({ max: word.length }), fc.array(invisible, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }).map((cuts) => {
    const chars = Array.from(word);
    for (const [at, ins] of [...cuts].sort((a, b) => b[0] - a[0])) chars.splice(at, 0, ...ins);
    return chars.join('');
  });

describe('cleanText against invisible characters', () => {
  it('"unacce\\u00ADptable" still matches a not-customerSays rule', () => {
    expect(cleanText('This is unacce\u00ADptable')).toBe('This is unacceptable');
    expect(evaluateCondition(NOT_CALM, { ...ENV, facts: factsFor(ticketSaying('This is unacce\u00ADptable')) })).toBe(false);
  });

  it('any mix of format characters and fillers inside a keyword is removed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('unacceptable', 'refund now'), fc.string({ maxLength: 20 }), (word, tail) =>
        fc.assert(
          fc.property(salted(word), (text) => {
            expect(cleanText(text)).toBe(word);
            expect(evaluateCondition(NOT_CALM, { ...ENV, facts: factsFor(ticketSaying(`I say: ${text} ${tail}`)) })).toBe(false);
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 50 },
    );
  });

  it('never returns a format, default-ignorable or control character, and stays within the bound (property)', () => {
    const bad = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/u;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(fc.oneof(invisible, fc.string({ maxLength: 3 }))).map((a) => a.join(''))), fc.integer({ min: 2, max: 300 }), (raw, max) => {
        const out = cleanText(raw, max);
        expect(bad.test(out)).toBe(false);
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 1_000 },
    );
    // CPU-bound; the shared 2-core machine can be several times slower than alone (~0.5 s).
  }, 30_000);

  it('never exceeds the bound with its ellipsis (found by the property above)', () => {
    expect(cleanText('!!\u{E0041}\u00AD\u00AD\u00AD\u00AD\u00AD', 2)).toBe('!!');
    expect(cleanText(`ab${'\u00AD'.repeat(600)}cd`, 2)).toBe('a…');
  });

  it('padding with invisible characters does not push a keyword out of reach', () => {
    const padded = `${'\u00AD'.repeat(LIMITS.messageText * 8)}unacceptable`;
    expect(cleanText(padded, LIMITS.messageText)).toBe('unacceptable');
  });
});

const ENV = { facts: null, checklist: {}, resolutionConfirmed: true, now: 0, startedAt: 0, history: [], say: english } as const;
