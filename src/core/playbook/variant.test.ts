import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { done, input, move, playbook } from './test-fixtures';
import type { Playbook } from './types';
import { fnv1a32, resolveVariant, variantByLabel } from './variant';

const withTest = (shareB: number): Playbook =>
  playbook({
    id: 'ab',
    moves: [move('tip-a')],
    abTest: { labelA: 'control', labelB: 'short-tips', shareB, movesB: [move('tip-b')] },
  });

describe('resolveVariant', () => {
  it('uses the standard FNV-1a 32-bit hash', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('returns the playbook unchanged and variant "" without a test', () => {
    const pb = playbook();
    expect(resolveVariant(pb, '123')).toEqual({ playbook: pb, variant: '' });
  });

  it('is stable per ticket, and variant B swaps the moves', () => {
    const pb = withTest(0.5);
    fc.assert(
      fc.property(fc.string(), (ticketId) => {
        const first = resolveVariant(pb, ticketId);
        expect(resolveVariant(pb, ticketId)).toEqual(first);
        // Cached per playbook, so the engine's per-playbook caches keep hitting.
        expect(resolveVariant(pb, ticketId).playbook).toBe(first.playbook);
        expect(first.playbook.abTest).toBeUndefined();
        expect(first.playbook.moves[0]?.id).toBe(first.variant === 'short-tips' ? 'tip-b' : 'tip-a');
      }),
    );
    const b = resolveVariant(withTest(1), 'any').playbook;
    expect(evaluate(b, input({ checklist: done('confirm') })).eligible.map((e) => e.move.id)).toEqual(['tip-b']);
  });

  it('splits tickets roughly by shareB', () => {
    for (const share of [0, 0.1, 0.3, 0.5, 1]) {
      const pb = withTest(share);
      let b = 0;
      const n = 20_000;
      // Sequential numeric ids, the common real-world shape (Zendesk, Freshdesk).
      for (let i = 0; i < n; i++) if (resolveVariant(pb, String(100_000 + i)).variant === 'short-tips') b++;
      expect(Math.abs(b / n - share)).toBeLessThan(0.02);
    }
  });
});

describe('assignment by customer', () => {
  it('puts every ticket of one customer in the same variant, whatever the case or spacing of the key', () => {
    const pb = withTest(0.5);
    fc.assert(
      fc.property(fc.emailAddress(), fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 5 }), (email, tickets) => {
        const variants = new Set(tickets.map((t, i) => resolveVariant(pb, t, i % 2 ? ` ${email.toUpperCase()} ` : email).variant));
        expect(variants.size).toBe(1);
      }),
    );
  });

  it('falls back to the ticket id without a customer, and splits customers by shareB', () => {
    const pb = withTest(0.3);
    expect(resolveVariant(pb, '42', null)).toEqual(resolveVariant(pb, '42'));
    expect(resolveVariant(pb, '42', '  ')).toEqual(resolveVariant(pb, '42'));
    let b = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (resolveVariant(pb, 'same-ticket', `customer${i}@example.com`).variant === 'short-tips') b++;
    expect(Math.abs(b / n - 0.3)).toBeLessThan(0.02);
  });
});

describe('variantByLabel (pinning a ticket to the variant it started with)', () => {
  it('gives the same playbook object as resolveVariant for each label, and null for a label it does not know', () => {
    const pb = withTest(0.5);
    const a = variantByLabel(pb, 'control');
    const b = variantByLabel(pb, 'short-tips');
    expect(a?.playbook.moves[0]?.id).toBe('tip-a');
    expect(b?.playbook.moves[0]?.id).toBe('tip-b');
    for (const t of ['1', '2', '3', '4', '5', '6']) {
      const r = resolveVariant(pb, t, `${t}@example.com`);
      expect(variantByLabel(pb, r.variant)).toEqual(r);
      expect(variantByLabel(pb, r.variant)?.playbook).toBe(r.playbook);
    }
    expect(variantByLabel(pb, 'gone')).toBeNull();
    const plain = playbook();
    expect(variantByLabel(plain, '')).toEqual({ playbook: plain, variant: '' });
    expect(variantByLabel(plain, 'control')).toBeNull();
  });
});
