/**
 * Admin-defined helpdesk: a URL match pattern plus CSS selectors, validated here and turned into a
 * `SiteAdapter` at run time. Everything in the config is admin data: selectors only ever reach
 * `querySelector` (through dom.ts, which swallows invalid ones) and `idFromUrl` is compiled with
 * `new RegExp` — never evaluated as code.
 */
import * as v from 'valibot';
import { cleanText, LIMITS } from '../../core/ticket/sanitize';
import { CHANNELS, type MessageRole, type TicketMessage } from '../../core/ticket/types';
import type { SiteAdapter } from '../adapter';
import { $, $$, Diagnostics, firstMatch, firstText, textOf } from '../dom';
import { structuredEmail } from '../markup-hints';
import { insertInto } from '../insert';
import { toStatus } from '../normalize';
import { ID_URL_MAX, regexRisk } from './custom-regex';

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

/**
 * A Chrome match pattern (`https://*.example.com/tickets/*`) as a test over `scheme://host[:port]/path?query`.
 * The origin is a small anchored regex; the path is matched as a glob without regex backtracking (greedy
 * with one resume point, at most path × pattern steps), because the page controls its URL and an admin
 * may write several `*`s.
 */
export function compileMatchPattern(pattern: string): { test(url: string): boolean } | null {
  if (pattern === '<all_urls>') return /^https?:\/\/[^/]+\/.*$/;
  const p = patternParts(pattern);
  if (!p) return null;
  const scheme = p.scheme === '*' ? 'https?' : p.scheme;
  const host = p.host === '*' ? '[^/:]+' : p.host.startsWith('*.') ? `(?:[^/:]+\\.)?${escapeRe(p.host.slice(2))}` : escapeRe(p.host);
  const port = p.port ? escapeRe(p.port) : '(?::\\d+)?';
  const origin = new RegExp(`^${scheme}:\\/\\/${host}${port}(?=\\/)`);
  return {
    test(url) {
      const m = origin.exec(url);
      return m !== null && globMatch(p.path, url.slice(m[0].length));
    },
  };
}

/**
 * Whether a site's pattern names `host` (exactly, or as a subdomain for `*.`), whatever its path: an admin's
 * site takes that whole host from the built-in helpdesks (the worker injects no built-in bundle there).
 */
export function patternNamesHost(pattern: string, host: string): boolean {
  const p = patternParts(pattern);
  if (p?.scheme !== 'https' || p.host === '*') return false;
  return p.host.startsWith('*.') ? host === p.host.slice(2) || host.endsWith(p.host.slice(1)) : host === p.host;
}

/** `*` matches any run of characters, everything else itself. */
export function globMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
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
    return groups >= 1 ? regexRisk(source) : 'Needs a capture group around the id, like /tickets/(\\d+)';
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
    agentMessage: v.optional(Selector),
    composer: v.optional(Selector),
  }),
  channel: v.optional(v.picklist(CHANNELS, `Use one of: ${CHANNELS.join(', ')}`)),
});
export type CustomSiteConfig = v.InferOutput<typeof CustomSiteConfig>;

export interface ConfigError {
  readonly path: string;
  readonly message: string;
}

export interface SiteChecks {
  /** The Public Suffix List (src/sites/public-suffix.ts), passed in so the content script never bundles it. */
  readonly isPublicSuffix?: (host: string) => boolean;
}

/**
 * Validate admin input. Selectors are also test-parsed where a DOM exists (options page), not in the
 * worker; wildcards are checked against the Public Suffix List where the caller passes it (options page,
 * worker).
 */
export function parseCustomSite(input: unknown, checks: SiteChecks = {}): { ok: true; config: CustomSiteConfig } | { ok: false; errors: ConfigError[] } {
  const result = v.safeParse(CustomSiteConfig, input);
  if (!result.success) return { ok: false, errors: result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })) };
  const errors: ConfigError[] = [];
  const host = patternParts(result.output.urlPattern)?.host ?? '';
  if (checks.isPublicSuffix && host.startsWith('*.') && checks.isPublicSuffix(host.slice(2))) {
    errors.push({
      path: 'urlPattern',
      message: `*.${host.slice(2)} would match every site under a public suffix (other companies' too): name your own domain, like *.yourcompany.${host.slice(2)}`,
    });
  }
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
  const urlRe = compileMatchPattern(config.urlPattern);
  let idRe: RegExp | null = null;
  try {
    // Checked again here: a config stored before the check existed must not run either.
    idRe = config.idFromUrl && regexRisk(config.idFromUrl) === null ? new RegExp(config.idFromUrl) : null;
  } catch {
    idRe = null;
  }
  const s = config.selectors;
  const idFromUrl = (url: URL): string | null => cleanText(idRe?.exec(`${url.pathname}${url.search}${url.hash}`.slice(0, ID_URL_MAX))?.[1], 40) || null;
  const rootOf = (doc: Document): Element | null => (s.ticketRoot ? $(doc, s.ticketRoot) : doc.body);
  const composerOf = (doc: Document): HTMLElement | null => {
    const root = rootOf(doc);
    return root && s.composer ? (($(root, s.composer) as HTMLElement | null) ?? null) : null;
  };
  const marked = (el: Element, sel: string | undefined): boolean => {
    if (!sel) return false;
    try {
      return el.matches(sel) || !!$(el, sel);
    } catch {
      return false;
    }
  };
  // Only markup the admin named makes a message the agent's; anything unmarked is unknown, never the agent.
  const roleOf = (el: Element): MessageRole => (marked(el, s.customerMessage) ? 'customer' : marked(el, s.agentMessage) ? 'agent' : 'unknown');
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
          if (text) messages.push({ role: roleOf(el), text });
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
