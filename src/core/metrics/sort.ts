/**
 * Sorting the attempts table. Each row's key is read once (decorate–sort–undecorate) rather than on
 * every comparison, text compares with one shared `Intl.Collator` (numeric, so ticket 9 < 10), missing
 * values go last in either direction, and equal keys keep their input order (the sort is stable).
 */
import type { Attempt } from '../log/types';
import { attemptTime, secondsResolutionToOffer } from './facts';

type Key = string | number | null;

const KEYS = {
  time: attemptTime,
  loggedAt: (a) => a.loggedAt,
  shownAt: (a) => a.shownAt,
  offeredAt: (a) => a.offeredAt,
  outcomeAt: (a) => a.outcomeAt,
  resolutionConfirmedAt: (a) => a.resolutionConfirmedAt,
  secondsResolutionToOffer,
  repId: (a) => a.repId,
  helpdesk: (a) => a.helpdesk,
  ticketId: (a) => a.ticketId,
  channel: (a) => a.channel,
  playbookId: (a) => a.playbookId,
  variant: (a) => a.variant,
  moveId: (a) => a.moveId,
  moveKind: (a) => a.moveKind,
  moveTitle: (a) => a.moveTitle,
  outcome: (a) => a.outcome,
  skipReason: (a) => a.skipReason,
  source: (a) => a.source,
} as const satisfies Record<string, (a: Attempt) => Key>;

export type SortKey = keyof typeof KEYS;
export const SORT_KEYS = Object.keys(KEYS) as SortKey[];
export type SortDir = 'asc' | 'desc';

const collator = new Intl.Collator(undefined, { numeric: true });

/** A new array; the input is not touched. */
export function sortAttempts(attempts: readonly Attempt[], key: SortKey, dir: SortDir): Attempt[] {
  const get: (a: Attempt) => Key = KEYS[key];
  const keys = attempts.map(get);
  const sign = dir === 'asc' ? 1 : -1;
  const order = Array.from(attempts.keys());
  order.sort((i, j) => {
    const x = keys[i] as Key;
    const y = keys[j] as Key;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * c;
  });
  return order.map((i) => attempts[i]!);
}
