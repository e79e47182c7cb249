import { describe, expect, it } from 'vitest';
import { buildHealthReport, decodeHealth, encodeHealth, type HealthReport, repFromHealthSubject, sameHealth, teamHealthRows } from './health';

const report = (fields: { field: string; ok: boolean }[], at = 1_000): HealthReport =>
  buildHealthReport([{ helpdesk: 'zendesk', at, fields }], null, at);

describe('site health on the team stream', () => {
  it('round-trips a report and takes the rep from the subject', () => {
    const r = report([{ field: 'customerKey', ok: false }, { field: 'subject', ok: true }]);
    const d = decodeHealth(encodeHealth(r), repFromHealthSubject('rp.events', 'rp.events.ana.health'));
    expect(d).toEqual({ ok: true, repId: 'ana', report: r });
  });

  it('refuses hostile reports with a reason', () => {
    const good = JSON.parse(encodeHealth(report([{ field: 'subject', ok: false }]))) as Record<string, unknown>;
    const bad = [
      '{',
      JSON.stringify({ ...good, schemaVersion: 2 }),
      JSON.stringify({ ...good, text: 'customer said…' }),
      JSON.stringify({ ...good, helpdesks: [{ helpdesk: 'evil', at: 1, fields: [] }] }),
      JSON.stringify({ ...good, helpdesks: [{ helpdesk: 'zendesk', at: 1, fields: [{ field: 'subject', ok: false, failingSince: 1, source: '<img>' }] }] }),
      JSON.stringify({ ...good, helpdesks: [{ helpdesk: 'zendesk', at: 1, fields: [] }, { helpdesk: 'zendesk', at: 1, fields: [] }] }),
      'x'.repeat(9_000),
    ];
    for (const b of bad) expect(decodeHealth(b, 'ana').ok).toBe(false);
    expect(decodeHealth(JSON.stringify(good), null).ok).toBe(false);
    expect(repFromHealthSubject('rp.events', 'rp.events.a.b.health')).toBeNull();
    expect(repFromHealthSubject('rp.events', 'rp.events.ana')).toBeNull();
  });

  it('keeps when a field started failing while it keeps failing, and forgets it once it reads again', () => {
    const first = report([{ field: 'customerKey', ok: false }], 1_000);
    const later = buildHealthReport([{ helpdesk: 'zendesk', at: 5_000, fields: [{ field: 'customerKey', ok: false }, { field: 'tags', ok: false }] }], first, 5_000);
    expect(later.helpdesks[0]?.fields.map((f) => f.failingSince)).toEqual([1_000, 5_000]);
    const fixed = buildHealthReport([{ helpdesk: 'zendesk', at: 9_000, fields: [{ field: 'customerKey', ok: true }] }], later, 9_000);
    expect(fixed.helpdesks[0]?.fields[0]?.failingSince).toBeNull();
    expect(sameHealth(later, buildHealthReport([{ helpdesk: 'zendesk', at: 5_000, fields: [{ field: 'customerKey', ok: false }, { field: 'tags', ok: false }] }], later, 7_000))).toBe(true);
  });

  it('counts, per helpdesk field, the reps it fails for and the earliest start', () => {
    const rows = teamHealthRows([
      { repId: 'ana', report: report([{ field: 'customerKey', ok: false }, { field: 'subject', ok: true }], 3_000) },
      { repId: 'ben', report: report([{ field: 'customerKey', ok: false }, { field: 'subject', ok: false }], 2_000) },
      { repId: 'cy', report: report([{ field: 'customerKey', ok: true }], 1_000) },
    ]);
    expect(rows).toEqual([
      { helpdesk: 'zendesk', field: 'customerKey', failingReps: ['ana', 'ben'], reportingReps: 3, since: 2_000 },
      { helpdesk: 'zendesk', field: 'subject', failingReps: ['ben'], reportingReps: 3, since: 2_000 },
    ]);
  });
});
