import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../playbook';
import { parseTeamBundle, parseTeamBundleText, type SiteCheck, TEAM_BUNDLE_FORMAT } from './bundle';

// The real site check lives with the adapters; here a stand-in that refuses sites without an https pattern.
const checkSite: SiteCheck = (raw) =>
  typeof (raw as { urlPattern?: unknown })?.urlPattern === 'string' && (raw as { urlPattern: string }).urlPattern.startsWith('https://')
    ? { ok: true }
    : { ok: false, errors: [{ path: 'urlPattern', message: 'Only https:// patterns are allowed' }] };

const valid = {
  format: TEAM_BUNDLE_FORMAT,
  version: 1,
  name: 'Blender team',
  playbooks: [
    { ...DEFAULT_PLAYBOOK, id: 'zendesk-team', appliesTo: { helpdesks: ['zendesk'] } },
    { ...DEFAULT_PLAYBOOK, id: 'everyone-else' },
  ],
  hashSalt: '00112233445566778899AABBCCDDEEFF',
  customSites: [{ id: 'acme', urlPattern: 'https://support.example.com/tickets/*' }],
  disabledSites: ['freshdesk'],
  team: { anything: ['team mode', 'validates', 'this'] },
};

describe('team bundle', () => {
  it('accepts a full bundle: playbooks in order, salt normalised, team passed through untouched', () => {
    const r = parseTeamBundle(structuredClone(valid), checkSite);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.playbooks.map((p) => (p as { id: string }).id)).toEqual(['zendesk-team', 'everyone-else']);
    expect(r.bundle.hashSalt).toBe('00112233445566778899aabbccddeeff');
    expect(r.bundle.disabledSites).toEqual(['freshdesk']);
    expect(r.bundle.team).toEqual(valid.team);
  });

  it('names every problem by path and accepts nothing', () => {
    const broken = structuredClone(valid) as Record<string, unknown> & { playbooks: Record<string, unknown>[] };
    broken.playbooks[1] = { ...broken.playbooks[1], checklist: [{ ...DEFAULT_PLAYBOOK.checklist[0], title: '' }] };
    broken.customSites = [{ id: 'bad', urlPattern: 'http://x.example/*' }];
    const r = parseTeamBundle(broken, checkSite);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('playbooks[1].checklist[0].title: must not be blank');
    expect(paths).toContain('customSites[0].urlPattern: Only https:// patterns are allowed');
  });

  it('refuses unknown keys, a bad salt, an unknown helpdesk and a wrong format, by path', () => {
    const r = parseTeamBundle({ ...valid, hashSalt: 'xyz', disabledSites: ['myspace'], extra: 1, format: 'other' }, checkSite);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['format', 'hashSalt', 'disabledSites.0', 'extra']));
  });

  it('reports a file that is not JSON at $', () => {
    const r = parseTeamBundleText('{"format": ', checkSite);
    expect(r.ok ? '' : r.errors[0]?.path).toBe('$');
    expect(r.ok ? '' : r.errors[0]?.message).toMatch(/^not JSON/);
  });
});
