/**
 * The review queue's sample: a pseudo-random pick of offered attempts that stays the same for the tab's
 * session (sessionStorage: a lead who reloads the page keeps rating the same ten), new in a new tab.
 * Picking the lowest hashes of `seed + id` is a uniform sample without shuffling all candidates.
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

export type SessionStore = Pick<Storage, 'getItem' | 'setItem'>;

const SEED_KEY = 'rp:review-seed';
const PICK_KEY = 'rp:review-sample';

/**
 * This session's sample: ids picked earlier in the session are kept while they still exist (so new
 * attempts logged meanwhile do not reshuffle the queue), topped up from the seed's order when some are gone.
 */
export function sessionSample(candidates: readonly string[], n: number, store: SessionStore, random: () => number = Math.random): string[] {
  let seed = store.getItem(SEED_KEY);
  if (!seed) {
    seed = Math.floor(random() * 2 ** 32).toString(16);
    store.setItem(SEED_KEY, seed);
  }
  const available = new Set(candidates);
  let kept: string[] = [];
  try {
    const stored: unknown = JSON.parse(store.getItem(PICK_KEY) ?? '[]');
    if (Array.isArray(stored)) kept = stored.filter((x): x is string => typeof x === 'string' && available.has(x));
  } catch {
    kept = []; // a damaged entry only costs this session's picks
  }
  kept = kept.slice(0, n);
  if (kept.length < n) {
    const taken = new Set(kept);
    for (const id of sampleIds(candidates, seed, n + kept.length)) {
      if (kept.length >= n) break;
      if (!taken.has(id)) kept.push(id);
    }
  }
  store.setItem(PICK_KEY, JSON.stringify(kept));
  return kept;
}
