/**
 * A/B split of a playbook's moves. The variant is a pure function of the playbook id and the customer
 * (the ticket id only when the page shows no customer), so every reload, tab, ticket and rep sees the
 * same variant for a customer without storing anything: a customer who writes in three times is in one
 * arm, not split across both (which would blur the comparison and make the customer's experience flip).
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

/**
 * What a customer is assigned by: the raw customer key (email or product-side id) normalised the way
 * the worker normalises it before hashing, so "Ana@X.com " and "ana@x.com" are one customer; the ticket
 * id when there is none. The two are prefixed so a ticket id can never collide with a customer key.
 * The raw key is only hashed here, in memory, into a position; nothing of it is stored.
 */
export function assignmentKey(ticketId: string, customerKey?: string | null): string {
  const customer = customerKey?.trim().toLowerCase() ?? '';
  return customer ? `customer:${customer}` : `ticket:${ticketId}`;
}

function pairFor(playbook: Playbook, test: NonNullable<Playbook['abTest']>): { readonly a: Playbook; readonly b: Playbook } {
  let pair = cache.get(playbook);
  if (pair === undefined) {
    // Built once per playbook so the engine's per-playbook caches keep hitting.
    const { abTest: _omit, ...base } = playbook;
    pair = { a: deepFreeze({ ...base }), b: deepFreeze({ ...base, moves: test.movesB }) };
    cache.set(playbook, pair);
  }
  return pair;
}

export function resolveVariant(playbook: Playbook, ticketId: string, customerKey?: string | null): ResolvedVariant {
  const test = playbook.abTest;
  if (test === undefined) return { playbook, variant: '' };
  const pair = pairFor(playbook, test);
  const isB = variantPoint(playbook.id, assignmentKey(ticketId, customerKey)) < test.shareB;
  return isB ? { playbook: pair.b, variant: test.labelB } : { playbook: pair.a, variant: test.labelA };
}

/**
 * The playbook for a variant already recorded for a ticket. A ticket keeps the variant its interaction
 * started with even if the page shows the customer only later (which would change `resolveVariant`'s
 * answer), so the moves shown always match the variant logged. Null when the label is not this
 * playbook's (the playbook or its test changed since): resolve afresh then.
 */
export function variantByLabel(playbook: Playbook, label: string): ResolvedVariant | null {
  const test = playbook.abTest;
  if (test === undefined) return label === '' ? { playbook, variant: '' } : null;
  const pair = pairFor(playbook, test);
  if (label === test.labelA) return { playbook: pair.a, variant: test.labelA };
  if (label === test.labelB) return { playbook: pair.b, variant: test.labelB };
  return null;
}
