/**
 * What structured markup says, read on every helpdesk page (adapters, admin overrides): the customer's
 * e-mail from structured data only, a requester field's display name, and a message's role from its
 * attributes. Split from generic.ts, whose drift fallbacks load lazily.
 */
import { cleanText } from '../core/ticket/sanitize';
import type { MessageRole } from '../core/ticket/types';
import { $$, exactEmail } from './dom';

const EMAIL_ATTRS = ['data-email', 'data-requester-email', 'data-customer-email', 'data-user-email', 'data-contact-email'];

/**
 * The customer's e-mail from structured data in or under `el`: e-mail data attributes, a `mailto:` link,
 * or an element whose whole text is one address. Never parsed out of a display string: a customer can
 * name themselves "ceo@victim.example <me@x.com>" (issue 15 #6), and that must not become their key.
 */
export function structuredEmail(el: Element | null | undefined): { value: string; source: string } | null {
  if (!el) return null;
  const nodes = [el, ...$$(el, `${EMAIL_ATTRS.map((a) => `[${a}]`).join(',')},a[href^="mailto:" i]`)].slice(0, 20);
  for (const node of nodes) {
    for (const attr of EMAIL_ATTRS) {
      const email = exactEmail(node.getAttribute(attr));
      if (email) return { value: email, source: attr };
    }
    if (node.tagName === 'A') {
      const email = exactEmail(node.getAttribute('href'));
      if (email) return { value: email, source: 'mailto link' };
    }
  }
  const whole = exactEmail(el.textContent);
  return whole ? { value: whole, source: 'whole text is an address' } : null;
}

/** The display name in a requester field, without any address-looking parts. */
export function displayName(raw: string): string {
  return cleanText(raw.replace(/<[^>]*>|\S+@\S+/g, ' ')) || '';
}

const AGENT_HINT = /\b(agent|staff|admin|operator|teammate|outbound|outgoing|from-?me|mine|self|rep)\b/i;
const CUSTOMER_HINT = /\b(customer|end-?user|requester|contact|visitor|inbound|incoming|client|lead|user)\b/i;
const INTERNAL_HINT = /\b(internal|private|note|work-?notes?|whisper)\b/i;

/** Role from what the markup says about a message (attributes and class names only, not its text). */
export function roleHint(el: Element): MessageRole {
  const hints: string[] = [];
  for (let node: Element | null = el, depth = 0; node && depth < 2; node = node.firstElementChild, depth++) {
    for (const attr of Array.from(node.attributes)) if (attr.name !== 'style') hints.push(`${attr.name.replace(/^data-/, '')}=${attr.value}`);
  }
  const text = hints.join(' ').replace(/[_]/g, '-').slice(0, 2_000);
  if (INTERNAL_HINT.test(text)) return 'internal';
  if (AGENT_HINT.test(text)) return 'agent';
  if (CUSTOMER_HINT.test(text)) return 'customer';
  // Unknown senders never count as the agent (issue 15 #5): a customer's "anything else?" must not
  // confirm resolution, so an unmarked message is the customer's.
  return 'customer';
}
