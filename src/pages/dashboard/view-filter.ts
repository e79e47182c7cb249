/**
 * The dashboard's filter bar state (plain strings, as form controls hold them) and what it means for the
 * attempts table, the funnel's interactions and the wrap-up averages, so every panel follows one filter.
 */
import type { Attempt, Interaction, MoveKind, Outcome } from '../../core/log/types';
import type { AttemptFilter } from '../../core/metrics/filter';
import type { Channel, HelpdeskId } from '../../core/ticket/types';

export interface FilterState {
  /** `YYYY-MM-DD` from a date input, local time; '' = open. */
  readonly from: string;
  /** Inclusive last day. */
  readonly to: string;
  readonly rep: string;
  readonly helpdesk: string;
  readonly channel: string;
  readonly move: string;
  readonly kind: string;
  /** An outcome, `shown` (no outcome yet) or '' for any. */
  readonly outcome: string;
  readonly playbook: string;
  readonly variant: string;
  readonly text: string;
}

export const EMPTY_FILTER: FilterState = {
  from: '',
  to: '',
  rep: '',
  helpdesk: '',
  channel: '',
  move: '',
  kind: '',
  outcome: '',
  playbook: '',
  variant: '',
  text: '',
};

/** The outcome filter's value for attempts that were shown and never got an outcome. */
export const SHOWN_ONLY = 'shown';

/** Local midnight of a `YYYY-MM-DD` day, `days` later; undefined for a blank or malformed value. */
export function localDayStart(day: string, days = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime();
  return Number.isFinite(t) ? t : undefined;
}

const one = <T>(value: string): T[] | undefined => (value ? [value as T] : undefined);

export function toAttemptFilter(s: FilterState): AttemptFilter {
  const from = localDayStart(s.from);
  // The last day is inclusive for the user; the core filter's `to` is exclusive, so pass the next midnight.
  const to = localDayStart(s.to, 1);
  const outcomes: (Outcome | null)[] | undefined = s.outcome ? [s.outcome === SHOWN_ONLY ? null : (s.outcome as Outcome)] : undefined;
  const filter: { -readonly [K in keyof AttemptFilter]: AttemptFilter[K] } = {};
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  if (s.rep) filter.repIds = [s.rep];
  filter.helpdesks = one<HelpdeskId>(s.helpdesk);
  filter.channels = one<Channel>(s.channel);
  filter.moveIds = one<string>(s.move);
  filter.kinds = one<MoveKind>(s.kind);
  filter.outcomes = outcomes;
  filter.playbookIds = one<string>(s.playbook);
  filter.variants = one<string>(s.variant);
  if (s.text.trim()) filter.text = s.text;
  return filter;
}

export function isFiltered(s: FilterState): boolean {
  return (Object.keys(s) as (keyof FilterState)[]).some((k) => s[k].trim() !== '');
}

const has = <T>(xs: readonly T[] | undefined): xs is readonly T[] => !!xs && xs.length > 0;

/**
 * Interactions for the funnel under the same filter. Interaction fields (date of start, rep, helpdesk,
 * channel, playbook, variant) are checked directly. Move, kind and outcome describe attempts, so with
 * those set an interaction counts only when one of its attempts matched (`matched`, already filtered);
 * a search matches the ticket id, or an attempt's move.
 */
export function filterInteractions(interactions: readonly Interaction[], f: AttemptFilter, matched: readonly Attempt[]): Interaction[] {
  const attemptLevel = has(f.moveIds) || has(f.kinds) || has(f.outcomes);
  const needle = f.text?.trim().toLowerCase() ?? '';
  const withMatch = attemptLevel || needle ? new Set(matched.map((a) => a.interactionId)) : null;
  const lo = f.from ?? Number.NEGATIVE_INFINITY;
  const hi = f.to ?? Number.POSITIVE_INFINITY;
  const sets = {
    repId: has(f.repIds) ? new Set<string>(f.repIds) : null,
    helpdesk: has(f.helpdesks) ? new Set<string>(f.helpdesks) : null,
    channel: has(f.channels) ? new Set<string>(f.channels) : null,
    playbookId: has(f.playbookIds) ? new Set<string>(f.playbookIds) : null,
    variant: has(f.variants) ? new Set<string>(f.variants) : null,
  };
  return interactions.filter((i) => {
    if (i.startedAt < lo || i.startedAt >= hi) return false;
    for (const key of ['repId', 'helpdesk', 'channel', 'playbookId', 'variant'] as const) {
      const set = sets[key];
      if (set && !set.has(i[key])) return false;
    }
    if (attemptLevel) return withMatch!.has(i.id);
    if (needle) return i.ticketId.toLowerCase().includes(needle) || withMatch!.has(i.id);
    return true;
  });
}

export interface FilterOptions {
  readonly reps: string[];
  readonly helpdesks: string[];
  readonly channels: string[];
  /** Move id → latest title. */
  readonly moves: { id: string; title: string }[];
  readonly kinds: string[];
  readonly playbooks: string[];
  readonly variants: string[];
}

const collator = new Intl.Collator(undefined, { numeric: true });
const sorted = (s: Set<string>) => [...s].sort(collator.compare);

/** The distinct values present in the log, for the filter dropdowns: one pass. */
export function filterOptions(attempts: readonly Attempt[]): FilterOptions {
  const reps = new Set<string>();
  const helpdesks = new Set<string>();
  const channels = new Set<string>();
  const kinds = new Set<string>();
  const playbooks = new Set<string>();
  const variants = new Set<string>();
  const moves = new Map<string, { title: string; at: number }>();
  for (const a of attempts) {
    reps.add(a.repId);
    helpdesks.add(a.helpdesk);
    channels.add(a.channel);
    kinds.add(a.moveKind);
    playbooks.add(a.playbookId);
    variants.add(a.variant);
    const m = moves.get(a.moveId);
    if (!m || a.loggedAt > m.at) moves.set(a.moveId, { title: a.moveTitle, at: a.loggedAt });
  }
  return {
    reps: sorted(reps),
    helpdesks: sorted(helpdesks),
    channels: sorted(channels),
    kinds: sorted(kinds),
    playbooks: sorted(playbooks),
    variants: sorted(variants),
    moves: [...moves.entries()].map(([id, m]) => ({ id, title: m.title })).sort((x, y) => collator.compare(x.title || x.id, y.title || y.id)),
  };
}
