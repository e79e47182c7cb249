// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { salesforce } from './salesforce';
import { provideInserter } from '../insert';
import { insertWithStrategies } from '../insert-strategies';

// In the extension the strategies come with the lazy bundle (src/content/index.ts); here they are at hand.
provideInserter(async () => insertWithStrategies);

const CASE_A = '500Hs00001XyZaBIAV';
const CASE_B = '500Hs00001XyZcQIAV';
const URL_A = new URL(`https://acme.lightning.force.com/lightning/r/Case/${CASE_A}/view`);
const URLS = {
  positive: [
    [`https://acme.lightning.force.com/lightning/r/Case/${CASE_A}/view`, CASE_A],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Case/500Hs00001XyZcQ/view', '500Hs00001XyZcQ'],
    [`https://acme.my.salesforce.com/lightning/r/${CASE_B}/view?ws=%2Flightning%2Fr%2FAccount`, CASE_B],
    ['https://acme.lightning.force.com/lightning/r/Account/001Hs00002AbCdEIAV/view', null],
    ['https://acme.lightning.force.com/lightning/o/Case/list?filterName=Recent', null],
  ],
  negative: [
    'https://acme.my.salesforce.com/500Hs00001XyZaBIAV',
    'https://lightning.force.com.evil.io/lightning/r/Case/500Hs00001XyZaBIAV/view',
    'https://acme.force.com/lightning/r/Case/500Hs00001XyZaBIAV/view',
    'https://example.com/lightning/r/Case/500Hs00001XyZaBIAV/view',
  ],
} as const;

function flipTabs(html: string): string {
  return html
    .replace('id="tab-701" class="tabContent active oneConsoleTab"', 'id="tab-701" class="tabContent oneConsoleTab"')
    .replace('id="tab-702" class="tabContent oneConsoleTab"', 'id="tab-702" class="tabContent active oneConsoleTab"')
    .replace('aria-selected="true" aria-controls="tab-701"', 'aria-selected="false" aria-controls="tab-701"')
    .replace('aria-selected="false" aria-controls="tab-702"', 'aria-selected="true" aria-controls="tab-702"');
}

describe('salesforce adapter', () => {
  it('matches Lightning record URLs and takes only Case ids', () => {
    for (const [url, id] of URLS.positive) {
      expect(salesforce.matches(new URL(url)), url).toBe(true);
      expect(salesforce.ticketIdFromUrl(new URL(url))).toBe(id);
    }
    for (const url of URLS.negative) expect(salesforce.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context of the active console tab', () => {
    const { context, diagnostics } = salesforce.read(loadFixture('salesforce/ticket.html'), URL_A);
    expect(context).toEqual({
      helpdesk: 'salesforce',
      ticketId: CASE_A,
      subject: 'Invoice PDF shows wrong VAT rate',
      requesterName: 'Nora Lindqvist',
      customerKey: 'nora.lindqvist@example.se',
      channel: 'email',
      status: 'open',
      tags: ['billing', 'incorrect invoice'],
      product: 'Acme Invoicing Cloud',
      messages: expect.any(Array),
    });
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'internal', 'customer']);
    expect(context?.messages[3]?.text).toContain('INV-2240');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([]);
  });

  it('follows the active workspace tab, not the background one', () => {
    const { context } = salesforce.read(parseHtml(flipTabs(fixtureHtml('salesforce/ticket.html'))), URL_A);
    expect(context).toMatchObject({
      ticketId: CASE_B,
      subject: "Can't reset two-factor authentication",
      requesterName: 'Marco Bianchi',
      status: 'pending',
      channel: 'phone',
      tags: ['access'],
      product: null,
    });
    expect(context?.messages).toEqual([{ role: 'unknown', text: expect.stringContaining('identity check') }]);
  });

  it('reports the missing status and still reads the rest', () => {
    const { context, diagnostics } = salesforce.read(loadFixture('salesforce/missing-field.html'), URL_A);
    expect(context?.status).toBe('other');
    expect(diagnostics.filter((d) => !d.ok)).toEqual([{ field: 'status', ok: false }]);
    expect(context?.subject).toBe('Invoice PDF shows wrong VAT rate');
  });

  it('finds a field rendered inside an open shadow root', () => {
    const doc = loadFixture('salesforce/missing-field.html');
    const host = doc.createElement('records-lwc-detail-panel');
    doc.querySelector('#tab-701 .forceRecordLayout')?.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<records-record-layout-item data-target-selection-name="sfdc:RecordField.Case.Status"><span class="test-id__field-label">Status</span><span class="test-id__field-value">Escalated</span></records-record-layout-item>';
    const { context, diagnostics } = salesforce.read(doc, URL_A);
    expect(context?.status).toBe('open');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: true, source: 'Case.Status' });
  });

  it('returns no context on a page that is not a Case', () => {
    const page = parseHtml('<div class="windowViewMode-normal active"><h1>Recently Viewed Cases</h1></div>');
    const { context, diagnostics } = salesforce.read(page, new URL('https://acme.lightning.force.com/lightning/o/Case/list'));
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
    expect(salesforce.read(parseHtml('<p>Home</p>'), URL_A).context).toBeNull();
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe\u2066${'A'.repeat(100_000)}`;
    const escaped = evil.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const html = fixtureHtml('salesforce/ticket.html').replace('>Invoice PDF shows wrong VAT rate</lightning', `>${escaped}</lightning`);
    const { context } = salesforce.read(parseHtml(html), URL_A);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toMatch(/[\u202E\u2066]/);
    expect(context?.subject.startsWith('<img src=x onerror=alert(1)>gnp.exe')).toBe(true);
  });

  it('inserts into a plain publisher textarea with the native setter', async () => {
    const html = fixtureHtml('salesforce/ticket.html').replace(
      /<div class="slds-rich-text-editor">.*?<\/div><\/div>/,
      '<textarea class="cuf-messageTextArea" aria-label="Post"></textarea>',
    );
    const doc = parseHtml(html);
    const result = await salesforce.insertText(doc, 'Corrected invoices are attached.');
    expect(result).toEqual({ inserted: true, strategy: 'native-setter' });
    expect((salesforce.findComposer(doc) as HTMLTextAreaElement).value).toBe('Corrected invoices are attached.');
  });

  it('watches the feed and the active pane', () => {
    const targets = salesforce.watchTargets?.(loadFixture('salesforce/ticket.html')) ?? [];
    expect(targets.map((el) => el.className)).toEqual(['cuf-feed', 'windowViewMode-maximized active lafPageHost']);
    expect(targets[1]?.closest('section')?.id).toBe('tab-701');
  });

  describe('a second fixture from another public source (UNiXMIT/UNiXSF: split-view console, fields by label)', () => {
    const CASE_S = '500Hs00001QrStUIAV';
    const URL_S = new URL(`https://acme.lightning.force.com/lightning/r/Case/${CASE_S}/view`);

    it('reads the active split-view tab by field labels: subject, contact, e-mail, origin, product, feed', () => {
      const doc = loadFixture('salesforce/second-source.html');
      const { context, diagnostics } = salesforce.read(doc, URL_S);
      expect(context).toEqual({
        helpdesk: 'salesforce',
        ticketId: CASE_S,
        subject: 'Licence server rejects new seats',
        requesterName: 'Priya Raman',
        customerKey: 'priya.raman@example.in',
        channel: 'email',
        status: 'open',
        tags: [],
        product: 'License Server 9',
        messages: expect.any(Array),
      });
      // The contact's posts are the customer's; the engineer's are not guessed to be the agent's.
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'customer']);
      expect(context?.messages[2]?.text).toBe('New seats work again. Will the old host name come back after the next restart?');
      const source = Object.fromEntries(diagnostics.map((d) => [d.field, d.ok ? d.source : 'missing']));
      expect(source).toMatchObject({ ticketId: 'console tab', subject: '[field-label="Subject"]', customerKey: '[field-label="Contact Email"]', tags: 'missing' });
      expect(diagnostics.filter((d) => !d.ok).map((d) => d.field)).toEqual(['tags']);
      const composer = salesforce.findComposer(doc);
      expect(composer?.classList.contains('ql-editor')).toBe(true);
      expect(composer?.closest('section')?.id).toBe('tab-811');
    });

    it('follows the other split-view tab, not the first field of that label in the page', () => {
      const html = fixtureHtml('salesforce/second-source.html')
        .replace('id="tab-811" class="tabContent active oneConsoleTab"', 'id="tab-811" class="tabContent oneConsoleTab"')
        .replace('id="tab-812" class="tabContent oneConsoleTab"', 'id="tab-812" class="tabContent active oneConsoleTab"')
        .replace('aria-selected="true" aria-controls="tab-811"', 'aria-selected="false" aria-controls="tab-811"')
        .replace('aria-selected="false" aria-controls="tab-812"', 'aria-selected="true" aria-controls="tab-812"');
      const { context } = salesforce.read(parseHtml(html), URL_S);
      expect(context).toMatchObject({ ticketId: '500Hs00001QrTaMIAV', subject: 'Upgrade to 9.1 fails on Windows', requesterName: 'Jonas Berg', customerKey: 'jonas.berg@example.no', status: 'open' });
    });

    it('prefers the API name to a label that names another field', () => {
      // An org with a custom field labelled "Subject" above the real one: the real Subject (by API name) still wins.
      const real = '<records-record-layout-item field-label="Subject" data-target-selection-name="sfdc:RecordField.Case.Subject">';
      const decoy = '<records-record-layout-item field-label="Subject" data-target-selection-name="sfdc:RecordField.Case.Legacy_Subject__c"><span class="test-id__field-value">Not the subject</span></records-record-layout-item>';
      const html = fixtureHtml('salesforce/ticket.html').replace(real, decoy + real);
      expect(salesforce.read(parseHtml(html), URL_A).context?.subject).toBe('Invoice PDF shows wrong VAT rate');
    });
  });
});
