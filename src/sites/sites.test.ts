import { describe, expect, it } from 'vitest';
import { HELPDESK_NAMES } from '../core/ticket/helpdesk-names';
import { BUILT_IN_ADAPTERS } from './registry';
import { hostMatches, loadAdapterFor, SITES } from './sites';

describe('lazy site table', () => {
  it('agrees with the eager registry: same helpdesks, same hosts, same adapters', async () => {
    expect(SITES.map((s) => s.id)).toEqual(BUILT_IN_ADAPTERS.map((a) => a.id));
    for (const site of SITES) {
      const adapter = BUILT_IN_ADAPTERS.find((a) => a.id === site.id)!;
      expect(site.hostPatterns, site.id).toEqual(adapter.hostPatterns);
      expect(site.label, site.id).toBe(adapter.label);
      expect(await site.load()).toBe(adapter);
    }
  });

  it('matches hosts like Chrome match patterns do', () => {
    expect(hostMatches(new URL('https://acme.zendesk.com/agent/tickets/1'), 'https://*.zendesk.com/*')).toBe(true);
    expect(hostMatches(new URL('https://zendesk.com.evil.io/agent'), 'https://*.zendesk.com/*')).toBe(false);
    expect(hostMatches(new URL('http://acme.zendesk.com/'), 'https://*.zendesk.com/*')).toBe(false);
    expect(hostMatches(new URL('https://app.intercom.com/a/inbox'), 'https://app.intercom.com/*')).toBe(true);
  });

  it('loads the adapter for a ticket URL and nothing for other pages or switched-off sites', async () => {
    expect((await loadAdapterFor(new URL('https://acme.zendesk.com/agent/tickets/4521')))?.id).toBe('zendesk');
    expect(await loadAdapterFor(new URL('https://example.com/agent/tickets/4521'))).toBeNull();
    expect(await loadAdapterFor(new URL('https://acme.zendesk.com/agent/tickets/4521'), [], new Set(['zendesk']))).toBeNull();
  });
});

describe('helpdesk names for pages without adapter code', () => {
  it('are the site table labels, for every built-in helpdesk', () => {
    expect(Object.fromEntries(SITES.map((s) => [s.id, s.label]))).toEqual(HELPDESK_NAMES);
  });
});
