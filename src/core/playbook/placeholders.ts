/**
 * `{customer.firstName}`-style placeholders in move text. Values come only from the ticket context and
 * the agent name the caller passes. Templates are split into segments once and filled in one pass, so a
 * value that itself contains "{product}" or "<script>" is inserted literally, never expanded again.
 */

export const PLACEHOLDERS = ['customer.firstName', 'customer.name', 'product', 'ticket.id', 'agent.name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Anything shaped like `{name}` is a placeholder; other braces are plain text. */
const TOKEN = /\{([A-Za-z][A-Za-z0-9_.-]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(PLACEHOLDERS);

export type Segment = string | { readonly placeholder: Placeholder };

/** Tokens like "{customer.email}" that are not placeholders we can fill (validation errors). */
export function unknownPlaceholders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) if (!KNOWN.has(m[1] as string)) out.push(m[0]);
  return out;
}

export function parseTemplate(text: string): readonly Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1] as string;
    if (!KNOWN.has(name)) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ placeholder: name as Placeholder });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export type PlaceholderValues = Readonly<Record<Placeholder, string>>;

/**
 * Used when the page did not show a value. Written for the template styles the built-in playbooks use:
 * "Hi {customer.firstName}," and "get more out of {product}" (bare, no article before it).
 * An empty fallback also removes the space before the placeholder ("Hola {customer.firstName}," → "Hola,").
 */
export const FALLBACKS = {
  en: { 'customer.firstName': 'there', 'customer.name': 'there', product: 'your purchase', 'ticket.id': 'your request', 'agent.name': 'our team' },
  es: { 'customer.firstName': '', 'customer.name': '', product: 'tu compra', 'ticket.id': 'tu solicitud', 'agent.name': 'nuestro equipo' },
} as const satisfies Record<string, PlaceholderValues>;

export function fallbacksFor(locale: string | undefined): PlaceholderValues {
  const lang = (locale ?? 'en').split('-')[0]?.toLowerCase();
  return lang === 'es' ? FALLBACKS.es : FALLBACKS.en;
}

/** Empty values take the fallback. */
export function fillTemplate(segments: readonly Segment[], values: PlaceholderValues, fallbacks: PlaceholderValues): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'string') {
      out += seg;
      continue;
    }
    const value = values[seg.placeholder] || fallbacks[seg.placeholder];
    if (value === '' && out.endsWith(' ')) out = out.slice(0, -1);
    out += value;
  }
  return out;
}

/** Quotes and sentence punctuation around a name (`"Maria",`); anything else is kept as written. */
const EDGE_PUNCTUATION = /^["'“”‘’([]+|[,.;:!?"'“”‘’)\]]+$/gu;

/**
 * Names and product names are customer- or page-written and land in the company's reply, so they must
 * look like what they claim to be, else the fallback is used: no URLs or domains, no sentences, bounded.
 * Letters of every script, combining marks, apostrophes, hyphens and periods (initials); a name has at
 * most 6 words of which at most 3 are lower-case particles ("María del Carmen de la Cruz").
 */
export const NAME_LIMITS = { firstName: 30, name: 60, nameWords: 6, product: 60, productWords: 6, lowerWords: 3 } as const;
const NAME_CHARS = /^[\p{L}\p{M}](?:[\p{L}\p{M}'’.,\- ]*[\p{L}\p{M}.])?$/u;
const FIRST_NAME_CHARS = /^[\p{L}\p{M}](?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?$/u;
/** Product names also carry digits and a little punctuation ("Acme Blender Pro 2 (1.5 L)", "AT&T", "C++"). */
const PRODUCT_CHARS = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N} '’.\-+&/()#®™°,]*[\p{L}\p{M}\p{N}+)®™])?$/u;
/** "evil.example", "bit.ly/x", "http://…", "www." — a domain or URL, not a name. */
const URL_LIKE = /[\p{L}\p{N}]\.[\p{L}\p{N}]{2,}|\/\/|^www\./iu;
const LOWER_WORD = /^\p{Ll}[\p{Ll}\p{M}'’-]*$/u;

function lowerWords(words: readonly string[]): number {
  return words.filter((w) => LOWER_WORD.test(w)).length;
}

function nameShaped(name: string): boolean {
  if (Array.from(name).length > NAME_LIMITS.name || !NAME_CHARS.test(name) || URL_LIKE.test(name)) return false;
  const words = name.split(' ');
  return words.length <= NAME_LIMITS.nameWords && lowerWords(words) <= NAME_LIMITS.lowerWords;
}

/**
 * "Maria Lopez" → "Maria"; "Lopez, Maria" → "Maria". Empty when the page shows an email address or
 * nothing name-like, so the fallback greets "there" rather than "maria.lopez@example.com".
 */
export function firstNameOf(requesterName: string): string {
  const name = requesterName.trim().replace(/\s+/g, ' ');
  if (name === '' || name.includes('@')) return '';
  const comma = name.indexOf(',');
  const given = comma > 0 ? name.slice(comma + 1).trim() : name;
  if (!nameShaped(comma > 0 ? `${name.slice(0, comma)} ${given}`.trim() : name.replace(EDGE_PUNCTUATION, ''))) return '';
  const first = (given.split(' ')[0] ?? '').replace(EDGE_PUNCTUATION, '');
  return Array.from(first).length <= NAME_LIMITS.firstName && FIRST_NAME_CHARS.test(first) ? first : '';
}

/** The display name, or '' when it is an email address or does not look like a name (we greet people, not links). */
export function displayNameOf(requesterName: string): string {
  const name = requesterName.trim().replace(/\s+/g, ' ');
  return name.includes('@') || !nameShaped(name.replace(EDGE_PUNCTUATION, '')) ? '' : name.replace(EDGE_PUNCTUATION, '');
}

/** The product name for the reply, or '' (→ the fallback) when it is long, a URL or reads like a sentence. */
export function productNameOf(product: string | null | undefined): string {
  const name = (product ?? '').trim().replace(/\s+/g, ' ');
  if (name === '' || Array.from(name).length > NAME_LIMITS.product || !PRODUCT_CHARS.test(name) || URL_LIKE.test(name)) return '';
  const words = name.split(' ');
  return words.length <= NAME_LIMITS.productWords && lowerWords(words) <= NAME_LIMITS.lowerWords ? name : '';
}
