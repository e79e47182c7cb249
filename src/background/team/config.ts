/**
 * Which team configuration is in force: the managed policy's `team` key wins; otherwise the team file a
 * lead imported on the options page (kept in the `config` store under 'team' — never `storage.local`,
 * which content scripts can read). An invalid policy value disables team mode with its errors shown:
 * it never falls back to the file, so an administrator's choice is not silently overridden.
 */
import { parseTeamConfig, type TeamConfig } from '../../core/team/config';
import { deleteConfig, readConfig, writeConfig } from '../../storage/config-repo';
import { db } from '../db';
import { managedPolicy } from '../policy';

export const TEAM_CONFIG_KEY = 'team';

export interface ActiveTeam {
  readonly config: TeamConfig | null;
  readonly source: 'policy' | 'file' | null;
  readonly problems: readonly string[];
}

export async function activeTeam(): Promise<ActiveTeam> {
  const policy = (await managedPolicy()) as { team?: unknown };
  if (policy.team !== undefined) {
    const parsed = parseTeamConfig(policy.team);
    return parsed.ok ? { config: parsed.config, source: 'policy', problems: [] } : { config: null, source: 'policy', problems: parsed.errors };
  }
  const stored = await readConfig(await db(), TEAM_CONFIG_KEY);
  if (stored === undefined) return { config: null, source: null, problems: [] };
  const parsed = parseTeamConfig(stored);
  return parsed.ok ? { config: parsed.config, source: 'file', problems: [] } : { config: null, source: 'file', problems: parsed.errors };
}

/** Validates a team file's text; stores it only when valid (the one in use stays otherwise). */
export async function importTeamFile(text: string): Promise<{ ok: true } | { ok: false; errors: string[] }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const parsed = parseTeamConfig(json);
  if (!parsed.ok) return parsed;
  await writeConfig(await db(), TEAM_CONFIG_KEY, parsed.config);
  teamModeKnown = null;
  return { ok: true };
}

export async function removeTeamFile(): Promise<void> {
  await deleteConfig(await db(), TEAM_CONFIG_KEY);
  teamModeKnown = null;
}

/**
 * Whether a team configuration is in force: only then does a stored event get a publish-queue row.
 * Asked for every logged batch, so the answer is kept a few seconds. A stale answer costs time, never an
 * event: "on" while off queues rows nobody publishes yet; "off" while on drops the backfill marker with
 * the events it did not queue, so the next sync queues them (src/background/team/backfill.ts).
 */
export function teamModeOn(now = Date.now()): Promise<boolean> {
  if (!teamModeKnown || now - teamModeKnown.at > TEAM_MODE_TTL_MS) {
    teamModeKnown = { at: now, on: activeTeam().then((t) => t.config !== null, () => true) };
  }
  return teamModeKnown.on;
}
const TEAM_MODE_TTL_MS = 5_000;
let teamModeKnown: { at: number; on: Promise<boolean> } | null = null;
