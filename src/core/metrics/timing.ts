/**
 * Resolution-first timing: was the offer made after the rep confirmed the problem was solved, and how
 * long after. Only attempts that reached the customer and carry an offer time are judged.
 */
import type { Attempt } from '../log/types';
import { rate, secondsResolutionToOffer, wasOffered } from './facts';

export interface Adherence {
  /** Offers with a known offer time. */
  readonly offers: number;
  /** Made at or after the interaction's resolution was confirmed. */
  readonly afterResolution: number;
  /** Made before resolution was confirmed. */
  readonly beforeResolution: number;
  /** Made in an interaction whose resolution was never confirmed. */
  readonly unresolved: number;
  /** afterResolution / offers; null with no offers. */
  readonly share: number | null;
}

export function resolutionFirstAdherence(attempts: readonly Attempt[]): Adherence {
  let offers = 0;
  let afterResolution = 0;
  let beforeResolution = 0;
  let unresolved = 0;
  for (const a of attempts) {
    if (a.offeredAt === null || !wasOffered(a)) continue;
    offers++;
    if (a.resolutionConfirmedAt === null) unresolved++;
    else if (a.offeredAt >= a.resolutionConfirmedAt) afterResolution++;
    else beforeResolution++;
  }
  return { offers, afterResolution, beforeResolution, unresolved, share: rate(afterResolution, offers) };
}

/**
 * Median seconds from resolution to offer, over offers with both times. Offers made before resolution
 * count with their negative value — dropping them would flatter the median. Null when there are none.
 */
export function medianSecondsResolutionToOffer(attempts: readonly Attempt[]): number | null {
  const values = new Float64Array(attempts.length);
  let n = 0;
  for (const a of attempts) {
    if (!wasOffered(a)) continue;
    const s = secondsResolutionToOffer(a);
    if (s !== null) values[n++] = s;
  }
  if (n === 0) return null;
  // Typed arrays sort numerically; 100,000 values sort in milliseconds.
  const sorted = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
