/**
 * The publish-queue contract with event ingestion: every freshly stored *local* event gets a `pub:<id>`
 * row in the same transaction; pulled ('team') and repeated events get none; a shown-only attempt from
 * another rep does not count against the customer (it never reached them).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../core/log/types';
import { sampleEvents } from '../../core/metrics/fixtures';
import type { TeamConfig } from '../../core/team/config';
import { ingestEvents, LOCAL_ORIGIN } from '../../storage/ingest';
import { appendEvents, customerHistory } from '../../storage/log-repo';
import { openLogDB } from '../../storage/open';
import { backfillOnce } from './backfill';
import { storeDecodedTeamEvents, storeTeamEvents } from './ingest';
import { queueEarlierReviews, queueReview } from './reviews';
import { PUB_RANGE, SYNC_KEYS } from './state';

let n = 0;
const open = () => openLogDB({ name: `team-queue-${++n}` });

describe('team publish queue', () => {
  it('queues local events once, never pulled ones', async () => {
    const db = await open();
    const local = sampleEvents('local-1');
    await appendEvents(db, local);
    await appendEvents(db, local); // the same events again: already stored, not queued twice
    const pulled = sampleEvents('team-1');
    const r = await storeTeamEvents(db, [...pulled, { id: 'x', type: 'nonsense' }]);
    expect(r.stored).toHaveLength(pulled.length);
    expect(r.rejected).toHaveLength(1);
    const keys = (await db.getAllKeys('sync', PUB_RANGE())) as string[];
    expect(keys.sort()).toEqual(local.map((e) => `pub:${e.id}`).sort());
    expect((await db.get('interactions', 'team-1'))?.source).toBe('team');
  });

  it("a move another rep only saw does not cap the customer; one they offered does", async () => {
    const db = await open();
    const [start, , , , shown, offered] = sampleEvents('rep1') as LogEvent[];
    const seenOnly: LogEvent = { ...(shown as LogEvent & { type: 'move-shown' }), id: 'rep1-seen', moveId: 'm2' };
    await storeTeamEvents(db, [start, offered, seenOnly]);
    const history = await customerHistory(db, 'b'.repeat(64), 'rep2-interaction');
    expect(history.find((h) => h.moveId === 'm1')?.offered).toBe(true);
    expect(history.find((h) => h.moveId === 'm2')?.offered).toBe(false);
  });

  it("a lead's reviews saved before team mode are queued once team mode comes on; a rep's are not", async () => {
    const config = (role: 'lead' | 'rep'): TeamConfig => ({ servers: ['ws://127.0.0.1:4222'], repId: 'li', role, stream: 'RP', subjectPrefix: 'rp.events' });
    const review = (attemptId: string, reviewedAt: number) => ({ attemptId, resolutionFirst: true, fit: true, tone: null, note: 'good', reviewedAt });
    const revKeys = async (db: Awaited<ReturnType<typeof open>>) => ((await db.getAllKeys('sync')) as string[]).filter((k) => k.startsWith('rev:')).sort();

    const rep = await open();
    await rep.put('reviews', review('a1:m1', 1_000));
    expect(await queueEarlierReviews(rep, config('rep'))).toBe(0);
    expect(await revKeys(rep)).toEqual([]);

    const lead = await open();
    await lead.put('reviews', review('a1:m1', 1_000));
    await lead.put('reviews', review('a2:m1', 2_000));
    // Saved again after team mode came on (queued by the save itself): the backfill must not roll it back.
    await lead.put('reviews', review('a2:m1', 3_000));
    await queueReview(lead, config('lead'), review('a2:m1', 3_000));
    expect(await queueEarlierReviews(lead, config('lead'))).toBe(1);
    expect(await revKeys(lead)).toEqual(['rev:a1:m1', 'rev:a2:m1']);
    expect((await lead.get('sync', 'rev:a2:m1'))?.value).toMatchObject({ reviewedAt: 3_000 });
  });

  it('team mode off: no queue row per event, and the next backfill queues every one of them (0 lost)', async () => {
    const db = await open();
    const config: TeamConfig = { servers: ['ws://127.0.0.1:4222'], stream: 'RP_EVENTS', repId: 'sam', role: 'rep', subjectPrefix: 'rp.events' } as TeamConfig;
    const off = { unqueuedMarker: SYNC_KEYS.backfill };
    // Team mode was on once (history queued), then switched off.
    expect(await backfillOnce(db, config)).toBe(0);
    const before = sampleEvents('before-off');
    await ingestEvents(db, before, LOCAL_ORIGIN);
    const [start, ...rest] = sampleEvents('while-off');
    // Logged while off; one event arrives before its interaction's start (queued anyway: no interaction to find it by).
    await ingestEvents(db, [rest[0] as LogEvent], LOCAL_ORIGIN, off);
    await ingestEvents(db, [start as LogEvent, ...rest.slice(1)], LOCAL_ORIGIN, off);
    await storeDecodedTeamEvents(db, sampleEvents('pulled'));
    const queuedWhileOff = (await db.getAllKeys('sync', PUB_RANGE())) as string[];
    expect(queuedWhileOff.sort()).toEqual([...before.map((e) => `pub:${e.id}`), `pub:${rest[0]?.id}`].sort());
    // Switched on again with the same stream: the marker is gone, so the history is queued — the rep's own only.
    expect(await backfillOnce(db, config)).toBe(before.length + 1 + rest.length);
    const keys = (await db.getAllKeys('sync', PUB_RANGE())) as string[];
    expect(keys.sort()).toEqual([...before, start, ...rest].map((e) => `pub:${e?.id}`).sort());
    db.close();
  });
});
