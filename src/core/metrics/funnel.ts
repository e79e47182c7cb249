/**
 * The value-enhancement funnel over interactions. Each stage is a subset of the one before, so the bars
 * never grow: an offer made in an interaction that was never marked resolved is not "offered" here —
 * resolution comes first by design, and `resolutionFirstAdherence` shows how often that slips.
 */
import type { Attempt, Interaction } from '../log/types';
import { rate, wasOffered, wasShown } from './facts';

/** Share of interactions with an offer that the research found healthy (Dixon et al.: 35–50%). */
export const OFFER_SHARE_BAND = { min: 0.35, max: 0.5 } as const;
export type Band = 'below' | 'within' | 'above';

export interface Funnel {
  readonly interactions: number;
  readonly resolved: number;
  /** Resolved, and at least one move was shown. */
  readonly veEligible: number;
  /** …and at least one move reached the customer (offered, accepted or declined). */
  readonly offered: number;
  /** …and the customer accepted at least one. */
  readonly accepted: number;
  /** offered / interactions; null with no interactions. */
  readonly offeredShare: number | null;
  readonly band: Band | null;
}

const SHOWN = 1;
const OFFERED = 2;
const ACCEPTED = 4;

export function band(share: number | null): Band | null {
  if (share === null) return null;
  if (share < OFFER_SHARE_BAND.min) return 'below';
  return share > OFFER_SHARE_BAND.max ? 'above' : 'within';
}

/** One pass over attempts (flags per interaction), one over interactions. Attempts of other interactions are ignored. */
export function funnel(interactions: readonly Interaction[], attempts: readonly Attempt[]): Funnel {
  const flags = new Map<string, number>();
  for (const a of attempts) {
    let f = flags.get(a.interactionId) ?? 0;
    if (wasShown(a)) f |= SHOWN;
    if (wasOffered(a)) f |= OFFERED;
    if (a.outcome === 'accepted') f |= ACCEPTED;
    flags.set(a.interactionId, f);
  }
  let resolved = 0;
  let veEligible = 0;
  let offered = 0;
  let accepted = 0;
  for (const i of interactions) {
    if (i.resolvedAt === null) continue;
    resolved++;
    const f = flags.get(i.id) ?? 0;
    // wasOffered implies wasShown and accepted implies offered, so each test narrows the one before.
    if (!(f & SHOWN)) continue;
    veEligible++;
    if (!(f & OFFERED)) continue;
    offered++;
    if (f & ACCEPTED) accepted++;
  }
  const offeredShare = rate(offered, interactions.length);
  return { interactions: interactions.length, resolved, veEligible, offered, accepted, offeredShare, band: band(offeredShare) };
}
