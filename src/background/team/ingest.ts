/**
 * The one entry point for events pulled from the team stream. Today: the existing validation
 * (src/core/log/validate.ts) and `appendEvents(db, valid, 'team')` — idempotent by event id, the same
 * projection as local events. When `ingestEvents` (event ingestion rework) lands, this body becomes one
 * call to it; nothing else in team mode changes.
 */
import * as v from 'valibot';
import type { LogEvent } from '../../core/log/types';
import { logEventSchema } from '../../core/log/validate';
import { appendEvents } from '../../storage/log-repo';
import type { LogDB } from '../../storage/open';

export const TEAM_ORIGIN = 'team';

export async function storeTeamEvents(
  db: LogDB,
  events: readonly unknown[],
): Promise<{ stored: string[]; rejected: { id: string; reason: string }[] }> {
  const valid: LogEvent[] = [];
  const rejected: { id: string; reason: string }[] = [];
  for (const e of events) {
    const parsed = v.safeParse(logEventSchema, e);
    if (parsed.success) valid.push(parsed.output);
    else rejected.push({ id: String((e as { id?: unknown } | null)?.id ?? ''), reason: parsed.issues[0].message });
  }
  return { stored: await appendEvents(db, valid, TEAM_ORIGIN), rejected };
}
