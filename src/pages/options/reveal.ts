/** Moves focus to the field of an error path, or the nearest enclosing field that is on the page. */
import { fieldId, pathAncestors } from './paths';

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]';

export function focusPath(path: string, root: ParentNode = document): boolean {
  for (const p of pathAncestors(path)) {
    const el = root.querySelector<HTMLElement>(`#${CSS.escape(fieldId(p))}`);
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    const target = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.focus();
    target.scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
}
