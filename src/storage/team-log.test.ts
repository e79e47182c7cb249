/**
 * Team-pulled events, one record per interaction (schema v6): every property the projection had when they
 * were one record per event — idempotent by event id whatever the delivery order and duplicates, the
 * lead's own events (back from the stream) counted once, rebuild equals live — plus the readers of the
 * log (timeline, retention, merge, backup) reading the new store, and the upgrade from v5.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/log/types';
import { sampleEvents, T0 } from '../core/metrics/fixtures';
import { ingestEvents, rebuildFromLog } from './ingest';
import { appendEvents, mergeRecords, purgeBefore, readAll, type Snapshot, timeline } from './log-repo';
import { openLogDB } from './open';
import { DB_VERSION, UPGRADE_STEPS } from './schema';
import { storeTeamBatch } from './team-log';

let n = 0;
const dbName = () => `team-log-${++n}`;
const pull = (db: Awaited<ReturnType<typeof openLogDB>>, events: readonly LogEvent[]) => storeTeamBatch(db, events, []);

/** Derived stores in a comparable order. */
async function derived(db: Awaited<ReturnType<typeof openLogDB>>) {
  const all = await readAll(db);
  const by = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    interactions: by(all.interactions, (r) => r.id),
    attempts: by(all.attempts, (r) => r.id),
    wrapups: by(all.wrapups, (r) => r.interactionId),
  };
}

const ids = (snap: Snapshot) => snap.events.map((e) => e.id).sort();

describe('team-pulled events: one record per interaction', () => {
  it('stores 100 pulled events of 10 interactions as 10 records, no event rows, with the same derived records as one row per event', async () => {
    const pulled = Array.from({ length: 10 }, (_, k) => sampleEvents(`t${k}`)).flat();
    const db = await openLogDB({ name: dbName() });
    const r = await pull(db, pulled);
    expect(r.fresh).toBe(100);
    expect(await db.count('team-events')).toBe(10);
    expect(await db.count('events')).toBe(0);
    // The same events the pre-v6 way (one row per event, through the generic ingestion).
    const ref = await openLogDB({ name: dbName() });
    await ingestEvents(ref, pulled, 'team', { source: 'team' });
    expect(await derived(db)).toEqual(await derived(ref));
    expect((await derived(db)).interactions.every((i) => i.source === 'team')).toBe(true);
    db.close();
    ref.close();
  });

  it('any delivery order, re-delivered messages and resent batches count once; the lead’s own events too; rebuild equals live', async () => {
    const interactions = ['a', 'b', 'c'];
    const all = interactions.flatMap((id) => sampleEvents(id));
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(interactions, { minLength: 0, maxLength: 2 }),
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.array(fc.nat(all.length - 1), { maxLength: 15 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (own, order, dupes, sizes, resend) => {
          // The lead's own interactions are logged here first; all their events also come back from the stream.
          const db = await openLogDB({ name: dbName() });
          const mine = all.filter((e) => own.includes(e.interactionId));
          if (mine.length) await appendEvents(db, mine);
          const stream = [...order];
          for (const d of dupes) stream.splice(d % (stream.length + 1), 0, all[d] as LogEvent);
          const batches: LogEvent[][] = [];
          for (let i = 0, k = 0; i < stream.length; k++) {
            const size = sizes[k % sizes.length] as number;
            batches.push(stream.slice(i, i + size));
            i += size;
          }
          // A batch resent after a worker stop (stored, but its answer lost).
          batches.splice(resend % (batches.length + 1), 0, batches[resend % batches.length] as LogEvent[]);
          for (const b of batches) await pull(db, b);

          const snap = await readAll(db);
          expect(ids(snap)).toEqual(all.map((e) => e.id).sort());
          expect(await db.count('events')).toBe(mine.length);

          const ref = await openLogDB({ name: dbName() });
          if (mine.length) await appendEvents(ref, mine);
          await ingestEvents(ref, all.filter((e) => !own.includes(e.interactionId)), 'team', { source: 'team' });
          const live = await derived(db);
          expect(live).toEqual(await derived(ref));
          // Rebuild from the log: attempts and wrap-ups emptied first, so only the events can bring them back
          // (interactions stay: they hold each one's source, which rebuild keeps).
          await Promise.all((['attempts', 'wrapups'] as const).map((s) => db.clear(s)));
          expect((await rebuildFromLog(db)).events).toBe(all.length);
          expect(await derived(db)).toEqual(live);
          db.close();
          ref.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a lead re-importing a backup that holds pulled events stores none of them again', async () => {
    const db = await openLogDB({ name: dbName() });
    await appendEvents(db, sampleEvents('mine'));
    await pull(db, sampleEvents('theirs'));
    const backup = await readAll(db);
    expect(backup.events).toHaveLength(20);
    const counts = await mergeRecords(db, backup);
    expect(counts.added).toBe(0);
    expect(counts.duplicates).toBe(backup.events.length + backup.interactions.length + backup.attempts.length + backup.wrapups.length);
    expect(ids(await readAll(db))).toEqual(ids(backup));
    expect(await db.count('events')).toBe(10);
    // One new event in a pulled interaction, merged from a file: stored, and projected with the pulled ones.
    const late: LogEvent = { id: 'theirs-late', at: T0 + 20_000, interactionId: 'theirs', type: 'move-outcome', outcome: 'declined', skipReason: null, moveId: 'm3', moveKind: 'usage-tip', moveTitle: 'Late' };
    await mergeRecords(db, { events: [late, ...sampleEvents('theirs')] });
    expect((await readAll(db)).events).toHaveLength(21);
    expect((await db.get('interactions', 'theirs'))?.source).toBe('team');
    expect((await readAll(db)).attempts.filter((a) => a.interactionId === 'theirs').map((a) => a.moveId).sort()).toEqual(['m1', 'm2', 'm3']);
    db.close();
  });

  it('derived rows of a pulled interaction in a merged file are not taken over its events', async () => {
    const db = await openLogDB({ name: dbName() });
    await pull(db, sampleEvents('theirs'));
    const live = await derived(db);
    // An attempt the interaction's events never made: the events are the truth, the file's row is refused.
    const forged = { ...(live.attempts[0] as (typeof live.attempts)[number]), id: 'theirs:forged', moveId: 'forged' };
    const counts = await mergeRecords(db, { attempts: [forged] });
    expect(counts).toMatchObject({ added: 0, duplicates: 1 });
    expect(await derived(db)).toEqual(live);
    db.close();
  });

  it('timeline shows an interaction’s pulled events with its own, in time order', async () => {
    const db = await openLogDB({ name: dbName() });
    const events = sampleEvents('mixed');
    await appendEvents(db, events.slice(0, 4));
    await pull(db, events.slice(4));
    const t = await timeline(db, 'mixed');
    expect(t.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(t.attempts.map((a) => a.moveId).sort()).toEqual(['m1', 'm2']);
    db.close();
  });

  it('retention drops pulled events older than the cutoff: a record keeps its newer events, an old one goes', async () => {
    const db = await openLogDB({ name: dbName() });
    const old = sampleEvents('old').map((e) => ({ ...e, at: e.at - 86_400_000 }));
    await pull(db, [...old, ...sampleEvents('straddling')]);
    const removed = await purgeBefore(db, T0 + 5_000);
    const left = await db.getAll('team-events');
    expect(left.map((r) => r.interactionId)).toEqual(['straddling']);
    expect(left[0]?.events.map((e) => e.id)).toEqual([5, 6, 7, 8, 9].map((k) => `straddling-e${k}`));
    expect(left[0]?.firstAt).toBe(T0 + 5_000);
    // 10 + 5 events, plus the two interactions started before the cutoff and the old one's attempt rows.
    expect(removed).toBeGreaterThanOrEqual(15);
    expect(ids(await readAll(db))).toEqual([5, 6, 7, 8, 9].map((k) => `straddling-e${k}`));
    db.close();
  });

  it('v6 adds team-events and keeps every record of every v5 store; team events stored before v6 still count once', async () => {
    const name = dbName();
    const v5 = await openDB(name, 5, {
      upgrade(db, oldVersion, _v, tx) {
        for (let v = oldVersion; v < 5; v++) UPGRADE_STEPS[v]?.(db as never, tx as never);
      },
    });
    // A lead's log at v5: its own interaction, a pulled one (one row per event, as v5 stored it), a row in every other store.
    const seeded = await openLogDB({ name: dbName() });
    await appendEvents(seeded, sampleEvents('own'));
    await ingestEvents(seeded, sampleEvents('pulled-v5'), 'team', { source: 'team' });
    const log = await readAll(seeded);
    seeded.close();
    const others = {
      reviews: [{ attemptId: 'own:m1', resolutionFirst: true, fit: true, tone: null, note: '', reviewedAt: T0 }],
      config: [{ key: 'salt', value: 'x', updatedAt: T0 }],
      rejected: [{ id: 'r1', at: T0, reason: 'bad', origin: 'team', raw: '{}' }],
      sync: [{ key: 'team:cursor', value: { where: 'x', seq: 20 }, updatedAt: T0 }],
    };
    const tx = v5.transaction(['events', 'interactions', 'attempts', 'wrapups', 'reviews', 'config', 'rejected', 'sync'], 'readwrite');
    for (const [store, rows] of Object.entries({ ...log, ...others })) for (const row of rows) await tx.objectStore(store as 'events').put(row as never);
    await tx.done;
    const before = Object.fromEntries(await Promise.all([...v5.objectStoreNames].map(async (s) => [s, await v5.getAll(s)] as const)));
    expect(Object.keys(before)).toHaveLength(8);
    v5.close();

    const db = await openLogDB({ name });
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(6);
    for (const [store, rows] of Object.entries(before)) expect(await db.getAll(store as 'events')).toEqual(rows);
    expect(await db.getAll('team-events')).toEqual([]);
    expect([...db.transaction('team-events').store.indexNames]).toEqual(['by-first']);
    // The stream re-read from the start (a cursor reset): the v5 rows count once, the new event is kept.
    const fresh: LogEvent = { id: 'pulled-v5-extra', at: T0 + 30_000, interactionId: 'pulled-v5', type: 'resolution-confirmed' };
    const r = await pull(db, [...sampleEvents('pulled-v5'), fresh]);
    expect(r.fresh).toBe(1);
    const after = await readAll(db);
    expect(after.events).toHaveLength(21);
    expect((await timeline(db, 'pulled-v5')).events.map((e) => e.id)).toEqual([...sampleEvents('pulled-v5').map((e) => e.id), 'pulled-v5-extra']);
    const live = await derived(db);
    await rebuildFromLog(db);
    expect(await derived(db)).toEqual(live);
    db.close();
  });
});
