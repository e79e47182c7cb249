/**
 * The reps table: one row per rep, built from the same definitions as the team-wide tiles (funnel,
 * resolution-first adherence, acceptance, customer scores), so a rep's row and the team's tile never
 * disagree about what "offered" means. Rows for reps who appear only in attempts or only in
 * interactions are still listed.
 */
import { SKIP_REASONS, type Attempt, type Interaction, type SkipReason, type Wrapup } from '../log/types';
import { countOutcome, emptyCounts, type OutcomeCounts, rate, secondsResolutionToOffer, wasOffered, wasShown } from './facts';
import { type Band, band } from './funnel';
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
  interactions: number;
  resolved: number;
  /** Interactions resolved, with a move shown and one offered (the funnel's "offered" stage). */
  offeredInteractions: number;
  counts: OutcomeCounts;
  skips: Record<SkipReason, number>;
  offersTimed: number;
  afterResolution: number;
  /** Seconds from resolution to offer, for the median. */
  toOffer: number[];
  scores: ScoreTally;
}

const SHOWN = 1;
const OFFERED = 2;

/**
 * One pass over attempts and one over interactions, with the same definitions as `funnel`,
 * `resolutionFirstAdherence` and `medianSecondsResolutionToOffer` (calling those once per rep cost
 * about twice as much at 100,000 attempts) — a unit property test checks each rep's row against those
 * functions run on that rep's records alone.
 */
export function repRows(interactions: readonly Interaction[], attempts: readonly Attempt[], wrapups: readonly Wrapup[]): RepRow[] {
  const groups = new Map<string, Group>();
  const group = (repId: string): Group => {
    let g = groups.get(repId);
    if (!g) {
      g = {
        interactions: 0,
        resolved: 0,
        offeredInteractions: 0,
        counts: emptyCounts(),
        skips: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>,
        offersTimed: 0,
        afterResolution: 0,
        toOffer: [],
        scores: new ScoreTally(),
      };
      groups.set(repId, g);
    }
    return g;
  };
  // Funnel flags per interaction, as `funnel` computes them.
  const flags = new Map<string, number>();
  for (const a of attempts) {
    const g = group(a.repId);
    countOutcome(g.counts, a);
    if (a.outcome === 'not-a-fit' && a.skipReason !== null) g.skips[a.skipReason]++;
    const offered = wasOffered(a);
    if (offered && a.offeredAt !== null) {
      g.offersTimed++;
      if (a.resolutionConfirmedAt !== null && a.offeredAt >= a.resolutionConfirmedAt) g.afterResolution++;
    }
    if (offered) {
      const s = secondsResolutionToOffer(a);
      if (s !== null) g.toOffer.push(s);
    }
    let f = flags.get(a.interactionId) ?? 0;
    if (wasShown(a)) f |= SHOWN;
    if (offered) f |= OFFERED;
    flags.set(a.interactionId, f);
  }
  const repOf = new Map<string, string>();
  for (const i of interactions) {
    const g = group(i.repId);
    g.interactions++;
    repOf.set(i.id, i.repId);
    if (i.resolvedAt === null) continue;
    g.resolved++;
    const f = flags.get(i.id) ?? 0;
    if (f & SHOWN && f & OFFERED) g.offeredInteractions++;
  }
  for (const w of wrapups) {
    const repId = repOf.get(w.interactionId);
    if (repId !== undefined) group(repId).scores.add(w);
  }
  const rows: RepRow[] = [];
  for (const [repId, g] of groups) {
    const offerShare = rate(g.offeredInteractions, g.interactions);
    rows.push({
      repId,
      interactions: g.interactions,
      resolutionFirst: rate(g.afterResolution, g.offersTimed),
      offerShare,
      band: band(offerShare),
      counts: g.counts,
      acceptance: rate(g.counts.accepted, g.counts.offered),
      skips: g.skips,
      scores: g.scores.scores(),
      medianToOffer: median(g.toOffer),
    });
  }
  return sortRepRows(rows, 'interactions', 'desc');
}

function median(values: number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  // Typed arrays sort numerically.
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
