/**
 * The one entry point for events pulled from the team stream: the same per-event validation, projection
 * and idempotency by event id as the rep's own events (`ingestEvents`, src/storage/ingest.ts). A refused
 * event is kept aside in the `rejected` store with origin 'team'; it never stops the pull.
 */
import type { LogEvent } from '../../core/log/types';
import { type IngestTx, ingestEvents, storeValidEvents } from '../../storage/ingest';
import type { LogDB } from '../../storage/open';

export const TEAM_ORIGIN = 'team';

export async function storeTeamEvents(
  db: LogDB,
  events: readonly unknown[],
): Promise<{ stored: string[]; rejected: { id: string; reason: string }[] }> {
  const r = await ingestEvents(db, events, TEAM_ORIGIN, { source: TEAM_ORIGIN });
  return { stored: r.stored, rejected: r.rejected.map((x) => ({ id: x.id, reason: x.reason })) };
}

/**
 * Events `decodeEvent` (src/core/team/wire.ts) already checked with the same `logEventSchema`: stored
 * without a second parse. A message re-delivered in the same batch counts once. `alongside` writes the
 * pull's cursor and counters in the same transaction (see `storeValidEvents`).
 */
export async function storeDecodedTeamEvents(
  db: LogDB,
  events: readonly LogEvent[],
  alongside?: (tx: IngestTx) => Promise<void>,
): Promise<{ stored: string[] }> {
  const unique = [...new Map(events.map((e) => [e.id, e] as const)).values()];
  const r = await storeValidEvents(db, unique, [], TEAM_ORIGIN, TEAM_ORIGIN, Date.now(), undefined, alongside);
  return { stored: r.stored };
}
