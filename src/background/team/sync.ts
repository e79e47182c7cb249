/**
 * Team-mode orchestration in the worker. One run at a time: connect → publish the queue → (pull) →
 * close, with the outcome recorded for pages. Local logging never waits for any of this: appends only
 * *schedule* a run. Runs start after local appends (debounced), on the `team-sync` alarm (every minute:
 * publish, and for reps a pull of the team's attempts for the cooldown) and when a page asks (the
 * dashboard on open, on Refresh and every few minutes; the options page after an import).
 */
import browser from 'webextension-polyfill';
import { summariseTeamConfig } from '../../core/team/config';
import { failure, type TeamFailure } from '../../core/team/errors';
import { repFreshness } from '../../core/team/freshness';
import type { PullProgress, TeamView } from '../../core/team/view';
import { db } from '../db';
import { backfillOnce } from './backfill';
import { activeTeam } from './config';
import { openTeamConnection, toFailure } from './connection';
import { publishHealth, teamHealth } from './health';
import { publishReviews, receivedReviews } from './reviews';
import { publishQueue } from './publish';
import { pullStream } from './pull';
import { pendingPublishCount, readRepStats, readStatus, updateStatus } from './state';

export const TEAM_ALARM = 'team-sync';
/** After a failure, local appends do not retry before this; the alarm keeps retrying every minute. */
const RETRY_AFTER_FAILURE_MS = 20_000;
const PUBLISH_DEBOUNCE_MS = 100;

let running: Promise<void> | null = null;
let again: { pull: boolean } | null = null;
let progress: PullProgress | null = null;
let lastFailureAt = 0;
let debounce: ReturnType<typeof setTimeout> | null = null;

export async function teamView(): Promise<TeamView> {
  const d = await db();
  const team = await activeTeam();
  const [status, pending, reps, health, reviews] = await Promise.all([readStatus(d), pendingPublishCount(d), readRepStats(d), teamHealth(d), receivedReviews(d)]);
  const configFailure: TeamFailure | null = team.problems.length > 0 ? failure('config', team.problems.join('; ')) : null;
  return {
    ...status,
    failure: configFailure ?? status.failure,
    enabled: team.config !== null,
    source: team.source,
    config: team.config ? summariseTeamConfig(team.config) : null,
    problems: team.problems,
    pending,
    running: running !== null,
    progress,
    reps: repFreshness(reps, Date.now()),
    health,
    reviews,
  };
}

/** Runs a sync now (or right after the one in progress) and resolves when it is over. */
export function syncTeam(opts: { pull: boolean }): Promise<void> {
  if (running) {
    again = { pull: (again?.pull ?? false) || opts.pull };
    // `finally` below has already started the follow-up run by the time this callback runs.
    return running.then(() => running ?? undefined);
  }
  const run = runOnce(opts.pull).finally(() => {
    running = null;
    const next = again;
    again = null;
    if (next) void syncTeam(next);
  });
  running = run;
  return run;
}

/** Called after local events are stored: publish soon, without holding anything up. */
export function schedulePublish(): void {
  if (debounce || Date.now() - lastFailureAt < RETRY_AFTER_FAILURE_MS) return;
  debounce = setTimeout(() => {
    debounce = null;
    void syncTeam({ pull: false }).catch(() => {});
  }, PUBLISH_DEBOUNCE_MS);
}

export async function onTeamAlarm(): Promise<void> {
  const team = await activeTeam();
  if (!team.config) return;
  // Reps pull the team's attempts so the per-customer cooldown holds across reps; leads pull from the dashboard.
  await syncTeam({ pull: team.config.role === 'rep' });
}

export async function ensureTeamAlarm(): Promise<void> {
  if (!(await browser.alarms.get(TEAM_ALARM))) await browser.alarms.create(TEAM_ALARM, { periodInMinutes: 1 });
}

async function runOnce(pull: boolean): Promise<void> {
  const team = await activeTeam();
  const config = team.config;
  if (!config) return;
  const d = await db();
  await backfillOnce(d, config);
  let conn: Awaited<ReturnType<typeof openTeamConnection>> | null = null;
  try {
    conn = await openTeamConnection(config);
    await publishQueue(d, conn, config, async (batch) => {
      await updateStatus(d, (s) => ({
        published: s.published + batch.published,
        duplicates: s.duplicates + batch.duplicates,
        lastPublishAt: Date.now(),
      }));
    });
    await publishHealth(d, conn, config);
    await publishReviews(d, conn, config);
    await updateStatus(d, () => ({ lastPublishAt: Date.now() }));
    if (pull) {
      progress = { done: 0, total: 0 };
      await pullStream(d, conn, config, (p) => (progress = p));
      await updateStatus(d, () => ({ lastPullAt: Date.now() }));
    }
    lastFailureAt = 0;
    await updateStatus(d, () => ({ failure: null, failedAt: null }));
  } catch (err) {
    lastFailureAt = Date.now();
    const f = toFailure(err, config);
    await updateStatus(d, () => ({ failure: f, failedAt: lastFailureAt }));
  } finally {
    progress = null;
    await conn?.close();
  }
}
