/**
 * Generic helpers the Freshdesk / Salesforce / Intercom / HubSpot / Help Scout adapters share and `dom.ts`
 * does not have yet: ordered fallbacks that pierce open shadow roots, form fields found by their visible
 * label, tag lists, and the composer insertion order by element type. No site knowledge lives here.
 */
import { cleanTags, cleanText } from '../core/ticket/sanitize';
import type { ContextField } from '../core/ticket/types';
import { $$, type Diagnostics, deepQuery, type Found, firstMatch, type Scope, textOf } from './dom';

/** Like `firstMatch`, but each selector may also be found inside open shadow roots (Lightning). */
export function firstDeep(scope: Scope, selectors: readonly string[]): Found<Element> | null {
  for (const sel of selectors) {
    const el = deepQuery(scope, sel);
    if (el) return { value: el, source: sel };
  }
  return null;
}

/** First selector (shadow-piercing) whose element has non-empty text. */
export function firstDeepText(scope: Scope, selectors: readonly string[], max?: number): Found<string> | null {
  for (const sel of selectors) {
    const text = textOf(deepQuery(scope, sel), max);
    if (text) return { value: text, source: sel };
  }
  return null;
}

/**
 * The control a visible label names: `label[for]`, an element `aria-labelledby` the label, or else the first
 * `valueSelector` match after the label (within its parent, then grandparent). For products whose fields carry
 * no stable hook other than their label text (Freshdesk properties, HubSpot sidebars).
 */
export function labelledField(
  scope: Scope,
  labelSelector: string,
  label: RegExp,
  valueSelector: string,
): Found<Element> | null {
  const source = `${labelSelector} ${label.source}`;
  for (const lab of $$(scope, labelSelector)) {
    if (!label.test(cleanText(lab.textContent).replace(/\*$/, '').trim())) continue;
    const doc = lab.ownerDocument;
    const forId = lab.getAttribute('for');
    const byFor = forId ? doc.getElementById(forId) : null;
    if (byFor && byFor !== lab) return { value: byFor, source };
    if (lab.id) {
      const byAria = $$(scope, '[aria-labelledby]').find((el) =>
        (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).includes(lab.id),
      );
      if (byAria) return { value: byAria, source };
    }
    for (let box = lab.parentElement, depth = 0; box && depth < 2; box = box.parentElement, depth++) {
      const value = $$(box, valueSelector).find(
        (el) => !lab.contains(el) && (lab.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      if (value) return { value, source };
    }
  }
  return null;
}

/** The text of a found element, keeping its source; null when the element is empty. */
export function textFound(found: Found<Element> | null, max?: number): Found<string> | null {
  const text = textOf(found?.value, max);
  return found && text ? { value: text, source: found.source } : null;
}

/** Record every listed field as failed (used when no ticket root/id was found). */
export function failFields(d: Diagnostics, fields: readonly ContextField[]): void {
  for (const f of fields) d.fail(f);
}

/** Tags from the first selector that matches anything; cleaned, lower-cased, bounded. */
export function noteTags(d: Diagnostics, scope: Scope, selectors: readonly string[]): string[] {
  const found = firstMatch(scope, selectors);
  if (!found) {
    d.fail('tags');
    return [];
  }
  d.ok('tags', found.source);
  return cleanTags($$(scope, found.source).map((el) => el.textContent ?? ''));
}

/** The composer (first matching selector, optionally shadow-piercing), recorded in diagnostics. */
export function noteComposer(d: Diagnostics, found: Found<Element> | null): void {
  if (found) d.ok('composer', found.source);
  else d.fail('composer');
}

/** First capture group of `re` in a bounded, cleaned string, or null. */
export function idIn(raw: string | null | undefined, re: RegExp): string | null {
  const m = re.exec(cleanText(raw, 200));
  return m?.[1] ?? null;
}

/** Cast helper: the element if it is an HTMLElement, else null. */
export function asHtml(el: Element | null | undefined): HTMLElement | null {
  return el instanceof HTMLElement ? el : null;
}
