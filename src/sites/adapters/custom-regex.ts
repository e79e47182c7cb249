/**
 * An admin's ticket-id regex runs on page-controlled URLs, so a pattern that backtracks exponentially
 * ("(a+)+$", "(a|ab)*c") would freeze the helpdesk tab whenever the page pushes a crafted URL. JavaScript
 * has no time limit for a regex, so we refuse the shapes that cause it and bound what they run on:
 * - a repeated group that itself contains a repeat (star height > 1);
 * - a repeated group with alternatives inside (the alternatives may overlap);
 * - back-references (matching them is NP-hard);
 * - more than one open-ended repeat (`*`, `+`, `{n,}`, `{n,m}` with m > 20), or more than two repeats in
 *   all: on an unanchored search every repeat multiplies the worst case (measured in V8: `(\w+)\w+!` on
 *   500 × "a" takes over a second, `(\w{1,100})\w+!` 0.8 s). One open-ended repeat and one bounded by 20
 *   stay near 50 ms on the ID_URL_MAX characters we pass, and plain patterns well under a millisecond.
 * Plain ticket-id patterns ("/tickets/(\d+)", "[?&]id=([A-Z0-9-]+)", "#/case/(\w+)") pass.
 */

/** Characters of path + query + hash an id regex ever sees. */
export const ID_URL_MAX = 256;
const MAX_UNBOUNDED = 1;
const MAX_REPEATS = 2;
/** A bounded repeat with a larger maximum costs as much as an open-ended one. */
const MAX_BOUNDED_REPEAT = 20;

interface Group {
  /** Contains a repeat or an optional part anywhere inside. */
  repeats: boolean;
  alternatives: boolean;
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/;

/** Why the regex source is unsafe to run on page-controlled text, or null. Assumes it compiles. */
export function regexRisk(source: string): string | null {
  const stack: Group[] = [{ repeats: false, alternatives: false }];
  let unbounded = 0;
  let repeatCount = 0;
  // What a quantifier right here would repeat: nothing, a single atom, or the group just closed.
  let last: 'none' | 'atom' | Group = 'none';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const top = stack[stack.length - 1] as Group;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'Back-references (\\1, \\k<name>) are not allowed in the ticket-id pattern';
      i++;
      last = 'atom';
      continue;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      last = 'atom';
      continue;
    }
    if (c === '(') {
      const look = /^\(\?(?:[=!]|<[=!])/.test(source.slice(i, i + 4));
      if (source[i + 1] === '?') {
        const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(source.slice(i));
        i += named ? named[0].length - 1 : look && source[i + 2] === '<' ? 3 : 2;
      }
      stack.push({ repeats: false, alternatives: false });
      last = 'none';
      continue;
    }
    if (c === ')') {
      const group = stack.pop() as Group;
      const parent = stack[stack.length - 1];
      if (parent === undefined) return 'Unbalanced parentheses';
      parent.repeats ||= group.repeats;
      last = group;
      continue;
    }
    if (c === '|') {
      top.alternatives = true;
      last = 'none';
      continue;
    }
    const q = QUANTIFIER.exec(source.slice(i, i + 24));
    if (q !== null && last !== 'none') {
      const [text, min, comma, max] = q;
      const isUnbounded = text === '*' || text === '+' || (comma === ',' && (max === '' || Number(max) > MAX_BOUNDED_REPEAT));
      const repeats = text !== '?' && !(min !== undefined && comma === undefined && Number(min) <= 1) && !(max !== undefined && max !== '' && Number(max) <= 1);
      if (last !== 'atom' && repeats && last.repeats) return 'A repeated group that contains a repeat, like (a+)+, can take forever on a long URL';
      if (last !== 'atom' && isUnbounded && last.alternatives) return 'A repeated group of alternatives, like (a|ab)*, can take forever on a long URL';
      // An optional inside a repeated group is ambiguous too: (a?){30} tries 2^30 ways on "aaa…".
      top.repeats = true;
      if (repeats && ++repeatCount > MAX_REPEATS) return `Use at most ${MAX_REPEATS} repeats in the ticket-id pattern: each one multiplies how long a long URL takes`;
      if (isUnbounded && ++unbounded > MAX_UNBOUNDED) return 'Use at most one open-ended repeat (*, +, {n,}) in the ticket-id pattern; bound the others, like \\d{1,20}';
      i += text.length - 1;
      if (source[i + 1] === '?') i++;
      last = 'none';
      continue;
    }
    last = 'atom';
  }
  return null;
}
