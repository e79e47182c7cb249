/**
 * The engine tests a sub-condition that several moves repeat (the default playbook's common guard) once
 * per evaluation (`shareSubConditions`, `pass`). These properties compare that path with the
 * straightforward one — every condition object compiled and tested on its own — on random playbooks,
 * tickets and histories, evaluated one after another so a result kept from an earlier evaluation would show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, explainMet, explainUnmet, newPass, shareSubConditions } from './condition';
import { conditionsOf, type EvaluationInput, evaluate } from './engine';
import { arbCondition, arbContext, arbEnv, arbHistory, arbPlaybook, done, input, NOW } from './test-fixtures';
import type { Condition, Playbook } from './types';
import { fillMessage, type Say } from './wording';
import { REASON_TEXT } from './wording-en';

/**
 * The same playbook with `guard` (as a structural copy each time) added to every move's condition, and
 * optionally as its resolution rule (tested before resolution is known, then again by the moves after).
 */
function withGuard(pb: Playbook, guard: Condition, asResolutionRule: boolean): Playbook {
  const moves = pb.moves.map((m) => ({ ...m, when: { all: [structuredClone(guard), m.when] } }));
  return asResolutionRule ? { ...pb, moves, resolutionRule: structuredClone(guard) } : { ...pb, moves };
}

/**
 * A deep copy whose every condition is compiled before the engine first sees it: `shareSubConditions`
 * leaves already-compiled conditions alone, so this copy is evaluated the straightforward way.
 */
function unshared(pb: Playbook): Playbook {
  const copy = structuredClone(pb);
  const env = { facts: null, checklist: {}, resolutionConfirmed: false, now: NOW, startedAt: NOW, history: [], say: input().say };
  for (const c of conditionsOf(copy)) evaluateCondition(c, env);
  return copy;
}

const arbInput = fc
  .record({ context: arbContext, history: arbHistory, doneIds: fc.subarray(['s0', 's1', 's2', 's3', 's4']), elapsed: fc.integer({ min: 0, max: 40 }) })
  .map(({ context, history, doneIds, elapsed }): EvaluationInput => input({ context, history, checklist: done(...doneIds), startedAt: NOW - elapsed * 60_000 }));

describe('sub-conditions shared between moves', () => {
  it('the engine gives exactly the straightforward result, evaluation after evaluation (property)', () => {
    fc.assert(
      fc.property(arbPlaybook, arbCondition(['s0'], 3), fc.boolean(), fc.array(arbInput, { minLength: 1, maxLength: 4 }), (pb, guard, asRule, inputs) => {
        const guarded = withGuard(pb, guard, asRule);
        const shared = structuredClone(guarded);
        const reference = unshared(guarded);
        // Twice through the list: the second round must not see results kept from the first.
        for (const x of [...inputs, ...inputs]) expect(evaluate(shared, x)).toEqual(evaluate(reference, x));
      }),
      { numRuns: 150 },
    );
  });

  it('lines built once per language follow the Say of each evaluation, switching back and forth (property)', () => {
    // Another language, as far as the engine can tell: every line is marked.
    const marked: Say = (code, ...args) => `⟦${fillMessage(REASON_TEXT[code], args)}⟧`;
    fc.assert(
      fc.property(arbPlaybook, fc.array(fc.tuple(arbInput, fc.boolean()), { minLength: 2, maxLength: 5 }), (pb, runs) => {
        const shared = structuredClone(pb);
        for (const [x, useMarked] of runs) {
          const asked = useMarked ? { ...x, say: marked } : x;
          // A fresh copy has no lines built yet: what the first evaluation in that language gives.
          expect(evaluate(shared, asked)).toEqual(evaluate(structuredClone(pb), asked));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a shared node answers for the env it is asked about, whatever was asked before (property)', () => {
    fc.assert(
      fc.property(fc.array(arbCondition(['a', 'b'], 3), { minLength: 1, maxLength: 3 }), fc.array(arbEnv, { minLength: 2, maxLength: 4 }), (parts, envs) => {
        // Roots that repeat the same parts as structural copies, in different combinations.
        const roots: Condition[] = [{ all: structuredClone(parts) }, { any: structuredClone(parts) }, { not: { all: structuredClone(parts) } }, ...structuredClone(parts)];
        shareSubConditions(roots);
        const plain = structuredClone(roots);
        const passEnvs = envs.map((env) => ({ ...env, pass: newPass() }));
        for (const [k, env] of [...passEnvs, ...passEnvs.slice().reverse()].entries()) {
          const base = envs[k < passEnvs.length ? k : 2 * passEnvs.length - 1 - k];
          roots.forEach((c, i) => {
            const ref = plain[i] as Condition;
            expect(evaluateCondition(c, env)).toBe(evaluateCondition(ref, base as typeof env));
            expect(explainMet(c, env)).toEqual(explainMet(ref, base as typeof env));
            expect(explainUnmet(c, env)).toBe(explainUnmet(ref, base as typeof env));
          });
        }
      }),
      { numRuns: 200 },
    );
  });

});
