import { describe, expect, it } from 'vitest';
import { patternNamesHost } from './custom';

describe('patternNamesHost: which hosts an admin-defined site takes from the built-in helpdesks', () => {
  it('names the exact host, or the host and its subdomains for *.', () => {
    expect(patternNamesHost('https://acme.zendesk.com/agent/*', 'acme.zendesk.com')).toBe(true);
    expect(patternNamesHost('https://acme.zendesk.com/agent/*', 'other.zendesk.com')).toBe(false);
    expect(patternNamesHost('https://*.acme.com/*', 'acme.com')).toBe(true);
    expect(patternNamesHost('https://*.acme.com/*', 'help.acme.com')).toBe(true);
  });
  it('does not take a host that merely ends like the pattern’s', () => {
    expect(patternNamesHost('https://*.acme.com/*', 'notacme.com')).toBe(false);
    expect(patternNamesHost('https://acme.com/*', 'evil-acme.com')).toBe(false);
  });
  it('ignores a port and refuses what is not an https pattern', () => {
    expect(patternNamesHost('https://desk.acme.com:8443/*', 'desk.acme.com')).toBe(true);
    expect(patternNamesHost('http://desk.acme.com/*', 'desk.acme.com')).toBe(false);
    expect(patternNamesHost('not a pattern', 'desk.acme.com')).toBe(false);
  });
});
