/**
 * Trusted configuration as the worker serves it: the rep's settings, an imported team bundle and the
 * administrator's policy, combined (src/core/settings/effective.ts). Only the worker writes; the options
 * page and popup change things by typed messages, content scripts get read-only answers (`config/panel`).
 */
import type { TeamBundle } from '../core/settings/bundle';
import { type EffectiveSettings, effectiveSettings, type PanelConfig, panelConfigOf } from '../core/settings/effective';
import { helpdeskList, type PolicyView, readPolicy } from '../core/settings/policy';
import { migrateSettings, type Settings } from '../core/settings/settings';
import type { BundleSummary } from '../messaging/protocol';
import { CONFIG_KEYS } from '../storage/config-repo';
import { readConfigValue, serialized, writeConfigValue } from './config-store';
import { type ManagedPolicy, managedPolicy } from './policy';

/** A team bundle as stored: the salt went to the salt keeper and `team` to its own key. */
export interface StoredBundle {
  readonly name: string | null;
  readonly importedAt: number;
  readonly playbooks: readonly unknown[];
  readonly customSites: readonly unknown[];
  readonly disabledSites: EffectiveSettings['disabledSites'];
  readonly setsSalt: boolean;
  readonly setsTeam: boolean;
}

export async function loadSettings(): Promise<Settings> {
  return migrateSettings(await readConfigValue(CONFIG_KEYS.settings));
}

/** Merges `patch` into the latest stored settings (one at a time) and stores the current shape. */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return serialized(async () => {
    const next = migrateSettings({ ...(await loadSettings()), ...patch, schemaVersion: 3 });
    await writeConfigValue(CONFIG_KEYS.settings, next);
    return next;
  });
}

export async function loadBundle(): Promise<StoredBundle | null> {
  const raw = (await readConfigValue(CONFIG_KEYS.bundle)) as Partial<StoredBundle> | undefined;
  if (!raw || typeof raw !== 'object') return null;
  return {
    name: typeof raw.name === 'string' ? raw.name : null,
    importedAt: typeof raw.importedAt === 'number' ? raw.importedAt : 0,
    playbooks: Array.isArray(raw.playbooks) ? raw.playbooks : [],
    customSites: Array.isArray(raw.customSites) ? raw.customSites : [],
    disabledSites: helpdeskList(raw.disabledSites),
    setsSalt: raw.setsSalt === true,
    setsTeam: raw.setsTeam === true,
  };
}

/** Stores a bundle already validated by `parseTeamBundle` (the message handler validates it again). */
export function importBundle(bundle: TeamBundle, setSalt: (salt: string) => Promise<void>): Promise<StoredBundle> {
  return serialized(async () => {
    if (bundle.hashSalt) await setSalt(bundle.hashSalt);
    if (bundle.team !== null && bundle.team !== undefined) await writeConfigValue(CONFIG_KEYS.team, bundle.team);
    const stored: StoredBundle = {
      name: bundle.name,
      importedAt: Date.now(),
      playbooks: bundle.playbooks,
      customSites: bundle.customSites,
      disabledSites: bundle.disabledSites,
      setsSalt: bundle.hashSalt !== null,
      setsTeam: bundle.team !== null && bundle.team !== undefined,
    };
    await writeConfigValue(CONFIG_KEYS.bundle, stored);
    return stored;
  });
}

export interface EffectiveConfig {
  readonly settings: Settings;
  readonly policy: ManagedPolicy;
  readonly policyView: PolicyView;
  readonly bundle: StoredBundle | null;
  readonly effective: EffectiveSettings;
}

export async function effectiveConfig(): Promise<EffectiveConfig> {
  const [settings, policy, bundle] = await Promise.all([loadSettings(), managedPolicy(), loadBundle()]);
  const policyView = readPolicy(policy);
  return { settings, policy, policyView, bundle, effective: effectiveSettings(settings, policyView, bundle) };
}

/** The read-only answer content scripts get: no salt, no policy, no bundle. */
export async function panelConfig(): Promise<PanelConfig> {
  return panelConfigOf((await effectiveConfig()).effective);
}

/**
 * Who the rep is, for the worker to stamp on events (the lead wires `trustedRepId()` in
 * src/background/rep-id.ts to this): the policy's `repId` wins, then the rep's own setting; `source`
 * 'unset' means nobody set one (the popup asks) — callers must not invent one silently.
 */
export async function readRepSettings(): Promise<{ repId: string; repName: string; source: EffectiveSettings['repIdSource'] }> {
  const { effective } = await effectiveConfig();
  return { repId: effective.repId, repName: effective.repName, source: effective.repIdSource };
}

/** Retention in days: the policy's when set, else the rep's (maintenance). */
export async function retentionDays(): Promise<number> {
  return (await effectiveConfig()).effective.retentionDays;
}

export function bundleSummary(b: StoredBundle): BundleSummary {
  return {
    name: b.name,
    importedAt: b.importedAt,
    playbooks: b.playbooks.length,
    customSites: b.customSites.length,
    disabledSites: b.disabledSites,
    setsSalt: b.setsSalt,
    setsTeam: b.setsTeam,
  };
}
