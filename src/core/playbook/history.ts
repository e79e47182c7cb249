/**
 * The customer's earlier VE attempts as the engine sees them, and the wording of how long ago they were.
 * Frequency caps count only attempts that reached the customer: a `not-a-fit` dismissal was never
 * offered, so it must not keep the customer from getting help next time.
 */
import type { MoveKind, Outcome } from '../log/types';
import { DAY_MS } from './limits';

export interface HistoryAttempt {
  readonly moveId: string;
  readonly kind: MoveKind;
  /** Epoch ms of the attempt (offer time when known). */
  readonly at: number;
  readonly outcome: Outcome | null;
  /**
   * False when the move was only shown to the rep and never offered. Null-outcome attempts count as
   * offered unless this says otherwise (the log's Attempt has `offeredAt`).
   */
  readonly offered?: boolean;
}

export function reachedCustomer(a: HistoryAttempt): boolean {
  if (a.outcome === 'not-a-fit') return false;
  return a.outcome !== null || a.offered !== false;
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
