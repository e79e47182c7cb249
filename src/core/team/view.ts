/** What pages see of team mode (the worker's `team/status` answer): state, counters, freshness — never credentials. */
import type { TeamSummary } from './config';
import type { TeamFailure } from './errors';
import type { RepFreshness } from './freshness';
import type { TeamHealthRow } from './health';
import type { ReceivedReview } from './review';

export interface TeamCounters {
  /** Messages read from the stream and stored (or already stored) since team mode started here. */
  readonly pulled: number;
  /** Messages skipped because they were malformed (kept in the `rejected` store, origin 'team'). */
  readonly malformed: number;
  readonly published: number;
  /** Acks that said `duplicate: true` (the stream had it already; counted as published). */
  readonly duplicates: number;
}

export interface TeamStatusRow extends TeamCounters {
  readonly failure: TeamFailure | null;
  readonly failedAt: number | null;
  readonly lastPublishAt: number | null;
  readonly lastPullAt: number | null;
}

export const EMPTY_STATUS: TeamStatusRow = {
  pulled: 0,
  malformed: 0,
  published: 0,
  duplicates: 0,
  failure: null,
  failedAt: null,
  lastPublishAt: null,
  lastPullAt: null,
};

export interface PullProgress {
  readonly done: number;
  readonly total: number;
}

export interface TeamView extends TeamStatusRow {
  readonly enabled: boolean;
  readonly source: 'policy' | 'file' | null;
  readonly config: TeamSummary | null;
  readonly problems: readonly string[];
  /** Events stored here and not yet acknowledged by the server. */
  readonly pending: number;
  readonly running: boolean;
  /** While a pull runs: messages read of those announced. */
  readonly progress: PullProgress | null;
  readonly reps: readonly RepFreshness[];
  /** Helpdesk fields failing for at least one rep, from each rep's latest site-health report. */
  readonly health: readonly TeamHealthRow[];
  /** A lead's newest notes on this rep's own attempts (newest first, a few). */
  readonly reviews: readonly ReceivedReview[];
}
