/**
 * The review queue's sample: a pseudo-random pick of offered attempts that stays the same for the tab's
 * session (sessionStorage: a lead who reloads the page keeps rating the same ten), new in a new tab.
 * Picking the lowest hashes of `seed + id` is a uniform sample without shuffling all candidates.
 * The pick is even per rep: reps take turns (each rep's attempts in hash order), so a rep who logs ten
 * times more than the others does not fill the whole queue.
 */

/** FNV-1a, 32-bit: fast, well spread for short ids; not for security. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The `n` ids with the lowest hash under `seed`, in that order (deterministic for a seed). */
export function sampleIds(ids: Iterable<string>, seed: string, n: number): string[] {
  const scored: { id: string; h: number }[] = [];
  for (const id of ids) scored.push({ id, h: hash32(`${seed}\u0000${id}`) });
  scored.sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, Math.max(0, n)).map((s) => s.id);
}

export interface Candidate {
  readonly id: string;
  /** The rep, for an even spread; every candidate in one group means a plain uniform sample. */
  readonly group: string;
}

/** Up to `n` ids, groups taking turns; each group's ids (and the groups' order) by hash under `seed`. */
export function sampleEvenly(candidates: Iterable<Candidate>, seed: string, n: number): string[] {
  const groups = new Map<string, { id: string; h: number }[]>();
  for (const c of candidates) {
    let g = groups.get(c.group);
    if (!g) {
      g = [];
      groups.set(c.group, g);
    }
    g.push({ id: c.id, h: hash32(`${seed}\u0000${c.id}`) });
  }
  const byHash = (a: { id: string; h: number }, b: { id: string; h: number }) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ordered = [...groups.values()].map((g) => g.sort(byHash)).sort((a, b) => byHash(a[0]!, b[0]!));
  const out: string[] = [];
  for (let round = 0; out.length < n; round++) {
    let any = false;
    for (const g of ordered) {
      const item = g[round];
      if (!item) continue;
      any = true;
      out.push(item.id);
      if (out.length >= n) break;
    }
    if (!any) break;
  }
  return out;
}

export type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

const SEED_KEY = 'rp:review-seed';
const PICK_KEY = 'rp:review-sample';

/**
 * This session's sample: ids picked earlier in the session are kept while they still exist (so new
 * attempts logged meanwhile do not reshuffle the queue) and while their rep has not more than an even
 * share of the queue (so narrowing the filter to one rep and widening it again spreads out again),
 * topped up from the seed's even order.
 */
export function sessionSample(candidates: readonly Candidate[], n: number, store: SessionStore, random: () => number = Math.random): string[] {
  let seed = store.getItem(SEED_KEY);
  if (!seed) {
    seed = Math.floor(random() * 2 ** 32).toString(16);
    store.setItem(SEED_KEY, seed);
  }
  const groupOf = new Map(candidates.map((c) => [c.id, c.group]));
  const quota = Math.ceil(n / Math.max(1, new Set(groupOf.values()).size));
  const perGroup = new Map<string, number>();
  let kept: string[] = [];
  try {
    const stored: unknown = JSON.parse(store.getItem(PICK_KEY) ?? '[]');
    if (Array.isArray(stored)) {
      for (const x of stored) {
        if (typeof x !== 'string' || !groupOf.has(x) || kept.length >= n) continue;
        const g = groupOf.get(x)!;
        const count = perGroup.get(g) ?? 0;
        if (count >= quota) continue;
        perGroup.set(g, count + 1);
        kept.push(x);
      }
    }
  } catch {
    kept = []; // a damaged entry only costs this session's picks
  }
  if (kept.length < n) {
    const taken = new Set(kept);
    for (const id of sampleEvenly(candidates, seed, n + kept.length)) {
      if (kept.length >= n) break;
      if (!taken.has(id)) kept.push(id);
    }
  }
  store.setItem(PICK_KEY, JSON.stringify(kept));
  return kept;
}
