/**
 * Site health on the team stream (README "Team mode: the event schema", kind `site-health`): a rep's
 * worker publishes a summary of its helpdesks' last reads on `<subjectPrefix>.<repId>.health` — per
 * helpdesk and field only the field name, ok/failed, where the value came from (`via`) and since when
 * it has been failing. No selector text, no ticket content. The lead's worker keeps each rep's latest
 * report and the dashboard shows, per helpdesk field, how many reps it fails for and since when.
 *
 * Like events, a report read back from the stream is hostile until validated: size-bounded, parsed in a
 * try, checked field by field, and the rep is taken from the subject, never from the body.
 */
import * as v from 'valibot';
import { CONTEXT_FIELDS, type ContextField, FIELD_SOURCES, type FieldSource, HELPDESK_IDS, type HelpdeskId } from '../ticket/types';
import { WIRE_SCHEMA_VERSION } from './wire';

export const HEALTH_KIND = 'site-health';
/** Last subject token of a health report: `<prefix>.<repId>.health`. */
export const HEALTH_TOKEN = 'health';
/** A full report is ≈ 2 KB (11 helpdesks × 9 fields); anything bigger is not ours. */
export const MAX_HEALTH_BYTES = 8 * 1024;

const REP = /^[A-Za-z0-9_-]{1,64}$/;

export interface HealthFieldState {
  readonly field: ContextField;
  readonly ok: boolean;
  readonly via?: FieldSource;
  /** When this rep's page first failed to read the field, while it keeps failing (null when ok). */
  readonly failingSince: number | null;
}

export interface HelpdeskHealth {
  readonly helpdesk: HelpdeskId;
  /** When the rep's page last changed what it could read there. */
  readonly at: number;
  readonly fields: readonly HealthFieldState[];
}

export interface HealthReport {
  readonly at: number;
  readonly helpdesks: readonly HelpdeskHealth[];
}

export const healthSubject = (c: { subjectPrefix: string; repId: string }) => `${c.subjectPrefix}.${c.repId}.${HEALTH_TOKEN}`;

/** The rep a health subject names, or null when the subject is not `<prefix>.<one token>.health`. */
export function repFromHealthSubject(prefix: string, subject: string): string | null {
  const suffix = `.${HEALTH_TOKEN}`;
  if (!subject.startsWith(`${prefix}.`) || !subject.endsWith(suffix)) return null;
  const rep = subject.slice(prefix.length + 1, subject.length - suffix.length);
  return REP.test(rep) ? rep : null;
}

const time = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0));
const fieldSchema = v.strictObject({
  field: v.picklist(CONTEXT_FIELDS),
  ok: v.boolean(),
  via: v.optional(v.picklist(FIELD_SOURCES)),
  failingSince: v.nullable(time),
});
const reportSchema = v.strictObject({
  schemaVersion: v.literal(WIRE_SCHEMA_VERSION),
  kind: v.literal(HEALTH_KIND),
  at: time,
  helpdesks: v.pipe(
    v.array(v.strictObject({ helpdesk: v.picklist(HELPDESK_IDS), at: time, fields: v.pipe(v.array(fieldSchema), v.maxLength(CONTEXT_FIELDS.length)) })),
    v.maxLength(HELPDESK_IDS.length),
  ),
});

export function encodeHealth(report: HealthReport): string {
  return JSON.stringify({ schemaVersion: WIRE_SCHEMA_VERSION, kind: HEALTH_KIND, ...report });
}

export type DecodedHealth = { ok: true; repId: string; report: HealthReport } | { ok: false; reason: string };

export function decodeHealth(data: string, subjectRep: string | null): DecodedHealth {
  if (subjectRep === null) return { ok: false, reason: 'subject is not <prefix>.<repId>.health' };
  if (data.length > MAX_HEALTH_BYTES) return { ok: false, reason: `health report larger than ${MAX_HEALTH_BYTES} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = v.safeParse(reportSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `health report ${path || ''}: ${issue?.message ?? 'invalid'}`.replace('  ', ' ') };
  }
  const { at, helpdesks } = parsed.output;
  // One entry per helpdesk and per field: a duplicate would count a rep twice.
  const seen = new Set<string>();
  for (const h of helpdesks) {
    if (seen.has(h.helpdesk)) return { ok: false, reason: `health report: helpdesk ${h.helpdesk} twice` };
    seen.add(h.helpdesk);
    if (new Set(h.fields.map((f) => f.field)).size !== h.fields.length) return { ok: false, reason: `health report: a field of ${h.helpdesk} twice` };
  }
  return { ok: true, repId: subjectRep, report: { at, helpdesks } };
}

/** What the content script stored per helpdesk (`health:<id>` in storage.local), read defensively. */
export interface LocalHealth {
  readonly helpdesk: string;
  readonly at: number | null;
  readonly fields: readonly { readonly field: string; readonly ok: boolean; readonly via?: string }[];
}

/**
 * The report to publish: `previous` (the last one sent) carries each failing field's start forward, so
 * "since" is when the field started failing, not when another field last changed.
 */
export function buildHealthReport(local: readonly LocalHealth[], previous: HealthReport | null, now: number): HealthReport {
  const before = new Map<string, number | null>();
  for (const h of previous?.helpdesks ?? []) for (const f of h.fields) before.set(`${h.helpdesk}/${f.field}`, f.failingSince);
  const helpdesks: HelpdeskHealth[] = [];
  for (const l of local) {
    if (!(HELPDESK_IDS as readonly string[]).includes(l.helpdesk) || helpdesks.some((h) => h.helpdesk === l.helpdesk)) continue;
    const at = l.at ?? now;
    const fields: HealthFieldState[] = [];
    for (const f of l.fields) {
      if (!(CONTEXT_FIELDS as readonly string[]).includes(f.field) || fields.some((x) => x.field === f.field)) continue;
      const via = f.via && (FIELD_SOURCES as readonly string[]).includes(f.via) ? (f.via as FieldSource) : undefined;
      const failingSince = f.ok ? null : (before.get(`${l.helpdesk}/${f.field}`) ?? at);
      fields.push({ field: f.field as ContextField, ok: f.ok, ...(via ? { via } : {}), failingSince });
    }
    helpdesks.push({ helpdesk: l.helpdesk as HelpdeskId, at, fields });
  }
  helpdesks.sort((a, b) => HELPDESK_IDS.indexOf(a.helpdesk) - HELPDESK_IDS.indexOf(b.helpdesk));
  return { at: now, helpdesks };
}

/** True when two reports say the same thing (ignoring when they were made): nothing new to publish. */
export function sameHealth(a: HealthReport | null, b: HealthReport): boolean {
  return a !== null && JSON.stringify(a.helpdesks) === JSON.stringify(b.helpdesks);
}

export interface TeamHealthRow {
  readonly helpdesk: HelpdeskId;
  readonly field: ContextField;
  /** Reps whose latest report says this field fails, by id. */
  readonly failingReps: readonly string[];
  /** Reps whose latest report covers this helpdesk at all. */
  readonly reportingReps: number;
  /** The earliest start among the failing reps. */
  readonly since: number;
}

/** Per helpdesk field that fails for at least one rep: how many reps, of how many, since when. Most reps first. */
export function teamHealthRows(latest: readonly { readonly repId: string; readonly report: HealthReport }[]): TeamHealthRow[] {
  const rows = new Map<string, { helpdesk: HelpdeskId; field: ContextField; failingReps: string[]; since: number }>();
  const reporting = new Map<HelpdeskId, Set<string>>();
  for (const { repId, report } of latest) {
    for (const h of report.helpdesks) {
      const reps = reporting.get(h.helpdesk) ?? new Set<string>();
      reporting.set(h.helpdesk, reps.add(repId));
      for (const f of h.fields) {
        if (f.ok) continue;
        const key = `${h.helpdesk}/${f.field}`;
        const since = f.failingSince ?? h.at;
        const row = rows.get(key);
        if (!row) rows.set(key, { helpdesk: h.helpdesk, field: f.field, failingReps: [repId], since });
        else if (!row.failingReps.includes(repId)) {
          row.failingReps.push(repId);
          row.since = Math.min(row.since, since);
        }
      }
    }
  }
  return [...rows.values()]
    .map((r) => ({ ...r, failingReps: [...r.failingReps].sort(), reportingReps: reporting.get(r.helpdesk)?.size ?? r.failingReps.length }))
    .sort(
      (a, b) =>
        b.failingReps.length - a.failingReps.length ||
        HELPDESK_IDS.indexOf(a.helpdesk) - HELPDESK_IDS.indexOf(b.helpdesk) ||
        CONTEXT_FIELDS.indexOf(a.field) - CONTEXT_FIELDS.indexOf(b.field),
    );
}
