import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptArb } from '../csv/arbitraries';
import { acceptanceByKind, acceptanceByMove, byVariant } from './acceptance';
import { makeAttempt, offered, T0 } from './fixtures';

const notAFit = (over = {}) => makeAttempt({ outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'already-knows', ...over });

describe('acceptanceByMove', () => {
  it('counts outcomes per move; the rate is accepted / reached the customer', () => {
    const rows = acceptanceByMove([
      offered('accepted', { interactionId: 'a', moveId: 'm1' }),
      offered('declined', { interactionId: 'b', moveId: 'm1' }),
      offered('offered', { interactionId: 'c', moveId: 'm1', moveTitle: 'New title', loggedAt: T0 + 999_999 }),
      notAFit({ interactionId: 'd', moveId: 'm1' }),
      makeAttempt({ interactionId: 'e', moveId: 'm1' }),
      offered('accepted', { interactionId: 'a', moveId: 'm2', moveKind: 'confidence' }),
      offered('accepted', { interactionId: 'b', moveId: 'm2', moveKind: 'confidence' }),
      notAFit({ interactionId: 'c', moveId: 'm3' }),
    ]);
    expect(rows).toEqual([
      { moveId: 'm1', moveKind: 'usage-tip', moveTitle: 'New title', attempts: 5, offered: 3, awaiting: 1, accepted: 1, declined: 1, notAFit: 1, acceptanceRate: 1 / 3 },
      { moveId: 'm2', moveKind: 'confidence', moveTitle: 'Try saved replies', attempts: 2, offered: 2, awaiting: 0, accepted: 2, declined: 0, notAFit: 0, acceptanceRate: 1 },
      { moveId: 'm3', moveKind: 'usage-tip', moveTitle: 'Try saved replies', attempts: 1, offered: 0, awaiting: 0, accepted: 0, declined: 0, notAFit: 1, acceptanceRate: null },
    ]);
  });
});

describe('acceptanceByKind', () => {
  it('has a row for every kind, in order, even without attempts', () => {
    const rows = acceptanceByKind([offered('accepted'), offered('declined', { moveId: 'm2' }), offered('declined', { moveId: 'm3' })]);
    expect(rows.map((r) => [r.moveKind, r.offered, r.accepted, r.acceptanceRate])).toEqual([
      ['usage-tip', 3, 1, 1 / 3],
      ['confidence', 0, 0, null],
    ]);
  });
});

describe('byVariant', () => {
  it('compares variants per playbook', () => {
    const rows = byVariant([
      offered('accepted', { interactionId: '1', variant: 'B' }),
      offered('accepted', { interactionId: '2', variant: 'A' }),
      offered('declined', { interactionId: '3', variant: 'A' }),
      offered('offered', { interactionId: '4', variant: 'A' }),
      notAFit({ interactionId: '5', variant: 'A' }),
      offered('declined', { interactionId: '6', playbookId: 'billing', variant: 'A' }),
    ]);
    expect(rows.map((r) => [r.playbookId, r.variant, r.offered, r.accepted, r.acceptanceRate])).toEqual([
      ['billing', 'A', 1, 0, 0],
      ['pb', 'A', 3, 1, 1 / 3],
      ['pb', 'B', 1, 1, 1],
    ]);
  });

  it('does not merge pairs that would collide under a joined key', () => {
    const rows = byVariant([offered('accepted', { playbookId: 'a:b', variant: 'c' }), offered('accepted', { interactionId: '2', playbookId: 'a', variant: 'b:c' })]);
    expect(rows).toHaveLength(2);
  });
});

describe('acceptance rates', () => {
  it('stay within [0, 1] and the counts add up', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 60 }), (attempts) => {
        for (const r of [...acceptanceByMove(attempts), ...acceptanceByKind(attempts), ...byVariant(attempts)]) {
          if (r.acceptanceRate !== null) expect(r.acceptanceRate >= 0 && r.acceptanceRate <= 1).toBe(true);
          expect(r.offered).toBe(r.awaiting + r.accepted + r.declined);
          expect(r.offered + r.notAFit).toBeLessThanOrEqual(r.attempts);
        }
        const total = (rows: { attempts: number }[]) => rows.reduce((s, r) => s + r.attempts, 0);
        expect(total(acceptanceByKind(attempts))).toBe(attempts.length);
        expect(total(byVariant(attempts))).toBe(attempts.length);
      }),
    );
  });
});
