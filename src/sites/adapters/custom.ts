/**
 * Admin-defined helpdesk: a URL match pattern plus CSS selectors, validated here and turned into a
 * `SiteAdapter` at run time. Everything in the config is admin data: selectors only ever reach
 * `querySelector` (through dom.ts, which swallows invalid ones) and `idFromUrl` is compiled with
 * `new RegExp` — never evaluated as code.
 */
import * as v from 'valibot';
import { cleanText, LIMITS } from '../../core/ticket/sanitize';
import { CHANNELS, type TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, firstMatch, firstText, textOf } from '../dom';
import { structuredEmail } from '../generic';
import { insertInto } from '../insert';
import { toStatus } from '../normalize';

const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z0-9.-]+)(:\d{1,5})?(\/.*)$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface PatternParts {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

function patternParts(pattern: string): PatternParts | null {
  const m = MATCH_PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme = '', host = '', port = '', path = ''] = m;
  if (host !== '*' && !HOST.test(host.replace(/^\*\./, ''))) return null;
  return { scheme, host, port, path };
}

/** A Chrome match pattern (`https://*.example.com/tickets/*`) as a RegExp over `scheme://host[:port]/path?query`. */
export function matchPatternToRegExp(pattern: string): RegExp | null {
  if (pattern === '<all_urls>') return /^https?:\/\/[^/]+\/.*$/;
  const p = patternParts(pattern);
  if (!p) return null;
  const scheme = p.scheme === '*' ? 'https?' : p.scheme;
  const host = p.host === '*' ? '[^/:]+' : p.host.startsWith('*.') ? `(?:[^/:]+\\.)?${escapeRe(p.host.slice(2))}` : escapeRe(p.host);
  const port = p.port ? escapeRe(p.port) : '(?::\\d+)?';
  const path = p.path.split('*').map(escapeRe).join('.*');
  return new RegExp(`^${scheme}:\\/\\/${host}${port}${path}$`);
}

function patternProblem(pattern: string): string | null {
  if (pattern === '<all_urls>') return '<all_urls> is not allowed: name the helpdesk host';
  if (!pattern.startsWith('https://')) return 'Only https:// patterns are allowed';
  const p = patternParts(pattern);
  if (!p) return 'Not a match pattern like https://support.example.com/tickets/*';
  if (p.host === '*') return 'A bare * host matches every site: name the helpdesk host';
  if (p.host.startsWith('*.') && !p.host.slice(2).includes('.')) return 'A wildcard needs a registrable domain, like *.example.com';
  return null;
}

function regexProblem(source: string): string | null {
  try {
    const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
    return groups >= 1 ? null : 'Needs a capture group around the id, like /tickets/(\\d+)';
  } catch {
    return 'Not a valid regular expression';
  }
}

const Selector = v.pipe(v.string(), v.trim(), v.minLength(1, 'Selector is empty'), v.maxLength(300, 'Selector is longer than 300 characters'));

export const CustomSiteConfig = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Use 1–40 lower-case letters, digits and dashes')),
  label: v.pipe(v.string(), v.trim(), v.minLength(1, 'Label is empty'), v.maxLength(60, 'Label is longer than 60 characters')),
  urlPattern: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(200, 'Pattern is longer than 200 characters'),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? patternProblem(dataset.value) : null;
      if (problem) addIssue({ message: problem });
    }),
  ),
  idFromUrl: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(200, 'Pattern is longer than 200 characters'),
      v.rawCheck(({ dataset, addIssue }) => {
        const problem = dataset.typed ? regexProblem(dataset.value) : null;
        if (problem) addIssue({ message: problem });
      }),
    ),
  ),
  selectors: v.strictObject({
    ticketRoot: v.optional(Selector),
    ticketId: v.optional(Selector),
    subject: Selector,
    requester: v.optional(Selector),
    status: v.optional(Selector),
    messages: v.optional(Selector),
    customerMessage: v.optional(Selector),
    composer: v.optional(Selector),
  }),
  channel: v.optional(v.picklist(CHANNELS, `Use one of: ${CHANNELS.join(', ')}`)),
});
export type CustomSiteConfig = v.InferOutput<typeof CustomSiteConfig>;

export interface ConfigError {
  readonly path: string;
  readonly message: string;
}

/** Validate admin input. Selectors are also test-parsed where a DOM exists (options page), not in the worker. */
export function parseCustomSite(input: unknown): { ok: true; config: CustomSiteConfig } | { ok: false; errors: ConfigError[] } {
  const result = v.safeParse(CustomSiteConfig, input);
  if (!result.success) return { ok: false, errors: result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })) };
  const errors: ConfigError[] = [];
  if (typeof document !== 'undefined') {
    for (const [key, sel] of Object.entries(result.output.selectors)) {
      try {
        if (sel) document.createDocumentFragment().querySelector(sel);
      } catch {
        errors.push({ path: `selectors.${key}`, message: 'Not a valid CSS selector' });
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: result.output };
}

/** The origin to pass to `permissions.request` for this site: the pattern's scheme and host, any path. */
export function originPatternFor(config: CustomSiteConfig): string {
  const p = patternParts(config.urlPattern);
  return p ? `${p.scheme}://${p.host}${p.port}/*` : config.urlPattern;
}

export function createCustomAdapter(config: CustomSiteConfig): SiteAdapter {
  const urlRe = matchPatternToRegExp(config.urlPattern);
  let idRe: RegExp | null = null;
  try {
    idRe = config.idFromUrl ? new RegExp(config.idFromUrl) : null;
  } catch {
    idRe = null;
  }
  const s = config.selectors;
  const idFromUrl = (url: URL): string | null => cleanText(idRe?.exec(`${url.pathname}${url.search}${url.hash}`.slice(0, 2_000))?.[1], 40) || null;
  const rootOf = (doc: Document): Element | null => (s.ticketRoot ? $(doc, s.ticketRoot) : doc.body);
  const composerOf = (doc: Document): HTMLElement | null => {
    const root = rootOf(doc);
    return root && s.composer ? (($(root, s.composer) as HTMLElement | null) ?? null) : null;
  };
  const isCustomer = (el: Element): boolean => {
    if (!s.customerMessage) return false;
    try {
      return el.matches(s.customerMessage) || !!$(el, s.customerMessage);
    } catch {
      return false;
    }
  };
  return {
    id: 'custom',
    label: config.label,
    hostPatterns: [config.urlPattern],
    matches: (url) => !!urlRe?.test(`${url.protocol}//${url.host}${url.pathname}${url.search}`),
    ticketIdFromUrl: idFromUrl,
    findTicketRoot: rootOf,
    findComposer: composerOf,
    watchTargets(doc) {
      const root = rootOf(doc);
      const log = root && s.messages ? $(root, s.messages)?.parentElement : null;
      return [log, root].filter((el): el is Element => !!el);
    },
    read(doc, url) {
      const d = new Diagnostics();
      const root = rootOf(doc);
      const fromDom = root && s.ticketId ? firstText(root, [s.ticketId], 40) : null;
      const fromUrl = idFromUrl(url);
      const idFound = fromDom ? { value: fromDom.value.replace(/^#\s*/, ''), source: fromDom.source } : fromUrl ? { value: fromUrl, source: 'url' } : null;
      const ticketId = d.note('ticketId', root ? idFound : null);
      if (!root || !ticketId) {
        d.fail('subject');
        return { context: null, diagnostics: d.list };
      }
      const subject = d.note('subject', firstText(root, [s.subject])) ?? '';
      const requesterRaw = s.requester ? (d.note('requester', firstText(root, [s.requester])) ?? '') : '';
      // Structured data only (mailto link, e-mail data attribute, a whole-address text): never the display name.
      const customerKey = s.requester ? (structuredEmail($(root, s.requester))?.value ?? null) : null;
      if (s.requester) d.note('customerKey', customerKey ? { value: customerKey, source: s.requester } : null);
      const status = toStatus(s.status ? d.note('status', firstText(root, [s.status])) : null);
      if (config.channel) d.ok('channel', 'config');
      const messages: TicketMessage[] = [];
      if (s.messages) {
        const items = $$(root, s.messages);
        for (const el of items.slice(-LIMITS.messages)) {
          const text = textOf(el, LIMITS.messageText);
          if (text) messages.push({ role: isCustomer(el) ? 'customer' : 'agent', text });
        }
        d.note('messages', items.length ? { value: true, source: s.messages } : null);
      }
      if (s.composer) d.note('composer', firstMatch(root, [s.composer]));
      return {
        context: {
          helpdesk: 'custom',
          ticketId,
          subject,
          requesterName: cleanText(requesterRaw.replace(/<[^>]*>|\S+@\S+/g, '')) || requesterRaw,
          customerKey,
          channel: config.channel ?? 'other',
          status,
          tags: [],
          product: null,
          messages,
        },
        diagnostics: d.list,
      };
    },
    insertText(doc, text) {
      const el = composerOf(doc);
      const isField = el?.tagName === 'TEXTAREA' || el?.tagName === 'INPUT';
      return insertInto(el, text, isField ? ['native-setter', 'execCommand'] : ['execCommand', 'paste-event']);
    },
  };
}
