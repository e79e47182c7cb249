/**
 * Site health on the team stream. Rep side: the content scripts' last read diagnostics per helpdesk
 * (`health:<id>` in storage.local) become one report, published when it says something new (the last
 * report sent is kept in the `sync` store, which also carries each failing field's start forward).
 * Lead side: the pull keeps each rep's latest report (`team:health:<repId>`), and the Team section
 * shows the per-field rep counts computed from them.
 */
import browser from 'webextension-polyfill';
import type { TeamConfig } from '../../core/team/config';
import { buildHealthReport, encodeHealth, type HealthReport, healthSubject, type LocalHealth, sameHealth, type TeamHealthRow, teamHealthRows } from '../../core/team/health';
import { KEYS } from '../../shared/storage-keys';
import type { LogDB } from '../../storage/open';
import type { TeamConnection } from './connection';

export const HEALTH_SENT_KEY = 'team:health-sent';
export const HEALTH_PREFIX = 'team:health:';
const HEALTH_RANGE = () => IDBKeyRange.bound(HEALTH_PREFIX, `${HEALTH_PREFIX}\uffff`);

/** storage.local is written by content scripts, which the page may have influenced: read it field by field. */
function localHealth(all: Record<string, unknown>): LocalHealth[] {
  const out: LocalHealth[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(KEYS.healthPrefix) || value === null || typeof value !== 'object') continue;
    const { at, diagnostics } = value as { at?: unknown; diagnostics?: unknown };
    if (!Array.isArray(diagnostics)) continue;
    const fields: { field: string; ok: boolean; via?: string }[] = [];
    for (const d of diagnostics.slice(0, 50)) {
      const f = d as { field?: unknown; ok?: unknown; via?: unknown } | null;
      if (typeof f?.field === 'string' && typeof f.ok === 'boolean') fields.push({ field: f.field, ok: f.ok, ...(typeof f.via === 'string' ? { via: f.via } : {}) });
    }
    out.push({ helpdesk: key.slice(KEYS.healthPrefix.length), at: typeof at === 'number' && Number.isSafeInteger(at) && at >= 0 ? at : null, fields });
  }
  return out;
}

/** Publishes this browser's site health when it changed since the last report the server acknowledged. */
export async function publishHealth(db: LogDB, conn: TeamConnection, config: TeamConfig): Promise<boolean> {
  const previous = ((await db.get('sync', HEALTH_SENT_KEY))?.value as HealthReport | undefined) ?? null;
  const now = Date.now();
  const report = buildHealthReport(localHealth(await browser.storage.local.get(null)), previous, now);
  if (report.helpdesks.length === 0 || sameHealth(previous, report)) return false;
  await conn.step(conn.js.publish(healthSubject(config), encodeHealth(report), { msgID: `health:${config.repId}:${now}` }), 'waiting for acks');
  await db.put('sync', { key: HEALTH_SENT_KEY, value: report, updatedAt: now });
  return true;
}

/** The latest report per rep, as kept by the pull. */
export async function teamHealth(db: LogDB): Promise<TeamHealthRow[]> {
  const rows = await db.getAll('sync', HEALTH_RANGE());
  return teamHealthRows(rows.map((r) => ({ repId: r.key.slice(HEALTH_PREFIX.length), report: r.value as HealthReport })));
}
