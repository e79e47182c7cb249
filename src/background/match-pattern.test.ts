import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch as globMatches } from '../sites/adapters/custom';
import { parseMatchPattern, urlMatches } from './match-pattern';

/** Reference: Chromium's match-pattern rules written as one RegExp per pattern (the obvious, slower way). */
function reference(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z0-9.-]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error('bad pattern');
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const esc = (x: string) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const hostRe = host === '*' ? '[^/:]+' : host.startsWith('*.') ? `(?:[^/:]+\\.)?${esc(host.slice(2))}` : esc(host);
  const u = new URL(url);
  const s = `${u.protocol}//${u.hostname}${u.pathname}${u.search}`;
  return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostRe}${path.split('*').map(esc).join('.*')}$`, 's').test(s);
}

describe('urlMatches (Chrome match patterns)', () => {
  it.each([
    ['https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/agent/tickets/4521', true],
    ['https://*.zendesk.com/agent/*', 'https://zendesk.com/agent/', true],
    ['https://*.zendesk.com/agent/*', 'https://a.b.zendesk.com/agent/x', true],
    ['https://*.zendesk.com/agent/*', 'https://acme.zendesk.com/hc/en-us', false],
    ['https://*.zendesk.com/agent/*', 'https://evilzendesk.com/agent/', false],
    ['https://*.zendesk.com/agent/*', 'https://acme.zendesk.com.evil.example/agent/', false],
    ['https://*.zendesk.com/agent/*', 'http://acme.zendesk.com/agent/', false],
    ['https://*.zendesk.com/agent/*', 'https://acme.zendesk.com:8443/agent/x', true],
    ['https://*.zendesk.com/agent/*', 'https://ACME.Zendesk.com/agent/x', true],
    ['https://*.service-now.com/*.do*', 'https://acme.service-now.com/incident.do?sys_id=1', true],
    ['https://*.service-now.com/*.do*', 'https://acme.service-now.com/nav_to?uri=incident.do', true],
    ['https://*.service-now.com/*.do*', 'https://acme.service-now.com/now/nav', false],
    ['https://app.frontapp.com/*', 'https://app.frontapp.com/open/cnv_1#ignored', true],
    ['https://app.intercom.com/a/*', 'https://app.intercom.com/b/#/a/x', false],
    ['*://example.com/*', 'http://example.com/', true],
    ['*://example.com/*', 'ftp://example.com/', false],
    ['https://*/*', 'https://anything.example/x', true],
    ['<all_urls>', 'https://anything.example/x', true],
    ['https://*.zendesk.com/agent/*', 'not a url', false],
  ])('%s vs %s → %s', (pattern, url, want) => {
    expect(urlMatches(pattern, url)).toBe(want);
  });

  it('refuses patterns it cannot read, saying what it expects', () => {
    for (const bad of ['zendesk.com', 'https://*.zendesk.com', 'https://a*.zendesk.com/*', 'chrome://extensions/*', 'https://*.zendesk.com:*/x']) {
      expect(() => parseMatchPattern(bad), bad).toThrow(/not a supported match pattern/);
    }
  });

  it('agrees with the RegExp reference on generated patterns and URLs', () => {
    const label = fc.constantFrom('a', 'b', 'ba', 'zendesk', 'com', 'x-y');
    const hostname = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
    const patternHost = fc.oneof(hostname, hostname.map((h) => `*.${h}`), fc.constant('*'));
    const pathChars = fc.constantFrom('a', 'b', '/', '.', '*', '?', '=', 'do');
    const patternPath = fc.array(pathChars, { maxLength: 8 }).map((p) => `/${p.join('')}`);
    const pattern = fc.tuple(fc.constantFrom('https', 'http', '*'), patternHost, patternPath).map(([s, h, p]) => `${s}://${h}${p}`);
    const urlChars = fc.constantFrom('a', 'b', '/', '.', 'do', 'x');
    const url = fc
      .tuple(fc.constantFrom('https', 'http'), hostname, fc.array(urlChars, { maxLength: 8 }), fc.option(fc.array(urlChars, { maxLength: 4 })), fc.option(fc.constantFrom(':8443')))
      .map(([s, h, p, q, port]) => `${s}://${h}${port ?? ''}/${p.join('')}${q ? `?${q.join('')}` : ''}`);
    fc.assert(
      fc.property(pattern, url, (p, u) => urlMatches(p, u) === reference(p, u)),
      { numRuns: 5000 },
    );
  });
});

describe('globMatches', () => {
  it('matches like a `*`-only glob, including backtracking over repeated prefixes', () => {
    expect(globMatches('/*.do*', '/a.b.do')).toBe(true);
    expect(globMatches('/*ab*ab', '/aabab')).toBe(true);
    expect(globMatches('/*ab*ab', '/aab')).toBe(false);
    expect(globMatches('/**', '/')).toBe(true);
    expect(globMatches('/a', '/a/')).toBe(false);
  });

  it('stays fast on a long path against a pattern full of stars', () => {
    const started = performance.now();
    expect(globMatches(`/${'*a'.repeat(20)}b`, `/${'a'.repeat(20_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
