/**
 * Generic ways to put text into a reply composer, best first. Run only when the rep presses Insert, so
 * they travel in the lazy bundle (src/content/lazy/entry.ts); adapters reach them through insert.ts. An adapter picks the composer element and
 * the order; every strategy is verified by reading the editor back, because rich editors (CKEditor 5,
 * ProseMirror, Froala) silently ignore DOM writes they did not make themselves.
 * Realm-independent (tag names, the element's own document and window): ServiceNow's form in its iframe
 * and Zoho's iframe editor go through the same code (they once had a copy of their own in dom-frames.ts).
 */
import type { InsertResult, InsertStrategy } from './adapter';

/** By tag name, not instanceof: composers inside a same-origin iframe belong to another realm. */
const isTextField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement => el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';

function editorText(el: HTMLElement): string {
  if (isTextField(el)) return el.value;
  return el.textContent ?? '';
}

function landed(el: HTMLElement, before: string, text: string): boolean {
  const after = editorText(el).replace(/\s+/g, ' ');
  const probe = text.replace(/\s+/g, ' ').trim().slice(0, 40);
  return after.length > before.replace(/\s+/g, ' ').length && after.includes(probe);
}

/** React/Ember-controlled textareas ignore `.value =`; the prototype setter plus `input` reaches them. */
function nativeSetter(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  // The element's own realm's prototype: React/ServiceNow track the value through that setter.
  const win = (el.ownerDocument.defaultView ?? window) as typeof window;
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  setter?.call(el, next);
  el.dispatchEvent(new win.Event('input', { bubbles: true }));
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
}

function placeCaretAtEnd(el: HTMLElement): void {
  const sel = el.ownerDocument.getSelection();
  if (!sel) return;
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

/**
 * The composer really holds focus and the caret: `execCommand` types into whatever has focus, and a page
 * can move focus away on `focus` (to a field of its own that would receive the text instead).
 */
export function holdsFocus(el: HTMLElement): boolean {
  let active: Element | null = el.ownerDocument.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || !(active === el || el.contains(active))) return false;
  if (isTextField(el)) return true;
  // The caret, where there is one, must be inside too (with no selection the command inserts nothing).
  const anchor = el.ownerDocument.getSelection()?.anchorNode;
  return !anchor || el.contains(anchor);
}

function tryExecCommand(el: HTMLElement, text: string): void {
  el.focus();
  placeCaretAtEnd(el);
  if (!holdsFocus(el)) throw new Error('the composer lost focus');
  // Deprecated but still the one call every rich editor treats as real typing (fires beforeinput).
  el.ownerDocument.execCommand('insertText', false, text);
}

function tryPaste(el: HTMLElement, text: string): void {
  el.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/** Textareas take the native value setter first; rich editors take typing-like events first. */
function insertOrder(el: Element): InsertStrategy[] {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return ['native-setter', 'execCommand'];
  return ['execCommand', 'paste-event'];
}

/** Tries `order` (the adapter's, else the one for the element's kind) until the text reads back from the editor. */
export async function insertWithStrategies(el: HTMLElement, text: string, order: readonly InsertStrategy[] = insertOrder(el)): Promise<InsertResult> {
  const isField = isTextField(el);
  for (const strategy of order) {
    const before = editorText(el);
    try {
      if (strategy === 'native-setter') {
        if (!isField) continue;
        nativeSetter(el, text);
      } else if (strategy === 'execCommand') {
        tryExecCommand(el, text);
      } else if (strategy === 'paste-event') {
        if (isField) continue;
        tryPaste(el, text);
      } else {
        continue; // page-editor-api runs in the page world via the service worker, not here
      }
    } catch {
      continue;
    }
    // Editors may apply the change on the next microtask/frame.
    if (!landed(el, before, text)) await new Promise((r) => setTimeout(r, 30));
    if (landed(el, before, text)) return { inserted: true, strategy };
  }
  return { inserted: false, reason: 'editor did not accept the text' };
}
