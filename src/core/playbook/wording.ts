/**
 * Every sentence the engine writes for "why this now" and "held back", as a catalogue of codes with
 * `$1…$9` parameters — the same shape as the extension's `_locales` messages (`reason_<code>`). Core stays
 * pure: the engine takes a `Say` function — `english` (wording-en.ts, a module of its own so bundles that
 * render through `_locales`, like the content script, never carry it) or the panel's, which reads the
 * rep's language from the i18n catalogue. A unit test keeps the English catalogue identical to the
 * table. Fragments ("3 days", "'a' or 'b'") are codes too, so word order and conjunctions can change per
 * language; plural forms come in `_one`/`_many` pairs chosen by count.
 */
import { DAY_MS } from './limits';
import type { REASON_TEXT } from './wording-en';

export type ReasonCode = keyof typeof REASON_TEXT;
export type Say = (code: ReasonCode, ...args: (string | number)[]) => string;

/** Templates split once into literal text and argument indexes: reasons are built on every page change. */
const parsed = new Map<string, readonly (string | number)[]>();

function parts(template: string): readonly (string | number)[] {
  let out = parsed.get(template);
  if (out === undefined) {
    out = template.split(/\$(\d)/).map((piece, i) => (i % 2 === 1 ? Number(piece) - 1 : piece));
    parsed.set(template, out);
  }
  return out;
}

/** `$1…$9` replaced by the arguments, like `chrome.i18n.getMessage`. */
export function fillMessage(template: string, args: readonly (string | number)[]): string {
  const pieces = parts(template);
  // Most templates are one literal or one literal around a single argument: no loop for those.
  if (pieces.length === 1) return template;
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as string | number;
    out += typeof p === 'number' ? String(args[p] ?? '') : p;
  }
  return out;
}

type Counted = 'n_minutes' | 'n_days' | 'n_moves' | 'n_usage_tips' | 'n_confidence_moves' | 'n_ve_offers' | 'n_offers_of';

/**
 * The plural codes as constants: a code glued together on each call is a fresh string the catalogue
 * lookup must hash again (reasons are rebuilt on every page change).
 */
const PLURAL_CODES: Readonly<Record<Counted, readonly [ReasonCode, ReasonCode]>> = {
  n_minutes: ['n_minutes_one', 'n_minutes_many'],
  n_days: ['n_days_one', 'n_days_many'],
  n_moves: ['n_moves_one', 'n_moves_many'],
  n_usage_tips: ['n_usage_tips_one', 'n_usage_tips_many'],
  n_confidence_moves: ['n_confidence_moves_one', 'n_confidence_moves_many'],
  n_ve_offers: ['n_ve_offers_one', 'n_ve_offers_many'],
  n_offers_of: ['n_offers_of_one', 'n_offers_of_many'],
};

/** "1 day", "3 days": the `_one` form for 1, `_many` otherwise (English and Spanish agree on this). */
export function count(say: Say, what: Counted, n: number, more?: string): string {
  const code = PLURAL_CODES[what][n === 1 ? 0 : 1];
  return more === undefined ? say(code, n) : say(code, n, more);
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
