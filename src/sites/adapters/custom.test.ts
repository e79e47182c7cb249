// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { createCustomAdapter, type CustomSiteConfig, compileMatchPattern, originPatternFor, parseCustomSite } from './custom';
import { provideInserter } from '../insert';
import { insertWithStrategies } from '../insert-strategies';

// In the extension the strategies come with the lazy bundle (src/content/index.ts); here they are at hand.
provideInserter(async () => insertWithStrategies);

const cases = JSON.parse(fixtureHtml('custom/cases.json')) as { customSite: CustomSiteConfig };
const SITE = cases.customSite;
const URL1 = new URL('https://support.example.com/tickets/123');

function parsed(config: unknown): CustomSiteConfig {
  const result = parseCustomSite(config);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

function errorsOf(patch: Record<string, unknown>, selectors: Record<string, unknown> = {}) {
  const result = parseCustomSite({ ...SITE, ...patch, selectors: { ...SITE.selectors, ...selectors } });
  return result.ok ? [] : result.errors;
}

describe('custom site config', () => {
  it('accepts the fixture config and derives the permission origin', () => {
    const config = parsed(SITE);
    expect(config.urlPattern).toBe('https://support.example.com/tickets/*');
    expect(originPatternFor(config)).toBe('https://support.example.com/*');
    expect(originPatternFor(parsed({ ...SITE, urlPattern: 'https://*.example.com:8443/desk/*' }))).toBe('https://*.example.com:8443/*');
  });

  it('reports each bad field by path', () => {
    expect(errorsOf({ urlPattern: '<all_urls>' })).toEqual([{ path: 'urlPattern', message: expect.stringContaining('<all_urls>') }]);
    expect(errorsOf({ urlPattern: 'http://support.example.com/*' })).toEqual([{ path: 'urlPattern', message: 'Only https:// patterns are allowed' }]);
    expect(errorsOf({ urlPattern: 'https://*/*' })).toEqual([{ path: 'urlPattern', message: expect.stringContaining('bare *') }]);
    expect(errorsOf({ urlPattern: 'https://*.com/*' })[0]?.path).toBe('urlPattern');
    expect(errorsOf({ urlPattern: 'https://support.example.com' })[0]?.path).toBe('urlPattern');
    expect(errorsOf({ urlPattern: 'https://supp ort.example.com/*' })[0]?.path).toBe('urlPattern');
    expect(errorsOf({}, { subject: `div${' > div'.repeat(60)}` })).toEqual([{ path: 'selectors.subject', message: 'Selector is longer than 300 characters' }]);
    expect(errorsOf({}, { status: 'div[[' })).toEqual([{ path: 'selectors.status', message: 'Not a valid CSS selector' }]);
    expect(errorsOf({}, { subject: undefined })[0]?.path).toBe('selectors.subject');
    expect(errorsOf({}, { onLoad: 'alert(1)' })[0]?.path).toBe('selectors.onLoad');
    expect(errorsOf({ idFromUrl: '/tickets/(\\d+' })).toEqual([{ path: 'idFromUrl', message: 'Not a valid regular expression' }]);
    expect(errorsOf({ idFromUrl: '/tickets/\\d+' })[0]?.message).toContain('capture group');
    expect(errorsOf({ idFromUrl: 'x'.repeat(201) })[0]?.path).toBe('idFromUrl');
    expect(errorsOf({ id: 'Acme Desk!' })[0]?.path).toBe('id');
    expect(errorsOf({ channel: 'fax' })[0]?.path).toBe('channel');
    expect(parseCustomSite('nope')).toMatchObject({ ok: false, errors: [{ path: '' }] });
  });

  it('turns match patterns into anchored expressions', () => {
    const exact = compileMatchPattern('https://support.example.com/tickets/*')!;
    expect(exact.test('https://support.example.com/tickets/123')).toBe(true);
    expect(exact.test('https://support.example.com/admin/tickets/123')).toBe(false);
    expect(exact.test('https://support.example.com.evil.io/tickets/123')).toBe(false);
    expect(exact.test('http://support.example.com/tickets/123')).toBe(false);
    const wild = compileMatchPattern('https://*.example.com/*')!;
    expect(wild.test('https://example.com/x')).toBe(true);
    expect(wild.test('https://eu.support.example.com/x?y=1')).toBe(true);
    expect(wild.test('https://badexample.com/x')).toBe(false);
    expect(wild.test('https://example.com.evil.io/x')).toBe(false);
    expect(compileMatchPattern('https://support.example.com/a.b/*')?.test('https://support.example.com/aXb/1')).toBe(false);
    expect(compileMatchPattern('ftp://example.com/*')).toBeNull();
  });
});

describe('custom adapter', () => {
  const adapter = createCustomAdapter(parsed(SITE));

  it('matches the pattern and takes the id with the admin regex', () => {
    expect(adapter.id).toBe('custom');
    expect(adapter.hostPatterns).toEqual(['https://support.example.com/tickets/*']);
    expect(adapter.matches(URL1)).toBe(true);
    expect(adapter.ticketIdFromUrl(URL1)).toBe('123');
    expect(adapter.matches(new URL('https://support.example.com/reports'))).toBe(false);
    expect(adapter.matches(new URL('https://support.example.com.evil.io/tickets/123'))).toBe(false);
  });

  it('reads the custom fixture with the configured selectors', () => {
    const { context, diagnostics } = adapter.read(loadFixture('custom/ticket.html'), URL1);
    expect(context).toEqual({
      helpdesk: 'custom',
      ticketId: '123',
      subject: 'Printer driver fails to install on macOS 14',
      requesterName: 'Dana Whitfield',
      customerKey: 'dana.whitfield@example.com',
      channel: 'email',
      status: 'open',
      tags: [],
      product: null,
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(diagnostics.every((d) => d.ok)).toBe(true);
    expect(diagnostics.map((d) => d.field)).toEqual(['ticketId', 'subject', 'requester', 'customerKey', 'status', 'channel', 'messages', 'composer']);
  });

  it('counts a message as the agent\'s only when the admin\'s agent selector marks it (issue 15 #5)', () => {
    const { agentMessage: _unset, ...selectors } = SITE.selectors as Record<string, string>;
    const unmarked = createCustomAdapter(parsed({ ...SITE, selectors }));
    const { context } = unmarked.read(loadFixture('custom/ticket.html'), URL1);
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'customer']);
  });

  it('follows the re-rendered ticket', () => {
    const doc = loadFixture('custom/ticket.html');
    (doc.querySelector('main.ticket') as HTMLElement).innerHTML = (doc.getElementById('ticket-124') as HTMLTemplateElement).innerHTML;
    expect(adapter.read(doc, new URL('https://support.example.com/tickets/124')).context).toMatchObject({
      ticketId: '124',
      subject: 'Toner cartridge not recognised',
      status: 'pending',
    });
  });

  it('reports the missing field and still reads the rest', () => {
    const { context, diagnostics } = adapter.read(loadFixture('custom/missing-field.html'), URL1);
    expect(context?.status).toBe('other');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: false });
    expect(context?.subject).toBe('Printer driver fails to install on macOS 14');
  });

  it('returns no context when the ticket root is absent', () => {
    const { context, diagnostics } = adapter.read(parseHtml('<main class="dashboard">Queue</main>'), URL1);
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = fixtureHtml('custom/ticket.html').replace(
      '<h1 class="ticket-subject">Printer driver fails to install on macOS 14',
      `<h1 class="ticket-subject">${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`,
    );
    const { context } = adapter.read(parseHtml(html), URL1);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });

  it('inserts into a textarea composer with the native setter', async () => {
    const doc = loadFixture('custom/ticket.html');
    expect(await adapter.insertText(doc, 'Please try the 2.4 driver.')).toEqual({ inserted: true, strategy: 'native-setter' });
    expect((doc.getElementById('reply-body') as HTMLTextAreaElement).value).toBe('Please try the 2.4 driver.');
  });

  it('survives a config whose selectors were never validated', () => {
    const broken = createCustomAdapter({ ...SITE, idFromUrl: '(', selectors: { subject: 'h1[[', messages: '!!', customerMessage: '::x' } });
    expect(() => broken.read(loadFixture('custom/ticket.html'), URL1)).not.toThrow();
    expect(broken.ticketIdFromUrl(URL1)).toBeNull();
  });
});

describe('custom sites on hostile ground (issue 15 #9)', () => {
  it('refuses a wildcard over a public suffix when the Public Suffix List is passed', async () => {
    const { isPublicSuffix } = await import('../public-suffix');
    for (const host of ['co.uk', 'github.io', 'blogspot.com', 's3.amazonaws.com', 'gov.uk']) {
      const r = parseCustomSite({ ...SITE, urlPattern: `https://*.${host}/*` }, { isPublicSuffix });
      expect(r.ok ? [] : r.errors, host).toEqual([{ path: 'urlPattern', message: expect.stringContaining('public suffix') }]);
    }
    for (const host of ['example.co.uk', 'acme.github.io', 'zendesk.com']) {
      expect(parseCustomSite({ ...SITE, urlPattern: `https://*.${host}/*` }, { isPublicSuffix }).ok, host).toBe(true);
    }
  });

  it('refuses ticket-id patterns that backtrack catastrophically, each with a reason', () => {
    for (const idFromUrl of ['/t/((a+)+)$', '/t/(\\d+)*x', '/t/((a|a)*)b', '/t/((.*a){12})', '/t/((\\w+\\s?)+)$', '/t/((a?){30})a{30}', '/t/(a)\\1', '(\\w+)\\w+!', '.*/t/(\\d+)', '/t/(\\d{1,500})\\d+', '/(\\w{1,9})/(\\w{1,9})/(\\w{1,9})']) {
      const errors = errorsOf({ idFromUrl });
      expect(errors, idFromUrl).toEqual([{ path: 'idFromUrl', message: expect.stringMatching(/take forever|Back-references|open-ended repeat|at most 2 repeats/) }]);
    }
    for (const idFromUrl of ['/tickets/(\\d+)', '[?&]id=([A-Z0-9-]+)', '#/case/(\\w+)', '/t/(?<id>\\d{1,12})(?:/|$)', '/(?:tickets|cases)/(\\d+)', '/t/\\w{1,20}/(\\d+)']) {
      expect(errorsOf({ idFromUrl }), idFromUrl).toEqual([]);
    }
  });

  it('a stored catastrophic pattern never runs, and accepted ones stay fast on a hostile 100 kB URL', () => {
    const evil = createCustomAdapter({ ...parsed(SITE), idFromUrl: '/t/((a+)+)$' });
    const hostile = new URL(`https://support.example.com/t/${'a'.repeat(100_000)}!`);
    expect(evil.ticketIdFromUrl(hostile)).toBeNull();
    const worst = createCustomAdapter(parsed({ ...SITE, urlPattern: 'https://support.example.com/*a*a*a*a*b', idFromUrl: '(\\w{1,20})\\w+!' }));
    worst.ticketIdFromUrl(new URL(`https://support.example.com/${'a'.repeat(100_000)}`));
    expect(worst.matches(new URL(`https://support.example.com/${'a'.repeat(100_000)}`))).toBe(false);
    // Unbounded, these would run for hours; bounded, they take ~0.1 s. No stopwatch here (a loaded machine
    // is not a bug): an unguarded pattern cannot finish inside the test's 60 s timeout.
  }, 60_000);
});
