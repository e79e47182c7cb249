import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveSettings, panelConfigOf } from './effective';
import { mergeCustomSites, readPolicy } from './policy';
import { DEFAULT_SETTINGS, migrateSettings } from './settings';

const site = (id: string, label = id) => ({ id, label, urlPattern: `https://${id}.example.com/*` });

describe('policy, bundle and the rep’s settings combined', () => {
  it('policy repId, retention and sites win; switched-off helpdesks add up', () => {
    const settings = migrateSettings({ ...DEFAULT_SETTINGS, repId: 'typed.by.rep', retentionDays: 90, disabledSites: ['front'], customSites: [site('acme', 'rep’s copy')] });
    const policy = readPolicy({ repId: 'maria.s', retentionDays: 30, disabledSites: ['zendesk', 'not-a-helpdesk'], customSites: [site('acme', 'admin’s')] });
    const e = effectiveSettings(settings, policy, { disabledSites: ['intercom'], customSites: [site('bundle')] });
    expect(e).toMatchObject({ repId: 'maria.s', repIdSource: 'policy', retentionDays: 30, retentionManaged: true });
    expect([...e.disabledSites].sort()).toEqual(['front', 'intercom', 'zendesk']);
    expect(e.customSites).toEqual([site('acme', 'admin’s'), site('bundle')]);
    // What a content script gets carries no retention, salt or policy.
    expect(Object.keys(panelConfigOf(e)).sort()).toEqual(['customSites', 'disabledSites', 'repId', 'repIdSource', 'repName', 'theme']);
  });

  it('says when nobody set a rep id, and refuses rep ids that are not ids', () => {
    expect(effectiveSettings(DEFAULT_SETTINGS, readPolicy({}), null).repIdSource).toBe('unset');
    expect(readPolicy({ repId: '<img src=x>' }).repId).toBeNull();
    expect(readPolicy({ repId: ' ana@acme ' }).repId).toBe('ana@acme');
    expect(readPolicy({ retentionDays: 0 }).retentionDays).toBeNull();
    expect(readPolicy({ hashSalt: 'ABCDEF0123456789' }).hashSalt).toBe('abcdef0123456789');
    expect(readPolicy('garbage')).toMatchObject({ repId: null, disabledSites: [], customSites: [] });
  });

  it('mergeCustomSites keeps the first source’s site for each id, in order, whatever the lists', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(fc.array(ids, { maxLength: 5 }), { maxLength: 4 }), (lists) => {
        const sources = lists.map((l, i) => l.map((id) => site(id, `source ${i}`)));
        const merged = mergeCustomSites(...sources) as { id: string; label: string }[];
        const flat = sources.flat();
        expect(merged.map((s) => s.id)).toEqual([...new Set(flat.map((s) => s.id))]);
        for (const s of merged) expect(s.label).toBe(flat.find((f) => f.id === s.id)?.label);
      }),
    );
  });
});
