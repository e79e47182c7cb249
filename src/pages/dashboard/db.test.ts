/**
 * The dashboard's JSON backup reads every event of the log: this browser's own and, since schema v6,
 * those pulled from the team (one `team-events` record per interaction), across more than one page of each.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleEvents } from '../../core/metrics/fixtures';
import { appendEvents } from '../../storage/log-repo';
import { openLogDB } from '../../storage/open';
import { storeTeamBatch } from '../../storage/team-log';
import { loadEvents } from './db';

describe('dashboard backup reader', () => {
  it('returns the own and the pulled events, each once, over several pages of pulled records', async () => {
    const db = await openLogDB({ name: 'dashboard-db-backup' });
    const own = sampleEvents('own');
    await appendEvents(db, own);
    // 1,500 pulled interactions: more than one page of team records.
    const pulled = Array.from({ length: 1_500 }, (_, k) => sampleEvents(`t${k}`)).flat();
    for (let i = 0; i < pulled.length; i += 2_000) await storeTeamBatch(db, pulled.slice(i, i + 2_000), []);
    const seen: number[] = [];
    const events = await loadEvents(db, (n) => seen.push(n));
    const ids = events.map((e) => e.id);
    expect(ids).toHaveLength(own.length + pulled.length);
    expect(new Set(ids)).toEqual(new Set([...own, ...pulled].map((e) => e.id)));
    expect(seen.length).toBeGreaterThan(2);
    db.close();
  });
});
