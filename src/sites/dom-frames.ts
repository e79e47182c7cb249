/**
 * Reading and writing into same-origin iframes (ServiceNow puts its form in `iframe#gsft_main`, and in the
 * Next Experience shell that iframe sits inside a shadow root).
 *
 * Why this file exists next to dom.ts: nodes inside an iframe belong to the iframe's realm, so
 * `el instanceof HTMLInputElement` (top realm) is false for them and `Document`-typed calls on the iframe's
 * document fail the `instanceof Document` test in `$`. Everything here duck-types by `tagName` instead, and
 * callers scope queries to an Element (`frameDoc.documentElement`), never to the foreign Document.
 */
import { cleanText, LIMITS } from '../core/ticket/sanitize';
import { $, deepQuery, type Found } from './dom';

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
