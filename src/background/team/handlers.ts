/** Team-mode message handlers (spread into the worker's handler table). */
import type { Handlers } from '../../messaging/router';
import { importTeamFile, removeTeamFile } from './config';
import { ensureTeamAlarm, syncTeam, teamView } from './sync';

export const teamHandlers: Pick<Handlers, 'team/status' | 'team/sync' | 'team/import' | 'team/remove'> = {
  'team/status': () => teamView(),
  async 'team/sync'({ pull }) {
    await syncTeam({ pull });
    return teamView();
  },
  async 'team/import'({ text }) {
    const result = await importTeamFile(text);
    if (!result.ok) return { errors: result.errors, view: await teamView() };
    await ensureTeamAlarm();
    // Try the connection at once, so the options page names a wrong password or a missing permission.
    await syncTeam({ pull: false });
    return { errors: [], view: await teamView() };
  },
  async 'team/remove'() {
    await removeTeamFile();
    return teamView();
  },
};
