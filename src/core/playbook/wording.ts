/**
 * Every sentence the engine writes for "why this now" and "held back", as a catalogue of codes with
 * `$1…$9` parameters — the same shape as the extension's `_locales` messages (`reason_<code>`). Core stays
 * pure: the engine takes a `Say` function; English (this table) is the default, and the panel passes
 * one that reads the rep's language from the i18n catalogue. A unit test keeps the English catalogue
 * identical to this table. Fragments ("3 days", "'a' or 'b'") are codes too, so word order and
 * conjunctions can change per language; plural forms come in `_one`/`_many` pairs chosen by count.
 */
import { DAY_MS } from './limits';

export const REASON_TEXT = {
  // Fragments
  n_minutes_one: '$1 minute',
  n_minutes_many: '$1 minutes',
  n_days_one: '$1 day',
  n_days_many: '$1 days',
  n_moves_one: '$1 move',
  n_moves_many: '$1 moves',
  n_offers_of_one: "$1 offer of '$2'",
  n_offers_of_many: "$1 offers of '$2'",
  n_usage_tips_one: '$1 usage tip',
  n_usage_tips_many: '$1 usage tips',
  n_confidence_moves_one: '$1 confidence move',
  n_confidence_moves_many: '$1 confidence moves',
  n_ve_offers_one: '$1 VE offer',
  n_ve_offers_many: '$1 VE offers',
  at_least: 'at least $1',
  at_most: 'at most $1',
  today: 'today',
  yesterday: 'yesterday',
  days_ago: '$1 days ago',
  list_or: '$1 or $2',
  list_and: '$1 and $2',
  list_or_more: '$1 or $2 more',
  list_and_more: '$1 and $2 more',
  two_reasons: '$1 and $2',
  more_reasons: '$1 (and $2 more)',
  verb_offered: 'offered',
  verb_accepted: 'accepted',
  verb_declined: 'declined',
  verb_not_a_fit: 'skipped as not a fit',
  // Why a condition holds ("why this now")
  helpdesk_is: 'Helpdesk is $1',
  channel_is: 'Channel is $1',
  status_is: 'Status is $1',
  tagged: 'Tagged $1',
  product_matches: "Product matches '$1'",
  customer_mentioned: "Customer mentioned '$1'",
  agent_said: "Agent said '$1'",
  minutes_into: '$1 into the interaction',
  step_done: "Step '$1' done",
  resolution_confirmed: 'Resolution confirmed',
  resolution_not_confirmed: 'Resolution not confirmed yet',
  to_customer: '$1 to this customer in the last $2',
  earlier_ve_was: 'An earlier VE was $1 $2',
  move_was: "'$1' was $2 $3",
  not_offered_in_last: 'Not offered to this customer in the last $1',
  no_ve_in_last: 'No VE offered to this customer in the last $1',
  // Why it does not (lower-case: they follow "Condition not met:" or join other reasons)
  no_context: 'needs ticket details the page did not show',
  condition_failed: 'condition not met',
  empty_any: 'an empty "any" never matches',
  excluded_because: 'excluded because $1',
  excluded_by_not: 'excluded by a "not" condition',
  helpdesk_needs: 'helpdesk is $1, needs $2',
  channel_needs: 'channel is $1, needs $2',
  status_needs: 'status is $1, needs $2',
  not_tagged: 'not tagged $1',
  missing_tag: "missing tag '$1'",
  customer_not_mentioned: 'customer has not mentioned $1',
  agent_not_said: 'no agent message says $1',
  unknown_sender: "'$1' is only in a message whose sender the page did not show",
  no_product: 'no product on the ticket, needs $1',
  product_needs: "product is '$1', needs $2",
  minutes_needs: '$1 in, needs $2',
  step_not_done: "step '$1' not done yet",
  resolution_not_confirmed_lc: 'resolution not confirmed yet',
  resolution_already_confirmed: 'resolution already confirmed',
  to_customer_needs: '$1 to this customer in the last $2, needs $3',
  earlier_ve_was_not: 'an earlier VE was not $1 in the last $2',
  move_was_not: "'$1' was not $2 in the last $3",
  // Held back (engine)
  condition_not_met: 'Condition not met: $1',
  offered_cooldown: 'Offered to this customer $1 (cooldown $2)',
  ve_pause: 'A VE move was offered to this customer $1 (pause between VE offers: $2)',
  waiting_resolution: 'Waiting for resolution to be confirmed',
  shows_no_moves: 'This playbook shows no moves (maxMovesShown is 0)',
  ranked_below: 'Ranked below the $1 shown',
} as const;

export type ReasonCode = keyof typeof REASON_TEXT;
export type Say = (code: ReasonCode, ...args: (string | number)[]) => string;

/** `$1…$9` replaced by the arguments, like `chrome.i18n.getMessage`. */
export function fillMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

export const english: Say = (code, ...args) => fillMessage(REASON_TEXT[code], args);

type Counted = 'n_minutes' | 'n_days' | 'n_moves' | 'n_usage_tips' | 'n_confidence_moves' | 'n_ve_offers' | 'n_offers_of';

/** "1 day", "3 days": the `_one` form for 1, `_many` otherwise (English and Spanish agree on this). */
export function count(say: Say, what: Counted, n: number, ...more: string[]): string {
  return say(`${what}_${n === 1 ? 'one' : 'many'}` as ReasonCode, n, ...more);
}

/** "a", "a or b", "a, b or c", "a, b, c or 4 more". */
export function joinList(say: Say, items: readonly string[], word: 'or' | 'and'): string {
  if (items.length > 4) return say(word === 'or' ? 'list_or_more' : 'list_and_more', items.slice(0, 3).join(', '), items.length - 3);
  if (items.length <= 1) return items[0] ?? '';
  return say(word === 'or' ? 'list_or' : 'list_and', items.slice(0, -1).join(', '), items[items.length - 1] as string);
}

/** "today", "yesterday", "3 days ago". Future times (clock skew) read as today. */
export function daysAgoIn(say: Say, now: number, at: number): string {
  const days = Math.max(0, Math.floor((now - at) / DAY_MS));
  if (days === 0) return say('today');
  if (days === 1) return say('yesterday');
  return say('days_ago', days);
}
