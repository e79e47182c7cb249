/**
 * The dashboard's attempt filter. `compileFilter` does the per-filter work once (sets, lower-cased
 * needle, only the checks that are set), so filtering 100,000 attempts is one cheap pass.
 * An empty or absent list means "any", matching a multi-select with nothing chosen.
 */
import type { Attempt, MoveKind, Outcome } from '../log/types';
import type { Channel, HelpdeskId } from '../ticket/types';
import { attemptTime } from './facts';

export interface AttemptFilter {
  /** Inclusive, epoch ms, compared with `attemptTime` (the offer, else outcome, shown, logged). */
  readonly from?: number;
  /** Exclusive: pass the next midnight to include a whole last day. */
  readonly to?: number;
  readonly repIds?: readonly string[];
  readonly helpdesks?: readonly HelpdeskId[];
  readonly channels?: readonly Channel[];
  readonly moveIds?: readonly string[];
  readonly kinds?: readonly MoveKind[];
  /** `null` selects attempts that were only shown. */
  readonly outcomes?: readonly (Outcome | null)[];
  readonly playbookIds?: readonly string[];
  readonly variants?: readonly string[];
  /** Case-insensitive substring of the ticket id, move title or move id; blank = any. */
  readonly text?: string;
}

type Check = (a: Attempt) => boolean;

export function compileFilter(filter: AttemptFilter): Check {
  const checks: Check[] = [];
  const { from, to } = filter;
  if (from !== undefined || to !== undefined) {
    const lo = from ?? Number.NEGATIVE_INFINITY;
    const hi = to ?? Number.POSITIVE_INFINITY;
    checks.push((a) => {
      const t = attemptTime(a);
      return t >= lo && t < hi;
    });
  }
  const oneOf = <K extends keyof Attempt>(values: readonly Attempt[K][] | undefined, key: K) => {
    if (!values || values.length === 0) return;
    const set = new Set<Attempt[K]>(values);
    checks.push((a) => set.has(a[key]));
  };
  oneOf(filter.repIds, 'repId');
  oneOf(filter.helpdesks, 'helpdesk');
  oneOf(filter.channels, 'channel');
  oneOf(filter.moveIds, 'moveId');
  oneOf(filter.kinds, 'moveKind');
  oneOf(filter.outcomes, 'outcome');
  oneOf(filter.playbookIds, 'playbookId');
  oneOf(filter.variants, 'variant');
  const needle = filter.text?.trim().toLowerCase();
  if (needle) {
    checks.push(
      (a) =>
        a.ticketId.toLowerCase().includes(needle) ||
        a.moveTitle.toLowerCase().includes(needle) ||
        a.moveId.toLowerCase().includes(needle),
    );
  }
  // Specialised for the common counts so the hot loop does not iterate an array of one.
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0]!;
  return (a) => {
    for (const c of checks) if (!c(a)) return false;
    return true;
  };
}

export function filterAttempts(attempts: readonly Attempt[], filter: AttemptFilter): Attempt[] {
  return attempts.filter(compileFilter(filter));
}
