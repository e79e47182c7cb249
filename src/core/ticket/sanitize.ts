/**
 * Page text is hostile input: customer-written names and subjects can hold markup, bidi overrides,
 * zero-width characters or megabytes of text. Everything read from a page passes through here before
 * the engine or the panel sees it. Preact renders text nodes, so markup stays inert; this file bounds
 * size and strips characters that can visually spoof what the rep reads.
 */

/** Bidi embedding/override/isolate controls and zero-width characters (incl. BOM and word joiner). */
const INVISIBLE_OR_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping C0 controls is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

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
  // Cut early so a 1 MB string costs no more than a short one.
  const head = raw.length > max * 4 ? raw.slice(0, max * 4) : raw;
  const text = head.replace(INVISIBLE_OR_BIDI, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= max && head.length === raw.length) return text;
  if (chars.length <= max) return `${text}…`;
  return `${chars.slice(0, max - 1).join('')}…`;
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
