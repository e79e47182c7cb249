/**
 * The Public Suffix List (through `tldts`, ICANN and private sections): a custom site's wildcard
 * `*.co.uk` or `*.github.io` would match every company's site under it. ~42 kB gzipped, so only the
 * options page (loaded when the custom-site form opens) and the worker import this — never the content
 * script, which only runs where the worker registered it.
 */
import { parse } from 'tldts';

/** True for a public suffix ("co.uk", "github.io", "com") and for hosts with no registrable domain. */
export function isPublicSuffix(host: string): boolean {
  const r = parse(host, { allowPrivateDomains: true });
  return r.domain === null || r.publicSuffix === host;
}
