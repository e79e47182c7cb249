/**
 * "Every sentence in the rep's language" (issue 18): the engine writes reasons only through the catalogue,
 * the English catalogue in `_locales` is this table, and Spanish has every message with the same parameters.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from './default-playbook';
import { evaluate } from './engine';
import { arbContext, arbHistory, arbPlaybook, daysBefore, done, input, NOW, ticket } from './test-fixtures';
import { fillMessage, type ReasonCode, type Say } from './wording';
import { REASON_TEXT } from './wording-en';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const sayFrom =
  (locale: string): Say =>
  (code, ...args) =>
    fillMessage(catalogue(locale)[`reason_${code}`]?.message ?? `MISSING ${code}`, args);
const params = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

describe('the reason catalogue', () => {
  it('English in _locales is exactly this table; Spanish has every message with the same parameters, translated', () => {
    const en = catalogue('en');
    const es = catalogue('es');
    for (const [code, text] of Object.entries(REASON_TEXT)) {
      expect(en[`reason_${code}`]?.message, code).toBe(text);
      expect(es[`reason_${code}`]?.message, code).toBeDefined();
      expect(params(es[`reason_${code}`]?.message ?? ''), code).toEqual(params(text));
    }
    const stray = Object.keys(en).filter((k) => k.startsWith('reason_') && !(k.slice(7) in REASON_TEXT));
    expect(stray).toEqual([]);
  });

  it('no sentence bypasses the catalogue: every held-back and why-now line comes from a code (property)', () => {
    // A Say that marks its output: any line without the mark was written in English by hand.
    const marked: Say = (code: ReasonCode, ...args) => `⟦${fillMessage(REASON_TEXT[code], args)}⟧`;
    fc.assert(
      fc.property(arbPlaybook, arbContext, arbHistory, fc.subarray(['s0', 's1', 's2', 's3', 's4']), (pb, context, history, ids) => {
        const ev = evaluate(pb, input({ context, history, checklist: done(...ids), say: marked }));
        for (const h of ev.heldBack) expect(h.reason.startsWith('⟦'), h.reason).toBe(true);
        for (const e of ev.eligible) {
          for (const r of e.reasons) expect(r.startsWith('⟦') || r === e.move.why, r).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    // CPU-bound; the shared 2-core machine can be several times slower than alone.
  }, 30_000);

  it('the default playbook explains itself in Spanish', () => {
    const es = sayFrom('es');
    const context = ticket({ messages: [{ role: 'customer', text: 'Esto es inaceptable, angry' }], tags: ['damaged'] });
    const held = evaluate(DEFAULT_PLAYBOOK, input({ context: ticket({ tags: ['damaged'] }), checklist: {}, say: es })).heldBack;
    expect(held.map((h) => h.reason)).toContain('Esperando a que se confirme la resolución');
    const resolved = evaluate(DEFAULT_PLAYBOOK, input({ context, checklist: done('greet', 'verify', 'fix', 'confirm-fixed'), say: es }));
    const lines = [...resolved.heldBack.map((h) => h.reason), ...resolved.eligible.flatMap((e) => e.reasons.filter((r) => r !== e.move.why))];
    expect(lines.some((l) => l.startsWith("No se cumple la condición: excluida porque el cliente mencionó 'angry'"))).toBe(true);
    for (const l of lines) expect(l, l).not.toMatch(/\b(Condition|customer|Waiting|mentioned|offered|days?|Resolution)\b/);
    const cooled = evaluate(DEFAULT_PLAYBOOK, {
      ...input({ context: ticket({ tags: ['damaged'] }), checklist: done('greet', 'verify', 'fix', 'confirm-fixed'), say: es }),
      history: [{ moveId: 'warranty-reassurance', kind: 'confidence', at: daysBefore(3), outcome: 'accepted', offered: true }],
      now: NOW,
    });
    expect(cooled.heldBack.find((h) => h.moveId === 'warranty-reassurance')?.reason).toBe('Ya se le ofreció a este cliente hace 3 días (pausa de 60 días)');
  });
});
