/**
 * Keyword and phrase matching for `customerSays`, `agentSays`, `product` and `appliesTo.products`.
 * Authors write words, not patterns: we escape every keyword and build the regular expression ourselves,
 * once per keyword list (cached by list identity; parsed playbooks are frozen).
 */

const COMBINING_MARKS = /\p{M}+/gu;
const WHITESPACE = /\s+/g;

/** Lower-case, accent-free, single-spaced: "Devolución  YA" → "devolucion ya". Applied to text and keywords alike. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(WHITESPACE, ' ').trim();
}

export interface KeywordMatcher {
  /** As the author wrote them — what "why this now" quotes for whole-word keywords. */
  readonly labels: readonly string[];
  /** Prefix keywords ("smoothie*") quote the word actually found ("smoothies"), which reads better. */
  readonly prefix: readonly boolean[];
  readonly pattern: RegExp;
}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const WORD_CHAR = '[\\p{L}\\p{N}]';

function compile(keywords: readonly string[]): KeywordMatcher {
  const labels: string[] = [];
  const prefixes: boolean[] = [];
  const alternatives: string[] = [];
  for (const raw of keywords) {
    const prefix = raw.endsWith('*');
    const word = normalizeForMatch(prefix ? raw.slice(0, -1) : raw);
    if (word === '') continue;
    labels.push(raw.trim());
    prefixes.push(prefix);
    alternatives.push(`(${word.replace(SYNTAX, '\\$&')}${prefix ? `${WORD_CHAR}*` : ''})`);
  }
  // A keyword starting or ending with punctuation ("anything else?") still must not sit inside a word.
  const pattern = alternatives.length === 0 ? /$^/ : new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'u');
  return { labels, prefix: prefixes, pattern };
}

const cache = new WeakMap<readonly string[], KeywordMatcher>();

export function keywordMatcher(keywords: readonly string[]): KeywordMatcher {
  let m = cache.get(keywords);
  if (m === undefined) {
    m = compile(keywords);
    cache.set(keywords, m);
  }
  return m;
}

/** How the first match in already-normalized text is quoted (see `labels`/`prefix`), or null. */
export function findKeyword(matcher: KeywordMatcher, normalizedText: string): string | null {
  const m = matcher.pattern.exec(normalizedText);
  if (m === null) return null;
  for (let g = 1; g < m.length; g++) {
    const found = m[g];
    if (found !== undefined) return matcher.prefix[g - 1] ? found : (matcher.labels[g - 1] ?? found);
  }
  return null;
}
