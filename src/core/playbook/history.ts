/**
 * The customer's earlier VE attempts as the engine sees them, and the wording of how long ago they were.
 * This is the one history contract: the worker turns each stored `Attempt` into a `HistoryAttempt` with
 * `toHistoryAttempt` and nothing else builds one. Frequency caps count only attempts that reached the
 * customer: a move only *shown* to the rep, or dismissed as `not-a-fit`, was never offered, so it must
 * not keep the customer from getting help next time.
 */
import type { Attempt, MoveKind, Outcome } from '../log/types';
import { DAY_MS } from './limits';

export interface HistoryAttempt {
  readonly moveId: string;
  readonly kind: MoveKind;
  /** Epoch ms of the attempt (offer time when known). */
  readonly at: number;
  readonly outcome: Outcome | null;
  /** True when the move reached the customer (see `toHistoryAttempt`); only these count for caps. */
  readonly offered: boolean;
}

/**
 * What the engine needs from a stored attempt. `offered`: it has an offer time or an outcome, and its
 * latest outcome is not `not-a-fit` (the rep's last word that it never went out). A move that was only
 * shown (no offer, no outcome) is not offered.
 */
export function toHistoryAttempt(a: Pick<Attempt, 'moveId' | 'moveKind' | 'offeredAt' | 'outcome' | 'outcomeAt' | 'loggedAt'>): HistoryAttempt {
  const offered = a.outcome !== 'not-a-fit' && (a.offeredAt !== null || a.outcome !== null);
  return { moveId: a.moveId, kind: a.moveKind, at: a.offeredAt ?? a.outcomeAt ?? a.loggedAt, outcome: a.outcome, offered };
}

export function reachedCustomer(a: HistoryAttempt): boolean {
  return a.offered;
}

/** Within the last `days` days. Attempts dated in the future (clock skew between reps) count as now. */
export function withinDays(now: number, at: number, days: number): boolean {
  return now - at < days * DAY_MS;
}

export function daysAgo(now: number, at: number): string {
  const days = Math.max(0, Math.floor((now - at) / DAY_MS));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
