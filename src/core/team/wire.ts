/**
 * The event schema on the wire (documented in README "Team mode: the event schema"): each JetStream
 * message is one log event as flat JSON plus `schemaVersion`, on subject `<subjectPrefix>.<repId>`, with
 * the `Nats-Msg-Id` header set to the event id. Version 1 = the fields of `LogEvent` (src/core/log/types.ts).
 * A later version only adds fields; a reader refuses a version it does not know rather than guess.
 *
 * Everything read back from the stream is hostile until validated: size-bounded, parsed in a try,
 * checked by the same schema as events from content scripts, and the rep id of an interaction is taken
 * from the subject (which the server's permissions tie to one user), never from the body.
 */
import * as v from 'valibot';
import type { LogEvent } from '../log/types';
import { issueMessage, issuePath, logEventSchema } from '../log/validate';

export const WIRE_SCHEMA_VERSION = 1;
/** Far above any real event (≈ 600 bytes); bounds what a hostile publisher can make a reader parse. */
export const MAX_WIRE_BYTES = 16 * 1024;

export function encodeEvent(event: LogEvent, repId: string): string {
  // The configured rep id wins over whatever the rep typed in their own settings.
  const body = event.type === 'interaction-started' ? { ...event, repId } : event;
  return JSON.stringify({ schemaVersion: WIRE_SCHEMA_VERSION, ...body });
}

export type Decoded = { ok: true; event: LogEvent } | { ok: false; reason: string };

export function decodeEvent(data: string, subjectRep: string | null): Decoded {
  if (subjectRep === null) return { ok: false, reason: 'subject is not <prefix>.<repId>' };
  if (data.length > MAX_WIRE_BYTES) return { ok: false, reason: `larger than ${MAX_WIRE_BYTES} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object' };
  const { schemaVersion, ...rest } = raw as Record<string, unknown>;
  if (schemaVersion !== WIRE_SCHEMA_VERSION) {
    return { ok: false, reason: `schemaVersion ${JSON.stringify(schemaVersion) ?? 'missing'} is not ${WIRE_SCHEMA_VERSION}` };
  }
  const parsed = v.safeParse(logEventSchema, rest);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return { ok: false, reason: `${issuePath(issue) || 'event'}: ${issueMessage(issue)}` };
  }
  const event = parsed.output;
  return { ok: true, event: event.type === 'interaction-started' ? { ...event, repId: subjectRep } : event };
}
