/**
 * The reps table: one row per rep, built from the same definitions as the team-wide tiles (funnel,
 * resolution-first adherence, acceptance, customer scores), so a rep's row and the team's tile never
 * disagree about what "offered" means. Rows for reps who appear only in attempts or only in
 * interactions are still listed.
 */
import { SKIP_REASONS, type Attempt, type Interaction, type SkipReason, type Wrapup } from '../log/types';
import { countOutcome, emptyCounts, type OutcomeCounts, rate } from './facts';
import { type Band, funnel } from './funnel';
import { medianSecondsResolutionToOffer, resolutionFirstAdherence } from './timing';
import { type CustomerScores, ScoreTally } from './ves';

export interface RepRow {
  readonly repId: string;
  readonly interactions: number;
  /** Offers made after resolution was confirmed / offers with a known time (resolution-first adherence). */
  readonly resolutionFirst: number | null;
  /** Interactions with an offer after resolution / interactions (the funnel's share). */
  readonly offerShare: number | null;
  /** Against the research's 35–50% band. */
  readonly band: Band | null;
  readonly counts: OutcomeCounts;
  /** accepted / offered. */
  readonly acceptance: number | null;
  /** Not-a-fit dismissals by reason. */
  readonly skips: Readonly<Record<SkipReason, number>>;
  readonly scores: CustomerScores;
  /** Median seconds from resolution to offer. */
  readonly medianToOffer: number | null;
}

interface Group {
  interactions: Interaction[];
  attempts: Attempt[];
  scores: ScoreTally;
}

export function repRows(interactions: readonly Interaction[], attempts: readonly Attempt[], wrapups: readonly Wrapup[]): RepRow[] {
  const groups = new Map<string, Group>();
  const group = (repId: string): Group => {
    let g = groups.get(repId);
    if (!g) {
      g = { interactions: [], attempts: [], scores: new ScoreTally() };
      groups.set(repId, g);
    }
    return g;
  };
  const repOf = new Map<string, string>();
  for (const i of interactions) {
    group(i.repId).interactions.push(i);
    repOf.set(i.id, i.repId);
  }
  for (const a of attempts) group(a.repId).attempts.push(a);
  for (const w of wrapups) {
    const repId = repOf.get(w.interactionId);
    if (repId !== undefined) group(repId).scores.add(w);
  }
  const rows: RepRow[] = [];
  for (const [repId, g] of groups) {
    const f = funnel(g.interactions, g.attempts);
    const counts = emptyCounts();
    const skips = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
    for (const a of g.attempts) {
      countOutcome(counts, a);
      if (a.outcome === 'not-a-fit' && a.skipReason !== null) skips[a.skipReason]++;
    }
    rows.push({
      repId,
      interactions: g.interactions.length,
      resolutionFirst: resolutionFirstAdherence(g.attempts).share,
      offerShare: f.offeredShare,
      band: f.band,
      counts,
      acceptance: rate(counts.accepted, counts.offered),
      skips,
      scores: g.scores.scores(),
      medianToOffer: medianSecondsResolutionToOffer(g.attempts),
    });
  }
  return sortRepRows(rows, 'interactions', 'desc');
}

export const REP_SORT_KEYS = ['repId', 'interactions', 'resolutionFirst', 'offerShare', 'acceptance', 'skips', 'ves', 'ces', 'medianToOffer'] as const;
export type RepSortKey = (typeof REP_SORT_KEYS)[number];

export function repSortValue(r: RepRow, key: RepSortKey): string | number | null {
  switch (key) {
    case 'repId':
      return r.repId;
    case 'skips':
      return r.counts.notAFit;
    case 'ves':
      return r.scores.ves.share;
    case 'ces':
      return r.scores.ces.share;
    case 'interactions':
      return r.interactions;
    default:
      return r[key];
  }
}

const collator = new Intl.Collator('en', { numeric: true });

/** Sorted copy; rows without a value (no offers, no answers) always go last, whichever the direction; ties by rep id. */
export function sortRepRows(rows: readonly RepRow[], key: RepSortKey, dir: 'asc' | 'desc'): RepRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = repSortValue(x, key);
    const b = repSortValue(y, key);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else if (a !== b) {
      return sign * (typeof a === 'string' || typeof b === 'string' ? collator.compare(String(a), String(b)) : a - b);
    }
    return collator.compare(x.repId, y.repId);
  });
}
