import { describe, expect, it } from 'vitest';
import { parseCustomSite } from '../../sites/adapters/custom';
import { configFromForm, EMPTY_SITE_FORM, formFromConfig, siteIdFor, upsertSite } from './custom-site-form';

const acme = {
  id: 'acme-helpdesk',
  label: 'Acme Helpdesk',
  urlPattern: 'https://support.example.com/tickets/*',
  idFromUrl: '/tickets/(\\d+)',
  selectors: { ticketRoot: 'main.ticket', subject: 'h1.ticket-subject', messages: 'ol.thread > li.msg', composer: 'textarea#reply-body' },
  channel: 'email',
};

describe('custom-site form', () => {
  it('round-trips a stored config, leaving empty optional fields out', () => {
    const form = formFromConfig(acme);
    expect(form.selectors.requester).toBe('');
    const back = configFromForm(form, form.id);
    expect(back).toEqual(acme);
    expect(parseCustomSite(back).ok).toBe(true);
  });

  it('keeps an empty subject so validation names the field', () => {
    const cfg = configFromForm({ ...EMPTY_SITE_FORM, label: 'X', urlPattern: 'https://x.example.com/*' }, 'x');
    const r = parseCustomSite(cfg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('selectors.subject');
  });

  it('reads garbage as an empty form', () => {
    expect(formFromConfig(null)).toEqual(EMPTY_SITE_FORM);
    expect(formFromConfig({ channel: 'fax', selectors: 3 }).channel).toBe('');
  });

  it('gives new sites a free id from the label and keeps existing ids', () => {
    expect(siteIdFor({ ...EMPTY_SITE_FORM, label: 'Acme Helpdesk' }, ['acme-helpdesk'])).toBe('acme-helpdesk-2');
    expect(siteIdFor({ ...EMPTY_SITE_FORM, label: '¡¡¡' }, [])).toBe('site');
    expect(siteIdFor({ ...EMPTY_SITE_FORM, id: 'keep', label: 'Other' }, ['keep'])).toBe('keep');
    expect(siteIdFor({ ...EMPTY_SITE_FORM, label: 'x'.repeat(60) }, []).length).toBeLessThanOrEqual(40);
  });

  it('replaces a site with the same id or appends', () => {
    expect(upsertSite([acme], { ...acme, label: 'New' })).toEqual([{ ...acme, label: 'New' }]);
    expect(upsertSite([acme], { id: 'other' })).toHaveLength(2);
  });
});
