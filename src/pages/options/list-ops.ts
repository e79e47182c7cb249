/** Immutable list edits for steps, moves and custom sites, and the ids new items get. */

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const out = [...list];
  out.splice(Math.max(0, Math.min(index, list.length)), 0, item);
  return out;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/** "Réponse rapide #2" → "reponse-rapide-2": the playbook id format (lowercase words joined by single hyphens). */
export function slugify(text: string, max = 64): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… — the first one not taken, never longer than `max`. */
export function uniqueId(base: string, taken: Iterable<string>, max = 64): string {
  const used = new Set(taken);
  const root = slugify(base, max) || 'item';
  if (!used.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${root.slice(0, max - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Keys for a list that stay with their items through moves, inserts and removals (Preact `key`s). */
export type Keyed<T> = { readonly items: readonly T[]; readonly keys: readonly number[] };

let counter = 0;
export function freshKey(): number {
  counter += 1;
  return counter;
}

export function freshKeys(length: number): number[] {
  return Array.from({ length }, freshKey);
}
