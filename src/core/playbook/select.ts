/**
 * Which playbook runs on a ticket. Order is the author's priority: the first playbook whose `appliesTo`
 * matches wins, so specific playbooks go before general ones.
 */
import type { TicketContext } from '../ticket/types';
import { factsFor, keywordIn } from './facts';
import { keywordMatcher } from './keywords';
import type { AppliesTo, Playbook } from './types';

const given = <T>(list: readonly T[] | undefined): list is readonly T[] => list !== undefined && list.length > 0;

/** True when `appliesTo` puts no restriction, or every given list matches this ticket. */
export function appliesTo(scope: AppliesTo, context: TicketContext | null): boolean {
  const { helpdesks, channels, tags, products } = scope;
  const restricted = given(helpdesks) || given(channels) || given(tags) || given(products);
  if (!restricted) return true;
  // A restricted playbook needs to know the ticket; unread pages get the general playbook.
  if (context === null) return false;
  if (given(helpdesks) && !helpdesks.includes(context.helpdesk)) return false;
  if (given(channels) && !channels.includes(context.channel)) return false;
  const facts = factsFor(context);
  if (given(tags) && !tags.some((t) => facts.tags.has(t.trim().toLowerCase()))) return false;
  if (given(products) && keywordIn(facts, keywordMatcher(products), 'product') === null) return false;
  return true;
}

/**
 * The first playbook that applies. When none does: `fallback` if given (typically the built-in default
 * for the UI language), otherwise the last playbook in the list — the "default" slot — so the rep always
 * has a checklist. Null only for an empty list without fallback.
 */
export function selectPlaybook(playbooks: readonly Playbook[], context: TicketContext | null, fallback: Playbook): Playbook;
export function selectPlaybook(playbooks: readonly Playbook[], context: TicketContext | null): Playbook | null;
export function selectPlaybook(playbooks: readonly Playbook[], context: TicketContext | null, fallback?: Playbook): Playbook | null {
  for (const pb of playbooks) if (appliesTo(pb.appliesTo, context)) return pb;
  return fallback ?? playbooks[playbooks.length - 1] ?? null;
}
