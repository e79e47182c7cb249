/**
 * Who the rep is — the id the worker stamps on every `interaction-started` (and team mode publishes under),
 * and what panels and the popup show: never taken from a page. Precedence: the administrator's policy
 * `repId`, then the team configuration's `repId` (policy or team file), then what the rep set on this
 * browser — all read from trusted config that content scripts cannot reach (src/background/config.ts);
 * 'unknown' only when nobody set one, and the panel says so.
 */
import type { PanelConfig, RepIdSource } from '../core/settings/effective';
import { panelConfig, readRepSettings } from './config';
import { validCustomSites } from './panel-custom-sites';
import { activeTeam } from './team/config';

export async function trustedRep(): Promise<{ repId: string; source: RepIdSource }> {
  const rep = await readRepSettings();
  if (rep.source === 'policy' && rep.repId) return { repId: rep.repId, source: 'policy' };
  const team = await activeTeam().catch(() => null);
  if (team?.config?.repId) return { repId: team.config.repId, source: 'team' };
  return rep.repId ? { repId: rep.repId, source: rep.source } : { repId: '', source: 'unset' };
}

export async function trustedRepId(): Promise<string> {
  return (await trustedRep()).repId || 'unknown';
}

/** The read-only settings a panel (or the popup) gets, with the rep id resolved as the worker stamps it. */
export async function panelConfigWithRep(): Promise<PanelConfig> {
  const [config, rep] = await Promise.all([panelConfig(), trustedRep()]);
  // Custom sites go out validated: the custom-site content script carries no schema library.
  const customSites = validCustomSites(config.customSites);
  return { ...config, customSites, repId: rep.repId, repIdSource: rep.source };
}
