/**
 * What conditions read from a ticket, prepared once per TicketContext object. The overlay re-evaluates
 * on every page change and timer tick, usually with the same context object, so normalized message text
 * and keyword results are cached by context identity (a WeakMap: they go when the context does).
 */
import type { TicketContext } from '../ticket/types';
import { findKeyword, type KeywordMatcher, normalizeForMatch } from './keywords';
import { displayNameOf, firstNameOf, productNameOf } from './placeholders';

export interface TicketFacts {
  readonly context: TicketContext;
  /** Customer messages, normalized, joined by newlines (a newline is a word boundary). */
  readonly customerText: string;
  /** Agent messages (not internal notes), normalized. */
  readonly agentText: string;
  /** Messages whose sender the page did not mark, normalized: never the agent's, maybe the customer's. */
  readonly unknownText: string;
  readonly tags: ReadonlySet<string>;
  /** Normalized product name, '' when the page shows none. */
  readonly product: string;
  readonly firstName: string;
  readonly displayName: string;
  /** The product name as `{product}` may show it ('' when it does not look like one). */
  readonly replyProduct: string;
  /** Keyword results per matcher and text, filled as conditions ask. */
  readonly found: Map<KeywordMatcher, { customer?: string | null; agent?: string | null; unknown?: string | null; product?: string | null }>;
}

const cache = new WeakMap<TicketContext, TicketFacts>();

export function factsFor(context: TicketContext): TicketFacts {
  let facts = cache.get(context);
  if (facts === undefined) {
    facts = buildFacts(context);
    cache.set(context, facts);
  }
  return facts;
}

function buildFacts(context: TicketContext): TicketFacts {
  const customer: string[] = [];
  const agent: string[] = [];
  const unknown: string[] = [];
  for (const m of context.messages) {
    if (m.role === 'customer') customer.push(m.text);
    else if (m.role === 'agent') agent.push(m.text);
    else if (m.role === 'unknown') unknown.push(m.text);
  }
  return {
    context,
    customerText: customer.map(normalizeForMatch).join('\n'),
    agentText: agent.map(normalizeForMatch).join('\n'),
    unknownText: unknown.map(normalizeForMatch).join('\n'),
    tags: new Set(context.tags.map((t) => t.trim().toLowerCase())),
    product: context.product ? normalizeForMatch(context.product) : '',
    firstName: firstNameOf(context.requesterName),
    displayName: displayNameOf(context.requesterName),
    replyProduct: productNameOf(context.product),
    found: new Map(),
  };
}

export type FactText = 'customer' | 'agent' | 'unknown' | 'product';

/** The label of the first keyword of `matcher` found in the given text, memoized per context. */
export function keywordIn(facts: TicketFacts, matcher: KeywordMatcher, where: FactText): string | null {
  let entry = facts.found.get(matcher);
  if (entry === undefined) {
    entry = {};
    facts.found.set(matcher, entry);
  }
  let hit = entry[where];
  if (hit === undefined) {
    const text = where === 'customer' ? facts.customerText : where === 'agent' ? facts.agentText : where === 'unknown' ? facts.unknownText : facts.product;
    hit = findKeyword(matcher, text);
    entry[where] = hit;
  }
  return hit;
}
