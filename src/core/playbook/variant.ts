/**
 * A/B split of a playbook's moves. The variant is a pure function of playbook id and ticket id, so every
 * reload, tab and rep sees the same variant for a ticket without storing anything.
 */
import { deepFreeze } from './freeze';
import type { Playbook } from './types';

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Position of a ticket in [0, 1) for this playbook; below `shareB` means variant B. */
export function variantPoint(playbookId: string, ticketId: string): number {
  // The playbook id is mixed in so two experiments do not always put the same tickets in B.
  return fnv1a32(`${playbookId}\u0000${ticketId}`) / 2 ** 32;
}

export interface ResolvedVariant {
  /** The playbook to evaluate: without `abTest`, with B's moves for variant B. */
  readonly playbook: Playbook;
  /** `labelA`/`labelB`, or '' when the playbook has no test. */
  readonly variant: string;
}

const cache = new WeakMap<Playbook, { readonly a: Playbook; readonly b: Playbook }>();

export function resolveVariant(playbook: Playbook, ticketId: string): ResolvedVariant {
  const test = playbook.abTest;
  if (test === undefined) return { playbook, variant: '' };
  let pair = cache.get(playbook);
  if (pair === undefined) {
    // Built once per playbook so the engine's per-playbook caches keep hitting.
    const { abTest: _omit, ...base } = playbook;
    pair = { a: deepFreeze({ ...base }), b: deepFreeze({ ...base, moves: test.movesB }) };
    cache.set(playbook, pair);
  }
  const isB = variantPoint(playbook.id, ticketId) < test.shareB;
  return isB ? { playbook: pair.b, variant: test.labelB } : { playbook: pair.a, variant: test.labelA };
}
