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
 * "Maria Lopez" → "Maria"; "Lopez, Maria" → "Maria". Empty when the page shows an email address or
 * nothing name-like, so the fallback greets "there" rather than "maria.lopez@example.com".
 */
export function firstNameOf(requesterName: string): string {
  const name = requesterName.trim();
  if (name === '' || name.includes('@')) return '';
  const comma = name.indexOf(',');
  const given = comma > 0 ? name.slice(comma + 1).trim() : name;
  const first = (given.split(/\s+/)[0] ?? '').replace(EDGE_PUNCTUATION, '');
  return /\p{L}/u.test(first) ? first : '';
}

/** The display name, or '' when it is an email address (we do not greet people by their address). */
export function displayNameOf(requesterName: string): string {
  const name = requesterName.trim();
  return name.includes('@') ? '' : name;
}
