/**
 * Rows of the interactions grid: every interaction the filter selects, including those where no value
 * move was shown (a lead checks resolution-first work there too), newest first, with its attempts' tallies.
 */
import type { Interaction } from '../../core/log/types';
import { emptyCounts, type OutcomeCounts } from '../../core/metrics/facts';

export interface InteractionListRow {
  readonly i: Interaction;
  readonly counts: OutcomeCounts;
}

const NONE: OutcomeCounts = emptyCounts();

/** Tallies per interaction id: once per load, not per filter change. */
export { countsByInteraction } from '../../core/metrics/facts';

/** Newest first, for sorting once per load (a filter keeps the order). */
export function newestFirst(interactions: readonly Interaction[]): Interaction[] {
  return [...interactions].sort((x, y) => y.startedAt - x.startedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

export function interactionList(interactions: readonly Interaction[], counts: ReadonlyMap<string, OutcomeCounts>): InteractionListRow[] {
  return interactions.map((i) => ({ i, counts: counts.get(i.id) ?? NONE }));
}
