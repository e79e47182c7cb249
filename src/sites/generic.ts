/**
 * Generic fallbacks every adapter gets when its own hooks find nothing (helpdesk markup drifts every few
 * weeks): the subject from the document title, the composer as the editable box nearest a send button,
 * the thread as the largest list of messages. No site knowledge lives here; everything read is cleaned
 * and bounded like any other page text.
 *
 * Only a drifted page needs these, so they ship in the lazy bundle (src/content/lazy/), loaded by the
 * tab that first needs one; resilient.ts reaches them through a `FallbackSource`, never by import.
 * The customer's e-mail from structured data and a message's role (needed on every page) are in
 * markup-hints.ts.
 */
import { cleanText, LIMITS } from '../core/ticket/sanitize';
import type { TicketMessage } from '../core/ticket/types';
import { $$, type Scope } from './dom';
import { roleHint } from './markup-hints';
import type { overrideReader } from './overrides';

export { overrideReader as overrides } from './overrides';

/** The fallbacks as one object: what the lazy bundle hands the content script. */
export interface GenericFallbacks {
  readonly subjectFromTitle: typeof subjectFromTitle;
  readonly composerNearSend: typeof composerNearSend;
  readonly largestMessageList: typeof largestMessageList;
  readonly messagesOf: typeof messagesOf;
  /** The admin's selector overrides, read (overrides.ts): in the lazy bundle too, as only some orgs set them. */
  readonly overrides: typeof overrideReader;
}

/** Title parts that name the product or the page rather than the ticket. */
const TITLE_NOISE = /^(?:ticket|tickets|case|incident|conversation|inbox|agent|help ?desk|support|dashboard|home|[[(]?#?\d+[\])]?|[A-Z]{2,6}\d{5,})$/i;

/** The subject from `document.title` ("Order arrived damaged – Ticket #4521 – Zendesk"), or null. */
export function subjectFromTitle(title: string, productLabel: string, ticketId: string | null, requesterName = ''): string | null {
  const parts = cleanText(title, 400).split(/\s+[|–—·•:-]\s+/);
  const product = productLabel.toLowerCase();
  for (const part of parts) {
    let p = part.trim();
    if (ticketId) p = p.replace(new RegExp(`^(?:ticket|case|conversation)?\\s*[[(]?#?${ticketId.replace(/\W/g, '\\$&')}[\\])]?:?\\s*`, 'i'), '');
    p = p.replace(/^\(\d+\)\s*/, '').trim();
    // Inboxes without subjects (Intercom) title the page with the customer's name: not a subject.
    if (!p || TITLE_NOISE.test(p) || (requesterName && p.toLowerCase() === requesterName.toLowerCase())) continue;
    const lower = p.toLowerCase();
    if (product && (lower === product || product.startsWith(lower) || lower.startsWith(product.split(' ')[0] ?? product))) continue;
    return cleanText(p);
  }
  return null;
}

const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], [role="textbox"]';
const SEND = /\b(send|reply|respond|submit|post|enviar|responder|senden|envoyer)\b/i;

function isSendButton(el: Element): boolean {
  const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('value') ?? ''} ${cleanText(el.textContent, 60)}`;
  return SEND.test(label);
}

/** Steps from `a` and from `b` up to their closest common ancestor (a cheap DOM distance, no layout). */
function treeDistance(a: Element, b: Element): number {
  let up = 0;
  for (let el: Element | null = a; el; el = el.parentElement, up++) {
    if (!el.contains(b)) continue;
    let down = 0;
    for (let x: Element | null = b; x && x !== el; x = x.parentElement) down++;
    return up + down;
  }
  return Number.POSITIVE_INFINITY;
}

/** The editable box nearest a send/reply button; the last editable box when no such button exists. */
export function composerNearSend(scope: Scope): HTMLElement | null {
  const boxes = $$(scope, EDITABLE).filter(
    (el) => !el.closest('[hidden],[aria-hidden="true"],[disabled],[readonly]') && (el.tagName === 'TEXTAREA' || /^(|true|plaintext-only)$/.test(el.getAttribute('contenteditable') ?? 'no')),
  );
  if (!boxes.length) return null;
  const buttons = $$(scope, 'button, [role="button"], input[type="submit"]').filter(isSendButton).slice(0, 20);
  let best: Element | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const box of boxes) {
    for (const button of buttons) {
      const d = treeDistance(box, button);
      if (d < bestDistance) [best, bestDistance] = [box, d];
    }
  }
  // Inner editables of one editor: prefer the outermost contenteditable (the editor root).
  const chosen = best ?? boxes[boxes.length - 1] ?? null;
  const root = chosen?.parentElement?.closest('[contenteditable="true"]') ?? chosen;
  return (root as HTMLElement | null) ?? null;
}

/** Tag plus the first class without its BEM modifier: `evt evt--agent` and `evt evt--end-user` are one kind. */
function signature(el: Element): string {
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0]?.replace(/--.*$/, '') ?? '';
  return cls ? `${el.tagName}.${cls}` : el.tagName;
}

/** Lists of links and buttons (navigation, ticket lists) are not conversations. */
function looksLikeMessage(el: Element): boolean {
  const text = cleanText(el.textContent, 400);
  if (text.length < 2) return false;
  const linkText = $$(el, 'a, button').reduce((n, a) => n + cleanText(a.textContent, 400).length, 0);
  return linkText < text.length * 0.6;
}

/**
 * The thread: among all sibling groups with the same tag and classes, the one holding the most message
 * text (a ticket list or a menu has many short items; a conversation has fewer, longer ones). Bounded
 * to the first 4,000 elements so a huge page costs little.
 */
export function largestMessageList(scope: Scope, exclude: Element | null): { items: Element[]; source: string } | null {
  const parents = new Set<Element>();
  for (const el of $$(scope, '*').slice(0, 4_000)) {
    if (el.parentElement && el.parentElement.childElementCount >= 2) parents.add(el.parentElement);
  }
  let best: Element[] = [];
  let bestScore = 0;
  for (const parent of parents) {
    if (exclude && (parent.contains(exclude) || exclude.contains(parent))) continue;
    if (/^(SELECT|UL|OL|NAV|MENU|TABLE|TBODY|THEAD|TR|HEAD)$/.test(parent.tagName) && parent.closest('nav,[role="navigation"],[role="menu"],[role="tablist"]')) continue;
    const groups = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (/^(SCRIPT|STYLE|TEMPLATE|BUTTON|INPUT|SELECT|TEXTAREA|OPTION)$/.test(child.tagName)) continue;
      const key = signature(child);
      const list = groups.get(key) ?? [];
      list.push(child);
      groups.set(key, list);
    }
    for (const group of groups.values()) {
      if (group.length < 2 || !group.every(looksLikeMessage)) continue;
      const score = group.reduce((n, el) => n + Math.min(cleanText(el.textContent, 2_000).length, 2_000), 0);
      if (score > bestScore) [best, bestScore] = [group, score];
    }
  }
  return best.length ? { items: best, source: `largest list (${best.length} × ${signature(best[0] as Element).toLowerCase()})` } : null;
}

/** Messages of a generic thread: text bounded, roles from markup hints only. */
export function messagesOf(items: readonly Element[]): TicketMessage[] {
  const out: TicketMessage[] = [];
  for (const el of items.slice(-LIMITS.messages)) {
    const text = cleanText(el.textContent, LIMITS.messageText);
    if (text) out.push({ role: roleHint(el), text });
  }
  return out;
}
