/**
 * The one entry point for events pulled from the team stream: the same per-event validation, projection
 * and idempotency by event id as the rep's own events, stored one record per interaction in the
 * `team-events` store (src/storage/team-log.ts). A refused event is kept aside in the `rejected` store
 * with origin 'team'; it never stops the pull.
 */
import * as v from 'valibot';
import type { LogEvent } from '../../core/log/types';
import { issueMessage, issuePath, logEventSchema } from '../../core/log/validate';
import type { RejectedEvent } from '../../storage/schema';
import type { LogDB } from '../../storage/open';
import { storeTeamBatch, type TeamIngestTx } from '../../storage/team-log';

export const TEAM_ORIGIN = 'team';
const MAX_RAW = 4_000;

/** Validates raw pulled values one by one, then stores the valid ones (see `storeDecodedTeamEvents`). */
export async function storeTeamEvents(
  db: LogDB,
  events: readonly unknown[],
): Promise<{ stored: string[]; rejected: { id: string; reason: string }[] }> {
  const now = Date.now();
  const valid: LogEvent[] = [];
  const rejected: RejectedEvent[] = [];
  for (const raw of events) {
    const parsed = v.safeParse(logEventSchema, raw);
    if (parsed.success) {
      valid.push(parsed.output);
      continue;
    }
    const issue = parsed.issues[0];
    const reason = issue ? `${issuePath(issue) || 'event'}: ${issueMessage(issue)}` : 'invalid event';
    const ownId = (raw as { id?: unknown } | null)?.id;
    const id = typeof ownId === 'string' && ownId.length > 0 && ownId.length <= 100 ? ownId : `rejected:${crypto.randomUUID()}`;
    rejected.push({ id, at: now, reason, origin: TEAM_ORIGIN, raw: safeJson(raw) });
  }
  const r = await storeTeamBatch(db, valid, rejected);
  return { stored: r.stored, rejected: rejected.map((x) => ({ id: x.id, reason: x.reason })) };
}

/**
 * Events `decodeEvent` (src/core/team/wire.ts) already checked with the same `logEventSchema`: stored
 * without a second parse. A message re-delivered (in this batch or an earlier one) counts once. `alongside`
 * writes the pull's cursor and counters in the same transaction (see `storeTeamBatch`).
 */
export async function storeDecodedTeamEvents(
  db: LogDB,
  events: readonly LogEvent[],
  alongside?: (tx: TeamIngestTx) => Promise<void>,
): Promise<{ stored: string[] }> {
  const r = await storeTeamBatch(db, events, [], alongside);
  return { stored: r.stored };
}

function safeJson(raw: unknown): string {
  try {
    return (JSON.stringify(raw) ?? String(raw)).slice(0, MAX_RAW);
  } catch {
    return String(raw).slice(0, MAX_RAW);
  }
}
