import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings } from './settings';

describe('settings migrations', () => {
  it('migrates the v1 shape', () => {
    const s = migrateSettings({ agentName: 'Sam Rivera', sites: { zendesk: true, freshdesk: false }, retention: 90 });
    expect(s.repId).toBe('sam.rivera');
    expect(s.repName).toBe('Sam Rivera');
    expect(s.retentionDays).toBe(90);
    expect(s.disabledSites).toContain('freshdesk');
    expect(s.disabledSites).not.toContain('zendesk');
  });

  it('migrates the v2 shape', () => {
    const s = migrateSettings({ schemaVersion: 2, repId: 'ana', repName: 'Ana', enabledSites: ['zendesk', 'intercom'], retentionDays: 30 });
    expect(s).toMatchObject({ schemaVersion: 3, repId: 'ana', repName: 'Ana', retentionDays: 30, theme: 'system', csvBom: true });
    expect(s.disabledSites).toContain('front');
    expect(s.disabledSites).not.toContain('intercom');
  });

  it('keeps current settings as they are', () => {
    const current = { ...DEFAULT_SETTINGS, repId: 'x', theme: 'dark' as const };
    expect(migrateSettings(current)).toEqual(current);
  });

  it('turns any stored value into valid settings without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const s = migrateSettings(stored);
        expect(s.schemaVersion).toBe(3);
        expect(s.retentionDays).toBeGreaterThanOrEqual(1);
        expect(typeof s.repId).toBe('string');
      }),
    );
  });
});
