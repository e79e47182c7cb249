/**
 * The admin's selector overrides (policy `siteOverrides`), read: which element each override names and
 * what it yields. Only orgs that set overrides need this, so it ships in the content script's lazy bundle
 * (src/content/lazy/entry.ts) next to the generic fallbacks; resilient.ts reaches it through its
 * `FallbackSource`, never by import, and src/content/index.ts waits for it before the first read when
 * overrides are set (so the first reading already honours them). Which override wins over which other
 * source stays in resilient.ts.
 */
import { cleanTags, cleanText, LIMITS } from '../core/ticket/sanitize';
import type { FieldSource, SiteOverrides, Channel, TicketMessage, TicketStatus } from '../core/ticket/types';
import { $, $$, type Scope } from './dom';
import { displayName, roleHint, structuredEmail } from './markup-hints';
import { toChannel, toStatus } from './normalize';

/** A value for one field and where it came from (the diagnostic's source and `via`). */
export interface Candidate<T> {
  readonly value: T;
  readonly source: string;
  readonly via: FieldSource;
}

/** What the overrides yield inside the ticket's root, per field; absent where no override matched. */
export interface OverrideFields {
  readonly requester?: Candidate<string>;
  readonly subject?: Candidate<string>;
  /** The customer's e-mail from the customerKey override. */
  readonly customerKey?: Candidate<string>;
  /** The customer's e-mail from the requester override (after the API in the order). */
  readonly customerKeyOfRequester?: Candidate<string>;
  readonly status?: Candidate<TicketStatus>;
  readonly channel?: Candidate<Channel>;
  readonly tags?: Candidate<readonly string[]>;
  readonly messages?: Candidate<readonly TicketMessage[]>;
}

export interface OverrideReader {
  /** The ticket root an override names, first match wins. */
  root(doc: Document): Element | null;
  /** The ticket id an override names (a leading "#" dropped), and its selector. */
  ticketId(doc: Document): { value: string; sel: string } | null;
  /** The reply box an override names: in the ticket's scope, else anywhere in the document. */
  composer(scope: Scope, doc: Document): { el: Element; sel: string } | null;
  fields(root: Element): OverrideFields;
}

const first = (scope: Scope, selectors: readonly string[] | undefined): { el: Element; sel: string } | null => {
  for (const sel of selectors ?? []) {
    const el = $(scope, sel);
    if (el) return { el, sel };
  }
  return null;
};

const textFirst = (scope: Scope, selectors: readonly string[] | undefined, max?: number): { value: string; sel: string } | null => {
  for (const sel of selectors ?? []) {
    const el = $(scope, sel);
    const value = el ? cleanText(/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) ? (el as HTMLInputElement).value : el.textContent, max) : '';
    if (value) return { value, sel };
  }
  return null;
};

const over = <T>(value: T, source: string): Candidate<T> => ({ value, source, via: 'override' });

export function overrideReader(o: SiteOverrides): OverrideReader {
  return {
    root: (doc) => first(doc, o.ticketRoot)?.el ?? null,
    ticketId(doc) {
      const found = textFirst(doc, o.ticketId, 40);
      const value = found ? cleanText(found.value.replace(/^#\s*/, ''), 40) : '';
      return found && value ? { value, sel: found.sel } : null;
    },
    composer: (scope, doc) => first(scope, o.composer) ?? first(doc, o.composer),
    fields(root) {
      const requester = first(root, o.requester);
      const name = requester ? displayName(requester.el.textContent ?? '') : '';
      const subject = textFirst(root, o.subject);
      const keyEl = first(root, o.customerKey);
      const key = keyEl ? structuredEmail(keyEl.el) : null;
      const requesterKey = requester ? structuredEmail(requester.el) : null;
      const status = textFirst(root, o.status, 60);
      const channel = textFirst(root, o.channel, 60);
      const tags = o.tags?.find((sel) => $$(root, sel).length > 0);
      const messages = o.messages?.find((sel) => $$(root, sel).length > 0);
      return {
        ...(requester && name ? { requester: over(name, requester.sel) } : {}),
        ...(subject ? { subject: over(subject.value, subject.sel) } : {}),
        ...(keyEl && key ? { customerKey: over(key.value, `${keyEl.sel} (${key.source})`) } : {}),
        ...(requester && requesterKey ? { customerKeyOfRequester: over(requesterKey.value, `${requester.sel} (${requesterKey.source})`) } : {}),
        ...(status ? { status: over(toStatus(status.value), status.sel) } : {}),
        ...(channel ? { channel: over(toChannel(channel.value), channel.sel) } : {}),
        ...(tags ? { tags: over(cleanTags($$(root, tags).map((el) => el.textContent ?? '')), tags) } : {}),
        ...(messages
          ? {
              messages: over(
                $$(root, messages)
                  .slice(-LIMITS.messages)
                  .map((el) => ({ role: roleHint(el), text: cleanText(el.textContent, LIMITS.messageText) }))
                  .filter((m) => m.text),
                messages,
              ),
            }
          : {}),
      };
    },
  };
}
