/**
 * Joins the stored records into export rows lazily, so an export of 100,000 attempts streams through
 * `csvChunks` without a second full-size array. Each join is one pass to build a map, then one pass out.
 */
import type { Attempt, Interaction, Wrapup } from '../log/types';
import { countsByInteraction, emptyCounts } from '../metrics/facts';
import type { AttemptRow, InteractionRow } from './columns';

function wrapupsById(wrapups: readonly Wrapup[]): Map<string, Wrapup> {
  return new Map(wrapups.map((w) => [w.interactionId, w]));
}

export function* attemptRows(attempts: Iterable<Attempt>, wrapups: readonly Wrapup[] = []): Generator<AttemptRow> {
  const byInteraction = wrapupsById(wrapups);
  for (const a of attempts) yield { ...a, wrapup: byInteraction.get(a.interactionId) ?? null };
}

export function* interactionRows(
  interactions: Iterable<Interaction>,
  attempts: readonly Attempt[],
  wrapups: readonly Wrapup[] = [],
): Generator<InteractionRow> {
  const counts = countsByInteraction(attempts);
  const byInteraction = wrapupsById(wrapups);
  for (const i of interactions) {
    yield { ...i, counts: counts.get(i.id) ?? emptyCounts(), wrapup: byInteraction.get(i.id) ?? null };
  }
}
