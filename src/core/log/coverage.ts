/**
 * What a CSV-only merge leaves out. An attempts CSV carries attempts, not interactions or wrap-ups, so
 * the funnel (built on interactions) and the VES averages (built on wrap-ups) cannot count that rep's
 * tickets. Instead of leaving the rep out silently, the dashboard says exactly what is missing: per
 * rep, how many interactions are known only from their attempts.
 */
import type { Attempt, Interaction } from './types';

export interface CoverageGap {
  readonly repId: string;
  /** Interactions with attempts but no interaction record (so: not in the funnel, no wrap-up). */
  readonly interactions: number;
  readonly attempts: number;
  /** Where those attempts came from (file names), for the notice. */
  readonly sources: readonly string[];
}

export function coverageGaps(interactions: readonly Pick<Interaction, 'id'>[], attempts: readonly Pick<Attempt, 'interactionId' | 'repId' | 'source'>[]): CoverageGap[] {
  const known = new Set(interactions.map((i) => i.id));
  const byRep = new Map<string, { interactions: Set<string>; attempts: number; sources: Set<string> }>();
  for (const a of attempts) {
    if (known.has(a.interactionId)) continue;
    let g = byRep.get(a.repId);
    if (!g) {
      g = { interactions: new Set(), attempts: 0, sources: new Set() };
      byRep.set(a.repId, g);
    }
    g.interactions.add(a.interactionId);
    g.attempts++;
    g.sources.add(a.source);
  }
  return [...byRep.entries()]
    .map(([repId, g]) => ({ repId, interactions: g.interactions.size, attempts: g.attempts, sources: [...g.sources].sort() }))
    .sort((a, b) => b.interactions - a.interactions || (a.repId < b.repId ? -1 : 1));
}
