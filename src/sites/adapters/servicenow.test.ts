// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureHtml, loadFixture, parseHtml } from '../../../test/unit/fixture';
import { readServiceNowForm, servicenow } from './servicenow';
import { provideInserter } from '../insert';
import { insertWithStrategies } from '../insert-strategies';

// In the extension the strategies come with the lazy bundle (src/content/index.ts); here they are at hand.
provideInserter(async () => insertWithStrategies);

const SYS1 = '9d385017c611228701d22104cc95c371';
const SYS2 = 'e8caedcbc0a80164017df472f39eaed1';
const URL1 = new URL(`https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D${SYS1}`);

const URLS = {
  positive: [
    [`https://acme.service-now.com/incident.do?sys_id=${SYS1}`, SYS1],
    [`https://acme.service-now.com/incident.do?sysparm_view=ess&sys_id=${SYS1}`, SYS1],
    [`https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D${SYS1}`, SYS1],
    [`https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%253Fsys_id%253D${SYS1}`, SYS1],
    [`https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${SYS1}`, SYS1],
    [`https://acme.service-now.com/now/sow/record/incident/${SYS1}`, SYS1],
    [`https://dev12345.service-now.com/sn_customerservice_case.do?sys_id=${SYS2.toUpperCase()}`, SYS2],
    ['https://acme.service-now.com/incident.do?sys_id=-1', null],
  ],
  negative: [
    'https://acme.service-now.com/incident_list.do?sysparm_query=active%3Dtrue',
    'https://acme.service-now.com/now/nav/ui/home',
    `https://service-now.com.evil.io/incident.do?sys_id=${SYS1}`,
    `https://acme.service-now.co/incident.do?sys_id=${SYS1}`,
    `https://example.com/nav_to.do?uri=incident.do%3Fsys_id%3D${SYS1}`,
  ],
} as const;

/**
 * happy-dom 21 parses `<option selected>` into the wrong `selectedIndex` (browsers honour the attribute);
 * re-apply the attribute so the fixture means in tests what it means in Chromium.
 */
function syncSelects(doc: Document | null | undefined): Document {
  for (const select of Array.from(doc?.querySelectorAll('select') ?? [])) {
    const options = Array.from(select.options);
    const chosen = options.findIndex((o) => o.hasAttribute('selected'));
    if (chosen >= 0) select.selectedIndex = chosen;
  }
  return doc as Document;
}

const formDoc = (html: string): Document => syncSelects(parseHtml(html));

/**
 * Give an element a copy of its prototype chain that does not descend from this realm's classes, the way
 * an iframe's elements look to the top frame (happy-dom shares classes between its windows).
 */
function foreignize(el: Element): void {
  const proto: Record<string, PropertyDescriptor> = {};
  for (let p = Object.getPrototypeOf(el); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [key, desc] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (!(key in proto)) proto[key] = desc;
  }
  Object.setPrototypeOf(el, Object.create(Object.prototype, proto));
}

/** The gsft_main document of a fixture: the form template the fixture's script loads into the iframe. */
const shells = new Map<string, Document>();
function formHtml(fixture: string, sysId: string): string {
  const shell = shells.get(fixture) ?? loadFixture(fixture);
  shells.set(fixture, shell);
  return (shell.getElementById(`form-${sysId}`) as HTMLTemplateElement).innerHTML;
}

async function loaded(frame: HTMLIFrameElement, html: string): Promise<void> {
  frame.srcdoc = html;
  const number = /id="sys_readonly\.incident\.number"[^>]*value="([^"]+)"/.exec(html)?.[1];
  const ready = () => (frame.contentDocument?.getElementById('sys_readonly.incident.number') as HTMLInputElement | null)?.value === number;
  for (let i = 0; i < 50 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  syncSelects(frame.contentDocument);
}

describe('servicenow adapter', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('matches record URLs (classic, nav_to, Next Experience, workspace) and takes the sys_id', () => {
    for (const [url, id] of URLS.positive) {
      expect(servicenow.matches(new URL(url)), url).toBe(true);
      expect(servicenow.ticketIdFromUrl(new URL(url)), url).toBe(id);
    }
    for (const url of URLS.negative) expect(servicenow.matches(new URL(url)), url).toBe(false);
  });

  it('reads the full context from the form document, number preferred over sys_id', () => {
    const { context, diagnostics } = readServiceNowForm(formDoc(formHtml('servicenow/ticket.html', SYS1)), URL1);
    expect(context).toEqual({
      helpdesk: 'servicenow',
      ticketId: 'INC0010001',
      subject: 'Outlook stopped receiving new mail',
      requesterName: 'Abel Tuter',
      customerKey: 'abel.tuter@example.com',
      channel: 'email',
      status: 'open',
      tags: ['software', 'email'],
      product: 'Microsoft Outlook 365',
      messages: expect.any(Array),
    });
    // Description first, then the activity stream oldest-first; the field-change entry has no text.
    expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'unknown', 'internal', 'customer']);
    expect(context?.messages[0]?.text).toContain('"Your mailbox is full"');
    expect(context?.messages[2]?.text).toContain('Recoverable Items');
    expect(context?.messages[3]?.text).toContain('Outlook on the web shows the new mail');
    expect(diagnostics.every((d) => d.ok)).toBe(true);
  });

  it('reads through iframe#gsft_main, not the form templates in the shell, and follows the frame', async () => {
    const doc = document;
    doc.body.innerHTML = parseHtml(fixtureHtml('servicenow/ticket.html')).body.innerHTML;
    const frame = doc.getElementById('gsft_main') as HTMLIFrameElement;
    expect(servicenow.read(doc, URL1).context).toBeNull(); // frame not loaded yet; templates are inert
    await loaded(frame, formHtml('servicenow/ticket.html', SYS1));
    expect(servicenow.read(doc, URL1).context).toMatchObject({ ticketId: 'INC0010001', status: 'open' });
    expect(servicenow.watchTargets?.(doc)[0]).toBe(frame);
    await loaded(frame, formHtml('servicenow/ticket.html', SYS2));
    const url2 = new URL(`https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D${SYS2}`);
    expect(servicenow.read(doc, url2).context).toMatchObject({
      ticketId: 'INC0010002',
      subject: 'VPN disconnects every 10 minutes',
      requesterName: 'Fred Luddy',
      status: 'pending',
      channel: 'phone',
      tags: ['network', 'vpn'],
    });
  });

  it('finds the form in the Next Experience shadow root and inserts into its comments field', async () => {
    const doc = document;
    doc.body.innerHTML = parseHtml(fixtureHtml('servicenow/next-experience.html')).body.innerHTML;
    const host = doc.querySelector('[component-id]') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<iframe id="gsft_main" srcdoc=""></iframe>';
    await loaded(shadow.getElementById('gsft_main') as HTMLIFrameElement, formHtml('servicenow/next-experience.html', SYS1));
    const url = new URL(`https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${SYS1}`);
    expect(servicenow.read(doc, url).context?.ticketId).toBe('INC0010001');
    const composer = servicenow.findComposer(doc) as HTMLTextAreaElement;
    expect(composer.id).toBe('incident.comments');
    const result = await servicenow.insertText(doc, 'Hi Abel, your mailbox has been cleaned up.');
    expect(result).toEqual({ inserted: true, strategy: 'native-setter' });
    expect(composer.value).toBe('Hi Abel, your mailbox has been cleaned up.');
  });

  it('inserts into a form field from another realm (the iframe window), where instanceof fails', async () => {
    const doc = formDoc(formHtml('servicenow/ticket.html', SYS1));
    const composer = servicenow.findComposer(doc) as HTMLTextAreaElement;
    foreignize(composer);
    expect(composer instanceof HTMLElement).toBe(false); // what Chromium reports for an iframe's element
    let inputs = 0;
    composer.addEventListener('input', () => inputs++);
    expect(await servicenow.insertText(doc, 'We purged Recoverable Items.')).toEqual({ inserted: true, strategy: 'native-setter' });
    expect(composer.value).toBe('We purged Recoverable Items.');
    expect(inputs).toBe(1);
  });

  it('reports the missing field and still reads the rest', () => {
    const { context, diagnostics } = readServiceNowForm(syncSelects(loadFixture('servicenow/missing-field.html')), URL1);
    expect(context?.status).toBe('other');
    expect(diagnostics.find((d) => d.field === 'status')).toEqual({ field: 'status', ok: false });
    expect(context).toMatchObject({ ticketId: 'INC0010001', subject: 'Outlook stopped receiving new mail', requesterName: 'Abel Tuter' });
  });

  it('returns no context on a page that is not a record form', () => {
    const { context, diagnostics } = servicenow.read(parseHtml('<div class="list2_body">Incidents</div>'), URL1);
    expect(context).toBeNull();
    expect(diagnostics.find((d) => d.field === 'ticketId')?.ok).toBe(false);
  });

  it('shows hostile field text as bounded inert text', () => {
    const evil = `<img src=x onerror=alert(1)>\u202Egnp.exe${'A'.repeat(100_000)}`;
    const html = formHtml('servicenow/ticket.html', SYS1).replace(
      'value="Outlook stopped receiving new mail"',
      `value="${evil.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
    );
    const { context } = readServiceNowForm(formDoc(html), URL1);
    expect(context?.subject.length).toBeLessThanOrEqual(300);
    expect(context?.subject).not.toContain('\u202E');
    expect(context?.subject.startsWith('<img src=x')).toBe(true);
  });

  describe('a second fixture from another public source (FiggChristian/PTS-Scripts: /ticket.do, custom fields)', () => {
    const SYS3 = '3f1dd0b4db5e5010a1d2a3f5dc9619a7';
    const URL3 = new URL(`https://acme.service-now.com/ticket.do?sys_id=${SYS3}`);
    const page = (html = fixtureHtml('servicenow/second-source.html')): Document => formDoc(html);

    it('reads a directly opened form of a custom table: number, u_requested_for, its reference as key, an e-mail entry', () => {
      const { context, diagnostics } = servicenow.read(page(), URL3);
      expect(context).toEqual({
        helpdesk: 'servicenow',
        ticketId: 'TKT0048213',
        subject: 'Laptop will not join the campus Wi-Fi',
        requesterName: 'Jordan Lee',
        customerKey: 'a8f98bb0eb32010045e1a5115206fe3a',
        channel: 'email',
        status: 'open',
        tags: [],
        product: null,
        messages: expect.any(Array),
      });
      // Description, the e-mail (an HTML entry), the engineer's comment, the work note, the requester's comment.
      expect(context?.messages.map((m) => m.role)).toEqual(['customer', 'customer', 'unknown', 'internal', 'customer']);
      expect(context?.messages[1]?.text).toContain('refuses the campus Wi-Fi');
      expect(diagnostics.find((d) => d.field === 'requester')?.source).toBe('[id="sys_display.ticket.u_requested_for"]');
      expect(diagnostics.filter((d) => !d.ok).map((d) => d.field)).toEqual(['tags']);
    });

    it('finds the reply box the rep sees: the single input, or the per-field box once toggled', () => {
      expect(servicenow.findComposer(page())?.id).toBe('activity-stream-textarea');
      const toggled = fixtureHtml('servicenow/second-source.html')
        .replace('<div id="single-input-journal-entry" class="journal-entry">', '<div id="single-input-journal-entry" class="journal-entry ng-hide">')
        .replace('<div id="multiple-input-journal-entry" class="journal-entry" style="display: none">', '<div id="multiple-input-journal-entry" class="journal-entry">');
      expect(servicenow.findComposer(page(toggled))?.id).toBe('activity-stream-comments-textarea');
    });

    it('keys a guest (no requester record) by the address the desk typed, and only by an exact address', () => {
      const guest = (typed: string) =>
        fixtureHtml('servicenow/second-source.html')
          .replace('value="a8f98bb0eb32010045e1a5115206fe3a"', 'value=""')
          .replace('name="sys_display.ticket.u_requested_for" value="Jordan Lee"', 'name="sys_display.ticket.u_requested_for" value=""')
          .replace('name="ticket.u_guest_email" value=""', `name="ticket.u_guest_email" value="${typed}"`);
      expect(servicenow.read(page(guest('Jordan.Lee@Example.edu')), URL3).context?.customerKey).toBe('jordan.lee@example.edu');
      expect(servicenow.read(page(guest('jordan.lee@example.edu, pat@example.edu')), URL3).context?.customerKey).toBeNull();
    });
  });
});
