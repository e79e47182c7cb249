/**
 * Reading and writing into same-origin iframes (ServiceNow puts its form in `iframe#gsft_main`, and in the
 * Next Experience shell that iframe sits inside a shadow root).
 *
 * Why this file exists next to dom.ts/insert.ts: nodes inside an iframe belong to the iframe's realm, so
 * `el instanceof HTMLInputElement` (top realm) is false for them and `Document`-typed calls on the iframe's
 * document fail the `instanceof Document` test in `$`. Everything here duck-types by `tagName` instead, and
 * callers scope queries to an Element (`frameDoc.documentElement`), never to the foreign Document.
 */
import { cleanText, LIMITS } from '../core/ticket/sanitize';
import type { InsertResult, InsertStrategy } from './adapter';
import { $, deepQuery, type Found } from './dom';
import { holdsFocus, insertInto } from './insert';

/** The document of a same-origin iframe, or null (cross-origin, not loaded, not an iframe). */
export function frameDocument(frame: Element | null | undefined): Document | null {
  if (frame?.tagName !== 'IFRAME') return null;
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc?.documentElement ? doc : null;
  } catch {
    return null; // cross-origin access throws in some browsers
  }
}

/**
 * Find an iframe by selector: in the document, then in the shadow root of a `[component-id]` host
 * (ServiceNow Next Experience), then anywhere in open shadow roots (depth-bounded).
 */
export function findFrame(doc: Document, selector: string): Found<HTMLIFrameElement> | null {
  const direct = $(doc, selector);
  if (direct) return { value: direct as HTMLIFrameElement, source: selector };
  const host = $(doc, '[component-id]');
  const inHost = host?.shadowRoot?.querySelector(selector);
  if (inHost) return { value: inHost as HTMLIFrameElement, source: `[component-id] shadowRoot ${selector}` };
  const deep = deepQuery(doc, selector);
  return deep ? { value: deep as HTMLIFrameElement, source: `shadow ${selector}` } : null;
}

function isField(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
}

/** Like dom.ts `textOf`, but realm-independent: input/textarea value, the selected option's label, or text. */
export function fieldText(el: Element | null | undefined, max: number = LIMITS.field): string {
  if (!el) return '';
  if (isField(el)) return cleanText(el.value, max);
  if (el.tagName === 'SELECT') {
    const select = el as HTMLSelectElement;
    const option = select.options?.[select.selectedIndex] ?? select.querySelector('option[selected]');
    return cleanText(option?.textContent, max);
  }
  return cleanText(el.textContent, max);
}

function currentText(el: HTMLElement): string {
  return isField(el) ? el.value : (el.textContent ?? '');
}

function landed(el: HTMLElement, before: string, text: string): boolean {
  const after = currentText(el).replace(/\s+/g, ' ');
  const probe = text.replace(/\s+/g, ' ').trim().slice(0, 40);
  return after.length > before.replace(/\s+/g, ' ').length && after.includes(probe);
}

/** The element's own realm's `value` setter (the one React/Angular/ServiceNow's g_form listen behind). */
function setOwnValue(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  let proto: object | null = Object.getPrototypeOf(el);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  if (setter) setter.call(el, next);
  else el.value = next;
  const EventCtor = el.ownerDocument.defaultView?.Event ?? Event;
  el.dispatchEvent(new EventCtor('input', { bubbles: true }));
  el.dispatchEvent(new EventCtor('change', { bubbles: true }));
}

function execInsert(el: HTMLElement, text: string): void {
  el.focus();
  if (isField(el)) el.setSelectionRange(el.value.length, el.value.length);
  else {
    const sel = el.ownerDocument.getSelection();
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  // Never type into whatever else holds focus (a page can move it away on `focus`).
  if (!holdsFocus(el)) throw new Error('the composer lost focus');
  el.ownerDocument.execCommand('insertText', false, text);
}

/**
 * `insertInto` for an element that may live in another (same-origin) realm. Same-realm elements go through
 * the shared `insertInto`; iframe elements get the equivalent strategies with realm-independent checks
 * (the shared one would skip the native setter and misread a textarea there).
 */
export async function insertIntoAnyRealm(
  el: HTMLElement | null,
  text: string,
  order: readonly InsertStrategy[],
): Promise<InsertResult> {
  if (!el || el instanceof HTMLElement) return insertInto(el, text, order);
  for (const strategy of order) {
    const before = currentText(el);
    try {
      if (strategy === 'native-setter' && isField(el)) setOwnValue(el, text);
      else if (strategy === 'execCommand') execInsert(el, text);
      else continue;
    } catch {
      continue;
    }
    if (!landed(el, before, text)) await new Promise((r) => setTimeout(r, 30));
    if (landed(el, before, text)) return { inserted: true, strategy };
  }
  return { inserted: false, reason: 'editor did not accept the text' };
}
