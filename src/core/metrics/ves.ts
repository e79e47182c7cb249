/**
 * The customer's own answers as shares, the way the research reads them (issue 18):
 * - VES: the share of customers who agree (4 or 5 on the 5-point scale) with BOTH Gartner statements —
 *   "I can achieve more with the product" and "I feel more confident in my purchase". A customer who
 *   answered only one statement is not counted (we cannot say they agreed with both).
 * - CES: the share who found it easy, 5–7 on the 7-point effort scale (7 = very easy). 4 is the neutral
 *   midpoint and counts as not easy, mirroring "agree" on the VES scale (above the middle, not at it).
 * Both are split between interactions where a VE move reached the customer and those where none did:
 * the evidence that value enhancement pays off.
 */
import type { Attempt, Wrapup } from '../log/types';
import { rate, wasOffered } from './facts';

/** Lowest answer on the 5-point VES scale that counts as agreeing. */
export const VES_AGREE_MIN = 4;
/** Lowest answer on the 7-point CES scale that counts as easy. */
export const CES_EASY_MIN = 5;

export interface Share {
  /** Customers who agreed (VES) or found it easy (CES). */
  readonly yes: number;
  /** Customers who answered (both statements for VES). */
  readonly answered: number;
  /** yes / answered; null when nobody answered. */
  readonly share: number | null;
}

export interface CustomerScores {
  readonly ves: Share;
  readonly ces: Share;
}

export const vesAnswered = (w: Pick<Wrapup, 'vesAchieveMore' | 'vesConfidence'>): boolean => w.vesAchieveMore !== null && w.vesConfidence !== null;
export const vesAgrees = (w: Pick<Wrapup, 'vesAchieveMore' | 'vesConfidence'>): boolean =>
  w.vesAchieveMore !== null && w.vesConfidence !== null && w.vesAchieveMore >= VES_AGREE_MIN && w.vesConfidence >= VES_AGREE_MIN;
export const cesEasy = (w: Pick<Wrapup, 'effort'>): boolean => w.effort !== null && w.effort >= CES_EASY_MIN;

/** A running tally, so callers grouping by rep, variant or move add wrap-ups one by one. */
export class ScoreTally {
  vesYes = 0;
  vesAnswered = 0;
  cesYes = 0;
  cesAnswered = 0;

  add(w: Pick<Wrapup, 'vesAchieveMore' | 'vesConfidence' | 'effort'>): void {
    if (vesAnswered(w)) {
      this.vesAnswered++;
      if (vesAgrees(w)) this.vesYes++;
    }
    if (w.effort !== null) {
      this.cesAnswered++;
      if (cesEasy(w)) this.cesYes++;
    }
  }

  scores(): CustomerScores {
    return {
      ves: { yes: this.vesYes, answered: this.vesAnswered, share: rate(this.vesYes, this.vesAnswered) },
      ces: { yes: this.cesYes, answered: this.cesAnswered, share: rate(this.cesYes, this.cesAnswered) },
    };
  }
}

export function customerScores(wrapups: Iterable<Wrapup>): CustomerScores {
  const tally = new ScoreTally();
  for (const w of wrapups) tally.add(w);
  return tally.scores();
}

/** Interactions in which at least one move reached the customer (offered, accepted or declined). */
export function offeredInteractionIds(attempts: Iterable<Pick<Attempt, 'interactionId' | 'outcome'>>): Set<string> {
  const ids = new Set<string>();
  for (const a of attempts) if (wasOffered(a)) ids.add(a.interactionId);
  return ids;
}

export interface ScoresByOffer {
  readonly all: CustomerScores;
  /** Interactions where a VE move reached the customer. */
  readonly withOffer: CustomerScores;
  /** Interactions where none did (including those where a move was only shown or dismissed). */
  readonly withoutOffer: CustomerScores;
}

/**
 * `offered`: `offeredInteractionIds` of every attempt of the wrap-ups' interactions (not a move-filtered
 * subset, or an interaction with an offer would count as one without). Passed in so a page computes it
 * once per log, not once per filter change.
 */
export function scoresByOffer(wrapups: readonly Wrapup[], offered: ReadonlySet<string>): ScoresByOffer {
  const all = new ScoreTally();
  const withOffer = new ScoreTally();
  const withoutOffer = new ScoreTally();
  for (const w of wrapups) {
    all.add(w);
    (offered.has(w.interactionId) ? withOffer : withoutOffer).add(w);
  }
  return { all: all.scores(), withOffer: withOffer.scores(), withoutOffer: withoutOffer.scores() };
}
