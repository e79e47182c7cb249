/**
 * The rep id the worker stamps on every `interaction-started` (and team mode publishes under): never taken
 * from a page. Precedence: the administrator's policy `repId`, then the team configuration's `repId`
 * (policy or team file), then what the rep set on this browser — all read from trusted config that content
 * scripts cannot reach (src/background/config.ts); 'unknown' only when nobody set one, and the panel says so.
 */
import { readRepSettings } from './config';
import { activeTeam } from './team/config';

export async function trustedRepId(): Promise<string> {
  const rep = await readRepSettings();
  if (rep.source === 'policy' && rep.repId) return rep.repId;
  const team = await activeTeam().catch(() => null);
  if (team?.config?.repId) return team.config.repId;
  return rep.repId || 'unknown';
}
