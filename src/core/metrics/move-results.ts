/**
 * Move results for the playbook editor: per move, over a recent window, how often it reached the
 * customer, how often it was accepted, and the VES share of the customers it was offered to — and
 * whether it "rarely lands": offered at least RARELY_LANDS.minOffers times and accepted under
 * RARELY_LANDS.maxAcceptance. Fewer offers say nothing yet, so such a move is never flagged.
 */
import type { Attempt, Wrapup } from '../log/types';
import { attemptTime, rate, wasOffered } from './facts';
import { type Share, ScoreTally } from './ves';

export const RESULTS_WINDOW_DAYS = 30;
export const RARELY_LANDS = { minOffers: 10, maxAcceptance: 0.2 } as const;

export interface MoveResult {
  readonly moveId: string;
  readonly offered: number;
  readonly accepted: number;
  readonly acceptance: number | null;
  /** VES share among the interactions this move was offered in. */
  readonly ves: Share;
  readonly rarelyLands: boolean;
}

/** Results by move id for attempts whose time falls in [now − days, now]. */
export function moveResults(attempts: readonly Attempt[], wrapups: readonly Wrapup[], now: number, days = RESULTS_WINDOW_DAYS): Map<string, MoveResult> {
  const since = now - days * 86_400_000;
  const wrapupOf = new Map(wrapups.map((w) => [w.interactionId, w]));
  const tallies = new Map<string, { offered: number; accepted: number; scores: ScoreTally; seen: Set<string> }>();
  for (const a of attempts) {
    const t = attemptTime(a);
    if (t < since || t > now || !wasOffered(a)) continue;
    let m = tallies.get(a.moveId);
    if (!m) {
      m = { offered: 0, accepted: 0, scores: new ScoreTally(), seen: new Set() };
      tallies.set(a.moveId, m);
    }
    m.offered++;
    if (a.outcome === 'accepted') m.accepted++;
    const w = wrapupOf.get(a.interactionId);
    // One customer answer per interaction, even if a merged log holds the attempt twice.
    if (w && !m.seen.has(a.interactionId)) {
      m.seen.add(a.interactionId);
      m.scores.add(w);
    }
  }
  const out = new Map<string, MoveResult>();
  for (const [moveId, m] of tallies) {
    const acceptance = rate(m.accepted, m.offered);
    out.set(moveId, {
      moveId,
      offered: m.offered,
      accepted: m.accepted,
      acceptance,
      ves: m.scores.scores().ves,
      rarelyLands: m.offered >= RARELY_LANDS.minOffers && acceptance !== null && acceptance < RARELY_LANDS.maxAcceptance,
    });
  }
  return out;
}
