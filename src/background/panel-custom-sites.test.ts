/**
 * The custom sites the worker serves to content scripts: the custom-site bundle no longer validates, so
 * anything the worker lets through becomes an adapter on the rep's page. Only valid, parsed configs pass.
 */
import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../../test/unit/fixture';
import type { CustomSiteConfig } from '../sites/adapters/custom';
import { validCustomSites } from './panel-custom-sites';

const SITE = (JSON.parse(fixtureHtml('custom/cases.json')) as { customSite: CustomSiteConfig }).customSite;

describe('validCustomSites', () => {
  it('serves a valid site parsed (trimmed as the schema does)', () => {
    const [site] = validCustomSites([{ ...SITE, label: `  ${SITE.label}  ` }]);
    expect(site).toEqual({ ...SITE, label: SITE.label });
  });

  it('drops what a hostile or broken config holds and keeps the valid sites around it', () => {
    const hostile: unknown[] = [
      null,
      'https://support.example.com/*',
      { ...SITE, urlPattern: '<all_urls>' },
      { ...SITE, urlPattern: 'https://*.co.uk/*' }, // a public suffix: every site under it
      { ...SITE, urlPattern: 'http://support.example.com/*' },
      { ...SITE, idFromUrl: '(a+)+$' }, // catastrophic backtracking on the page's URL
      { ...SITE, selectors: { ...SITE.selectors, composer: '' } },
      { ...SITE, script: 'alert(1)' }, // a field nobody declared
    ];
    const other = { ...SITE, id: 'other-desk', urlPattern: 'https://help.example.org/*' };
    expect(validCustomSites([...hostile, SITE, other]).map((s) => s.id)).toEqual([SITE.id, 'other-desk']);
  });
});
