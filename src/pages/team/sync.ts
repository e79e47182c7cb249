/** Page-side calls to the worker's team-mode messages (pages never hold credentials or connections). */
import type { TeamView } from '../../core/team/view';
import { send } from '../../messaging/client';

export const teamStatus = (): Promise<TeamView> => send('team/status', {});

/** Pull now when team mode is on; never throws (the Team section shows the failure from the status). */
export async function teamPullIfEnabled(): Promise<TeamView | null> {
  try {
    const v = await teamStatus();
    return v.enabled ? await send('team/sync', { pull: true }) : v;
  } catch {
    return null;
  }
}
