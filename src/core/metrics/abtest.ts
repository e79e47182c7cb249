/**
 * A/B results a lead can trust: per playbook with exactly two variants, each variant's acceptance
 * (accepted / offered, as everywhere else) and VES share (customers agreeing with both statements) with
 * a 95% credible interval, the probability that the second variant beats the first, and how many more
 * offers (or VES answers) a decision needs.
 *
 * "Decided" means that probability is at least 95% either way. "More needed" projects the rates seen
 * so far onto more data, split between the variants as the traffic is split now, and finds the
 * smallest total that would reach 95% — an estimate that assumes the observed rates hold, not a promise.
 * Variants are ordered by label; the card names both, so which one is "A" is never ambiguous.
 */
import type { Attempt, Interaction, Wrapup } from '../log/types';
import { type Beta, interval95, posterior, probGreater } from './beta';
import { rate, wasOffered } from './facts';
import { vesAgrees, vesAnswered } from './ves';

export const DECISION_PROBABILITY = 0.95;
/** Beyond this many more trials the card says "no decision in sight" instead of a number. */
export const MAX_PROJECTED = 1_000_000;

export interface Estimate {
  readonly successes: number;
  readonly trials: number;
  /** successes / trials; null with no trials. */
  readonly rate: number | null;
  /** 95% credible interval of the Beta(s+1, n−s+1) posterior. */
  readonly low: number;
  readonly high: number;
}

export interface Comparison {
  /** P(second variant's true rate > first's). */
  readonly probSecondBetter: number;
  readonly decided: boolean;
  /** 0 when decided; null when the rates seen so far are equal or no decision comes within MAX_PROJECTED. */
  readonly moreNeeded: number | null;
}

export interface VariantArm {
  readonly variant: string;
  readonly acceptance: Estimate;
  readonly ves: Estimate;
}

export interface AbResult {
  readonly playbookId: string;
  readonly first: VariantArm;
  readonly second: VariantArm;
  readonly acceptance: Comparison;
  readonly ves: Comparison;
}

export function estimate(successes: number, trials: number): Estimate {
  const { low, high } = interval95(posterior(successes, trials));
  return { successes, trials, rate: rate(successes, trials), low, high };
}

const decidedAt = (p: number) => p >= DECISION_PROBABILITY || p <= 1 - DECISION_PROBABILITY;

function projected(a: Estimate, b: Estimate, more: number): number {
  const total = a.trials + b.trials;
  const shareA = total > 0 ? a.trials / total : 0.5;
  // Posterior means, so a variant with no trials yet projects at 50%, not at 0/0.
  const pa = (a.successes + 1) / (a.trials + 2);
  const pb = (b.successes + 1) / (b.trials + 2);
  const na = more * shareA;
  const nb = more - na;
  const grow = (s: number, n: number, p: number, extra: number): Beta => ({ alpha: s + 1 + extra * p, beta: n - s + 1 + extra * (1 - p) });
  return probGreater(grow(b.successes, b.trials, pb, nb), grow(a.successes, a.trials, pa, na));
}

export function compare(a: Estimate, b: Estimate): Comparison {
  const p = probGreater(posterior(b.successes, b.trials), posterior(a.successes, a.trials));
  if (decidedAt(p)) return { probSecondBetter: p, decided: true, moreNeeded: 0 };
  const pa = (a.successes + 1) / (a.trials + 2);
  const pb = (b.successes + 1) / (b.trials + 2);
  if (pa === pb) return { probSecondBetter: p, decided: false, moreNeeded: null };
  // Doubling then bisection: the projected probability moves monotonically away from 50% as data grows.
  let hi = 16;
  while (hi <= MAX_PROJECTED && !decidedAt(projected(a, b, hi))) hi *= 2;
  if (hi > MAX_PROJECTED) return { probSecondBetter: p, decided: false, moreNeeded: null };
  let lo = hi / 2;
  if (hi === 16) lo = 0;
  while (hi - lo > Math.max(1, hi * 0.01)) {
    const mid = Math.floor((lo + hi) / 2);
    if (decidedAt(projected(a, b, mid))) hi = mid;
    else lo = mid;
  }
  return { probSecondBetter: p, decided: false, moreNeeded: Math.ceil(hi) };
}

interface Tally {
  offers: number;
  accepted: number;
  vesYes: number;
  vesAnswered: number;
}

/**
 * Each variant's acceptance and VES share, by playbook id then variant label (variants '' — no test —
 * left out). Also the previous period's side of a comparison, where a variant may run alone.
 */
export function variantArms(attempts: readonly Attempt[], interactions: readonly Interaction[], wrapups: readonly Wrapup[]): Map<string, Map<string, VariantArm>> {
  const byPlaybook = new Map<string, Map<string, Tally>>();
  const tally = (playbookId: string, variant: string): Tally => {
    let variants = byPlaybook.get(playbookId);
    if (!variants) {
      variants = new Map();
      byPlaybook.set(playbookId, variants);
    }
    let t = variants.get(variant);
    if (!t) {
      t = { offers: 0, accepted: 0, vesYes: 0, vesAnswered: 0 };
      variants.set(variant, t);
    }
    return t;
  };
  for (const a of attempts) {
    if (a.variant === '' || !wasOffered(a)) continue;
    const t = tally(a.playbookId, a.variant);
    t.offers++;
    if (a.outcome === 'accepted') t.accepted++;
  }
  const interactionById = new Map(interactions.map((i) => [i.id, i]));
  for (const w of wrapups) {
    const i = interactionById.get(w.interactionId);
    if (!i || i.variant === '' || !vesAnswered(w)) continue;
    const t = tally(i.playbookId, i.variant);
    t.vesAnswered++;
    if (vesAgrees(w)) t.vesYes++;
  }
  const out = new Map<string, Map<string, VariantArm>>();
  for (const [playbookId, variants] of byPlaybook) {
    const arms = new Map<string, VariantArm>();
    for (const [variant, t] of variants) arms.set(variant, { variant, acceptance: estimate(t.accepted, t.offers), ves: estimate(t.vesYes, t.vesAnswered) });
    out.set(playbookId, arms);
  }
  return out;
}

const byLabel = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** One result per playbook that has exactly two variants in the data (ordered by label); others are skipped. */
export function abResults(attempts: readonly Attempt[], interactions: readonly Interaction[], wrapups: readonly Wrapup[]): AbResult[] {
  const out: AbResult[] = [];
  for (const [playbookId, arms] of [...variantArms(attempts, interactions, wrapups)].sort(([x], [y]) => byLabel(x, y))) {
    if (arms.size !== 2) continue;
    const [first, second] = [...arms.values()].sort((x, y) => byLabel(x.variant, y.variant)) as [VariantArm, VariantArm];
    out.push({ playbookId, first, second, acceptance: compare(first.acceptance, second.acceptance), ves: compare(first.ves, second.ves) });
  }
  return out;
}
