/**
 * Page text is hostile input: customer-written names and subjects can hold markup, bidi overrides,
 * zero-width characters or megabytes of text. Everything read from a page passes through here before
 * the engine or the panel sees it. Preact renders text nodes, so markup stays inert; this file bounds
 * size and strips characters that can visually spoof what the rep reads.
 */

/**
 * Characters that render as nothing (or as a blank) but split words, so "unacce\u00ADptable" would slip
 * past a `not customerSays` rule and "Mar\u202Eia" would spoof what the rep reads:
 * - every format character (`\p{Cf}`: soft hyphen, bidi controls and isolates, U+061C, U+180E,
 *   zero-width characters, BOM, interlinear annotation, tag characters U+E0001–E007F, …);
 * - every default-ignorable code point (Hangul fillers U+115F/U+1160/U+3164/U+FFA0, combining grapheme
 *   joiner, variation selectors, Khmer inherent vowels, unassigned U+E0080–E0FFF, …);
 * - U+2800 Braille pattern blank, a visible blank that is neither whitespace nor ignorable.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** C0 and C1 controls, except tab and line breaks, which the whitespace step turns into spaces. */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

export const LIMITS = {
  field: 300,
  messageText: 4_000,
  messages: 50,
  tags: 50,
  tag: 80,
} as const;

/** Collapse whitespace, drop invisible/bidi/control characters, cut to `max` code points with an ellipsis. */
export function cleanText(raw: string | null | undefined, max: number = LIMITS.field): string {
  if (!raw) return '';
  // Cut early so a 1 MB string costs no more than a short one; look further only when invisible padding
  // ate the first cut (so padding cannot push a keyword out of reach cheaply), up to a fixed bound.
  let head = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  let text = clean(head);
  if (head.length < raw.length && Array.from(text).length <= max) {
    head = raw.length > max * 64 ? raw.slice(0, max * 64) : raw;
    text = clean(head);
  }
  const chars = Array.from(text);
  if (chars.length <= max && head.length === raw.length) return text;
  // Cut text ends in "…", and the result never exceeds `max` code points, ellipsis included.
  if (chars.length < max) return `${text}…`;
  return `${chars.slice(0, max - 1).join('')}…`;
}

function clean(s: string): string {
  return s.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

export function cleanTags(raw: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of raw) {
    const tag = cleanText(t, LIMITS.tag).toLowerCase();
    if (tag) out.add(tag);
    if (out.size >= LIMITS.tags) break;
  }
  return [...out];
}
