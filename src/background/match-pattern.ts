/**
 * Chrome extension match patterns (`https://*.zendesk.com/agent/*`), matched against a URL without a
 * regular expression: the worker tests every tab update against the helpdesks' patterns, so this is
 * pure, linear and unit-tested (src/background/match-pattern.test.ts, property-tested against a RegExp
 * reference). Semantics as Chromium's: scheme `*` means http or https; host `*` any host, `*.x` x and
 * its subdomains; no port in the pattern matches every port; the path glob covers path and query, never
 * the fragment; `<all_urls>` any http(s) URL.
 */
// The same linear `*` glob the admin's custom-site patterns use (one matcher for both).
import { globMatch } from '../sites/adapters/custom';

export interface MatchPattern {
  readonly schemes: readonly string[];
  /** '' for any host. */
  readonly host: string;
  readonly subdomains: boolean;
  readonly path: string;
}

/** Parses a pattern; throws a clear error for a form Chromium would refuse or this product does not use. */
export function parseMatchPattern(pattern: string): MatchPattern {
  if (pattern === '<all_urls>') return { schemes: ['http:', 'https:'], host: '', subdomains: true, path: '/*' };
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z0-9.-]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a supported match pattern: ${JSON.stringify(pattern)} (scheme http, https or *; host, *.host or *; a path starting with /)`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  return {
    schemes: scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`],
    host: host === '*' ? '' : host.replace(/^\*\./, ''),
    subdomains: host.startsWith('*'),
    path,
  };
}

/** True when `url` (a string or URL) is covered by the parsed or textual `pattern`. */
export function urlMatches(pattern: MatchPattern | string, url: string | URL): boolean {
  const p = typeof pattern === 'string' ? parseMatchPattern(pattern) : pattern;
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!p.schemes.includes(u.protocol)) return false;
  const host = u.hostname;
  if (p.host && host !== p.host && !(p.subdomains && host.endsWith(`.${p.host}`))) return false;
  return globMatch(p.path, u.pathname + u.search);
}
