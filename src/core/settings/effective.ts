/**
 * What is in force once the administrator's policy, an imported team bundle and the rep's own settings
 * are combined. Policy wins key by key; a bundle comes next; the rep's settings last. Switched-off
 * helpdesks add up (anything an admin or the bundle switched off stays off).
 */
import type { HelpdeskId } from '../ticket/types';
import { mergeCustomSites, type PolicyView } from './policy';
import type { Settings, Theme } from './settings';

/** The parts of a stored team bundle that settings depend on. */
export interface BundleSites {
  readonly customSites: readonly unknown[];
  readonly disabledSites: readonly HelpdeskId[];
}

/** Where the rep id comes from; 'team' is the team configuration's `repId` (see src/background/rep-id.ts). */
export type RepIdSource = 'policy' | 'team' | 'settings' | 'unset';

export interface EffectiveSettings {
  readonly repId: string;
  readonly repName: string;
  /** Where the rep id comes from; 'unset' means the rep has not set one yet and the UI must ask. */
  readonly repIdSource: RepIdSource;
  readonly retentionDays: number;
  readonly retentionManaged: boolean;
  readonly disabledSites: readonly HelpdeskId[];
  readonly customSites: readonly unknown[];
  readonly theme: Theme;
}

export function effectiveSettings(settings: Settings, policy: PolicyView, bundle: BundleSites | null): EffectiveSettings {
  const repIdSource: RepIdSource = policy.repId ? 'policy' : settings.repId ? 'settings' : 'unset';
  return {
    repId: policy.repId ?? settings.repId,
    repName: settings.repName,
    repIdSource,
    retentionDays: policy.retentionDays ?? settings.retentionDays,
    retentionManaged: policy.retentionDays !== null,
    disabledSites: [...new Set([...policy.disabledSites, ...(bundle?.disabledSites ?? []), ...settings.disabledSites])],
    customSites: mergeCustomSites(policy.customSites, bundle?.customSites ?? [], settings.customSites),
    theme: settings.theme,
  };
}

/** What a content script may know: enough to pick the adapter and label the panel — no salt, no policy. */
export interface PanelConfig {
  readonly repId: string;
  readonly repName: string;
  readonly repIdSource: RepIdSource;
  readonly disabledSites: readonly HelpdeskId[];
  readonly customSites: readonly unknown[];
  readonly theme: Theme;
}

export function panelConfigOf(e: EffectiveSettings): PanelConfig {
  const { repId, repName, repIdSource, disabledSites, customSites, theme } = e;
  return { repId, repName, repIdSource, disabledSites, customSites, theme };
}
