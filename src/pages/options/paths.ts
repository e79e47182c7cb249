/**
 * Error paths from `parsePlaybook`/`lintPlaybook` (`moves[3].when.any[0]`) mapped to the editor's fields.
 * Every field gets an element id derived from its path, so an issue can be shown next to its field and
 * the error summary can move focus to it (or to the nearest enclosing field that exists).
 */
import type { PlaybookIssue } from '../../core/playbook';

/** True when `path` is `prefix` itself or lies inside it (`moves[1]` does not contain `moves[10]`). */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

export function issuesAt(issues: readonly PlaybookIssue[], path: string): PlaybookIssue[] {
  return issues.filter((i) => i.path === path);
}

export function issuesWithin(issues: readonly PlaybookIssue[], prefix: string): PlaybookIssue[] {
  return issues.filter((i) => isWithin(i.path, prefix));
}

const TOKEN = /\.?[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\]/y;

/** Splits a path into its segments as written: `moves[3].when` → `moves`, `[3]`, `.when`. Null when malformed. */
export function pathSegments(path: string): string[] | null {
  if (path === '$' || path === '') return [];
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < path.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(path);
    if (m === null || (out.length === 0 && m[0].startsWith('.')) || (out.length > 0 && at === 0)) return null;
    out.push(m[0]);
  }
  return out;
}

/** The path and every enclosing path, innermost first, ending with `$` (the whole playbook). */
export function pathAncestors(path: string): string[] {
  const segments = pathSegments(path);
  if (segments === null) return [path, '$'];
  const out: string[] = [];
  for (let n = segments.length; n > 0; n--) out.push(segments.slice(0, n).join(''));
  out.push('$');
  return out;
}

/** A stable element id for the field at `path`: `moves[3].title` → `f-moves-3-title`. */
export function fieldId(path: string): string {
  const body = path
    .replace(/[^A-Za-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `f-${body || 'root'}`;
}

/** Id of the message list that describes a field (`aria-describedby`). */
export function messagesId(path: string): string {
  return `${fieldId(path)}--msg`;
}
