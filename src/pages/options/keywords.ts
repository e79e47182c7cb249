/** Keyword lists are edited as one comma-separated text field. */

export function splitKeywords(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

export function joinKeywords(list: readonly string[] | undefined): string {
  return (list ?? []).join(', ');
}

/** Whether the text the author is typing already means `list` (so it is not overwritten mid-word). */
export function sameKeywords(text: string, list: readonly string[] | undefined): boolean {
  const a = splitKeywords(text);
  const b = list ?? [];
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
