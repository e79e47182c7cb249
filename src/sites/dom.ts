/**
 * Generic DOM reading helpers shared by adapters: ordered selector fallbacks that report which selector
 * matched (for diagnostics), open-shadow-root piercing, and bounded text reads.
 *
 * Content scripts run in an isolated world, so a page that overrides `Element.prototype.querySelector`
 * does not reach these calls. Checks use `nodeType`/`tagName`, not `instanceof`, because nodes inside a
 * same-origin iframe (ServiceNow's gsft_main) belong to another realm.
 */
import { cleanText, LIMITS } from '../core/ticket/sanitize';
import type { ContextField, FieldDiagnostic } from '../core/ticket/types';

export type Scope = Document | Element;

export function $(scope: Scope, selector: string): Element | null {
  try {
    return scope.querySelector(selector);
  } catch {
    return null; // an invalid admin-supplied selector must not break the page
  }
}

export function $$(scope: Scope, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export interface Found<T> {
  readonly value: T;
  readonly source: string;
}

/** First selector (in order) that matches an element; returns the element and the selector used. */
export function firstMatch(scope: Scope, selectors: readonly string[]): Found<Element> | null {
  for (const sel of selectors) {
    const el = $(scope, sel);
    if (el) return { value: el, source: sel };
  }
  return null;
}

/** Input, textarea or select — by tag name, so it works across iframe realms. */
export function isFormField(el: Element): boolean {
  return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

/** Text of an element: the value of inputs/textareas, otherwise textContent, cleaned and bounded. */
export function textOf(el: Element | null | undefined, max: number = LIMITS.field): string {
  if (!el) return '';
  if (isFormField(el)) return cleanText((el as HTMLInputElement).value, max);
  // textContent, not innerText: no layout is forced on the helpdesk's page.
  return cleanText(el.textContent, max);
}

/** First selector whose element has non-empty text. */
export function firstText(scope: Scope, selectors: readonly string[], max?: number): Found<string> | null {
  for (const sel of selectors) {
    const el = $(scope, sel);
    const text = textOf(el, max);
    if (text) return { value: text, source: sel };
  }
  return null;
}

/** Query into open shadow roots too (Salesforce Lightning, ServiceNow Next Experience). Depth-bounded. */
export function deepQuery(scope: Scope, selector: string, maxDepth = 6): Element | null {
  const direct = $(scope, selector);
  if (direct || maxDepth <= 0) return direct;
  for (const host of $$(scope, '*')) {
    const root = (host as Element).shadowRoot;
    if (!root) continue;
    const inner = root.querySelector(selector) ?? deepQueryIn(root, selector, maxDepth - 1);
    if (inner) return inner;
  }
  return null;
}

function deepQueryIn(root: ShadowRoot, selector: string, depth: number): Element | null {
  if (depth <= 0) return null;
  for (const host of Array.from(root.querySelectorAll('*'))) {
    if (!host.shadowRoot) continue;
    const inner = host.shadowRoot.querySelector(selector) ?? deepQueryIn(host.shadowRoot, selector, depth - 1);
    if (inner) return inner;
  }
  return null;
}

/** Collects per-field diagnostics while an adapter reads. */
export class Diagnostics {
  readonly list: FieldDiagnostic[] = [];
  ok(field: ContextField, source: string): void {
    this.list.push({ field, ok: true, source });
  }
  fail(field: ContextField): void {
    this.list.push({ field, ok: false });
  }
  /** Record a Found (or its absence) and return its value. */
  note<T>(field: ContextField, found: Found<T> | null): T | null {
    if (found) this.ok(field, found.source);
    else this.fail(field);
    return found ? found.value : null;
  }
}

/** A whole value that is one e-mail address (or a `mailto:` link to one), lower-cased; else null. */
const WHOLE_EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$/;

/**
 * Structured e-mail only: the value must be exactly one address. Never parsed out of a display string —
 * a customer chooses their display name, and "ceo@victim.example <me@x.com>" must not make them the CEO
 * for per-customer limits and merged history (issue 15 #6).
 */
export function exactEmail(raw: string | null | undefined): string | null {
  // `<a@b.c>` alone is still one address (a handle shown in its own element, as Front does).
  const text = cleanText(raw, 260).replace(/^mailto:/i, '').replace(/^<([^<>]*)>$/, '$1').split('?')[0] ?? '';
  return WHOLE_EMAIL.test(text) ? text.toLowerCase() : null;
}

/**
 * The last `n` elements under `scope` matching `selector`, in document order: the same as
 * `$$(scope, selector).slice(-n)`, without touching the rest of a long conversation. It walks backwards in
 * document order from the scope's last descendant, so a 2,000-message log costs the last `n` messages'
 * elements, not all of them (a helpdesk page that streams messages is read on every change). When the tail
 * holds few matches the walk gives up after `budget` elements and asks the native query, which is faster
 * than a script walk over the whole subtree.
 */
export function lastMatches(scope: Element, selector: string, n: number, budget = Math.max(2_000, n * 40)): Element[] {
  // `:scope` means the element itself to `matches` but the query root to querySelectorAll.
  if (n <= 0) return [];
  if (selector.includes(':scope')) return $$(scope, selector).slice(-n);
  const found: Element[] = [];
  try {
    let el: Element | null = deepestLast(scope);
    for (let visited = 0; el && el !== scope; visited++) {
      if (visited >= budget) return $$(scope, selector).slice(-n);
      if (el.matches(selector)) {
        found.push(el);
        if (found.length === n) break;
      }
      // The element before `el` in document order: its previous sibling's last descendant, else its parent.
      const prev: Element | null = el.previousElementSibling;
      el = prev ? deepestLast(prev) : el.parentElement;
    }
  } catch {
    return []; // an invalid admin-supplied selector must not break the page
  }
  return found.reverse();
}

function deepestLast(el: Element): Element {
  let last = el;
  while (last.lastElementChild) last = last.lastElementChild;
  return last;
}
