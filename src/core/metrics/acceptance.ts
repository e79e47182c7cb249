/**
 * Acceptance tables: per move, per move kind and per playbook variant (the A/B comparison). The rate is
 * accepted / offered, where offered counts every attempt that reached the customer (awaiting an answer,
 * accepted or declined); not-a-fit dismissals are counted but never enter the rate.
 */
import { type Attempt, MOVE_KINDS, type MoveKind } from '../log/types';
import { countOutcome, emptyCounts, type OutcomeCounts, rate } from './facts';

export interface Acceptance extends OutcomeCounts {
  /** accepted / offered; null when nothing was offered. */
  acceptanceRate: number | null;
}

export interface MoveAcceptance extends Acceptance {
  moveId: string;
  moveKind: MoveKind;
  /** The title of the most recently logged attempt: titles change between playbook versions. */
  moveTitle: string;
}

export interface KindAcceptance extends Acceptance {
  moveKind: MoveKind;
}

export interface VariantAcceptance extends Acceptance {
  playbookId: string;
  variant: string;
}

function withRate<T extends OutcomeCounts>(c: T): T & Acceptance {
  return Object.assign(c, { acceptanceRate: rate(c.accepted, c.offered) });
}

/** Most offered first (ties by move id), so the table opens on the moves that matter. */
export function acceptanceByMove(attempts: readonly Attempt[]): MoveAcceptance[] {
  const byMove = new Map<string, OutcomeCounts & { moveId: string; moveKind: MoveKind; moveTitle: string; latest: number }>();
  for (const a of attempts) {
    let row = byMove.get(a.moveId);
    if (!row) {
      row = { moveId: a.moveId, moveKind: a.moveKind, moveTitle: a.moveTitle, latest: a.loggedAt, ...emptyCounts() };
      byMove.set(a.moveId, row);
    } else if (a.loggedAt > row.latest) {
      row.latest = a.loggedAt;
      row.moveTitle = a.moveTitle;
      row.moveKind = a.moveKind;
    }
    countOutcome(row, a);
  }
  return [...byMove.values()]
    .map(({ latest: _latest, ...row }) => withRate(row))
    .sort((x, y) => y.offered - x.offered || (x.moveId < y.moveId ? -1 : x.moveId > y.moveId ? 1 : 0));
}

/** One row per move kind, in MOVE_KINDS order, including kinds with no attempts. */
export function acceptanceByKind(attempts: readonly Attempt[]): KindAcceptance[] {
  const byKind = new Map<MoveKind, OutcomeCounts>(MOVE_KINDS.map((k) => [k, emptyCounts()]));
  for (const a of attempts) {
    const c = byKind.get(a.moveKind);
    if (c) countOutcome(c, a);
  }
  return MOVE_KINDS.map((moveKind) => withRate({ moveKind, ...(byKind.get(moveKind) ?? emptyCounts()) }));
}

/** A vs B per playbook: sorted by playbook id, then variant. */
export function byVariant(attempts: readonly Attempt[]): VariantAcceptance[] {
  // Nested maps, not a joined string key, so no separator can make two pairs collide.
  const byPlaybook = new Map<string, Map<string, OutcomeCounts>>();
  for (const a of attempts) {
    let variants = byPlaybook.get(a.playbookId);
    if (!variants) {
      variants = new Map();
      byPlaybook.set(a.playbookId, variants);
    }
    let c = variants.get(a.variant);
    if (!c) {
      c = emptyCounts();
      variants.set(a.variant, c);
    }
    countOutcome(c, a);
  }
  const rows: VariantAcceptance[] = [];
  for (const [playbookId, variants] of byPlaybook) {
    for (const [variant, c] of variants) rows.push(withRate({ playbookId, variant, ...c }));
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return rows.sort((x, y) => cmp(x.playbookId, y.playbookId) || cmp(x.variant, y.variant));
}
