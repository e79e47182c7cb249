/**
 * The per-attempt facts every metric, filter and export agrees on, defined once so the funnel, the
 * acceptance tables, the trend chart and the CSV never count "offered" two different ways.
 */
import type { Attempt } from '../log/types';

/**
 * Reached the customer: offered and awaiting an answer, accepted or declined. A not-a-fit attempt never
 * counts, even if it was offered before the rep corrected it (the correction is the truth).
 */
export function wasOffered(a: Pick<Attempt, 'outcome'>): boolean {
  return a.outcome === 'offered' || a.outcome === 'accepted' || a.outcome === 'declined';
}

/**
 * The move was put in front of the rep. Any attempt that was offered or has an outcome was shown too,
 * even when the shown time is missing (a CSV import carries no shown time), so "shown" includes them.
 */
export function wasShown(a: Pick<Attempt, 'shownAt' | 'offeredAt' | 'outcome'>): boolean {
  return a.shownAt !== null || a.offeredAt !== null || a.outcome !== null;
}

/**
 * When the attempt "happened", for date filters and trend buckets: the offer if there was one (so an
 * offer and its later answer land in the same bucket), else the outcome (a not-a-fit), else when it was
 * shown, else when it was last logged — the same order the frequency cap uses in storage.
 */
export function attemptTime(a: Pick<Attempt, 'offeredAt' | 'outcomeAt' | 'shownAt' | 'loggedAt'>): number {
  return a.offeredAt ?? a.outcomeAt ?? a.shownAt ?? a.loggedAt;
}

/**
 * Seconds from the rep confirming resolution to the offer; negative when the offer came first (a
 * resolution-first breach), null when either time is missing. Whole milliseconds in, so at most three
 * decimals out.
 */
export function secondsResolutionToOffer(a: Pick<Attempt, 'offeredAt' | 'resolutionConfirmedAt'>): number | null {
  if (a.offeredAt === null || a.resolutionConfirmedAt === null) return null;
  return (a.offeredAt - a.resolutionConfirmedAt) / 1000;
}

/** `part / whole`, or null when there is nothing to divide (a rate of 0 would claim something happened). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Outcome tallies used by every acceptance table. */
export interface OutcomeCounts {
  /** Attempts in the group, whatever happened to them. */
  attempts: number;
  /** Reached the customer (awaiting + accepted + declined). */
  offered: number;
  /** Offered, answer not recorded yet. */
  awaiting: number;
  accepted: number;
  declined: number;
  notAFit: number;
}

export function emptyCounts(): OutcomeCounts {
  return { attempts: 0, offered: 0, awaiting: 0, accepted: 0, declined: 0, notAFit: 0 };
}

export function countOutcome(c: OutcomeCounts, a: Pick<Attempt, 'outcome'>): void {
  c.attempts++;
  switch (a.outcome) {
    case 'offered':
      c.offered++;
      c.awaiting++;
      break;
    case 'accepted':
      c.offered++;
      c.accepted++;
      break;
    case 'declined':
      c.offered++;
      c.declined++;
      break;
    case 'not-a-fit':
      c.notAFit++;
      break;
    default:
      break;
  }
}

/** Outcome tallies per interaction id, in one pass (CSV interaction rows and the dashboard's list). */
export function countsByInteraction(attempts: Iterable<Pick<Attempt, 'interactionId' | 'outcome'>>): Map<string, OutcomeCounts> {
  const counts = new Map<string, OutcomeCounts>();
  for (const a of attempts) {
    let c = counts.get(a.interactionId);
    if (!c) {
      c = emptyCounts();
      counts.set(a.interactionId, c);
    }
    countOutcome(c, a);
  }
  return counts;
}
