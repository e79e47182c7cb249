import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/log/types';
import { appendEvents, customerHistory, mergeRecords, purgeBefore, readAll, timeline } from './log-repo';
import { openLogDB } from './open';
import { DB_VERSION, UPGRADE_STEPS } from './schema';

let n = 0;
const dbName = () => `test-${++n}`;
const T0 = Date.UTC(2026, 10, 1, 9);

const start = (interactionId: string, at = T0): LogEvent => ({
  id: `${interactionId}-start`,
  at,
  interactionId,
  type: 'interaction-started',
  helpdesk: 'zendesk',
  ticketId: '4521',
  customerKey: 'c'.repeat(64),
  channel: 'chat',
  repId: 'sam',
  playbookId: 'default',
  playbookVersion: 3,
  variant: '',
});
const move = { moveId: 'care-tip', moveKind: 'usage-tip', moveTitle: 'Care tip' } as const;

afterEach(() => {
  indexedDB.deleteDatabase('x');
});

describe('log repository', () => {
  it('derives interactions and attempts from events, idempotently', async () => {
    const db = await openLogDB({ name: dbName() });
    const events: LogEvent[] = [
      start('i1'),
      { id: 'e2', at: T0 + 1000, interactionId: 'i1', type: 'step-completed', stepId: 'resolve', auto: false },
      { id: 'e3', at: T0 + 2000, interactionId: 'i1', type: 'resolution-confirmed' },
      { id: 'e4', at: T0 + 2500, interactionId: 'i1', type: 'move-shown', ...move },
      { id: 'e5', at: T0 + 3000, interactionId: 'i1', type: 'move-offered', via: 'insert', ...move },
      { id: 'e6', at: T0 + 9000, interactionId: 'i1', type: 'move-outcome', outcome: 'accepted', skipReason: null, ...move },
      { id: 'e7', at: T0 + 9500, interactionId: 'i1', type: 'wrapup', vesAchieveMore: 5, vesConfidence: null, effort: 6 },
    ];
    expect(await appendEvents(db, events)).toHaveLength(7);
    // The same events again (a retry after a lost acknowledgement) change nothing.
    expect(await appendEvents(db, [...events].reverse())).toHaveLength(7);
    const all = await readAll(db);
    expect(all.events).toHaveLength(7);
    expect(all.interactions).toEqual([
      expect.objectContaining({ id: 'i1', resolvedAt: T0 + 2000, steps: { resolve: T0 + 1000 }, ticketId: '4521', source: 'local' }),
    ]);
    expect(all.attempts).toEqual([
      expect.objectContaining({
        id: 'i1:care-tip',
        outcome: 'accepted',
        shownAt: T0 + 2500,
        offeredAt: T0 + 3000,
        outcomeAt: T0 + 9000,
        resolutionConfirmedAt: T0 + 2000,
        repId: 'sam',
      }),
    ]);
    expect(all.wrapups).toEqual([{ interactionId: 'i1', vesAchieveMore: 5, vesConfidence: null, effort: 6, at: T0 + 9500 }]);
    const tl = await timeline(db, 'i1');
    expect(tl.events.map((e) => e.type)).toEqual(['interaction-started', 'step-completed', 'resolution-confirmed', 'move-shown', 'move-offered', 'move-outcome', 'wrapup']);
    db.close();
  });

  it('fills in an attempt that arrived before its interaction started', async () => {
    const db = await openLogDB({ name: dbName() });
    await appendEvents(db, [{ id: 'm1', at: T0 + 5, interactionId: 'i2', type: 'move-outcome', outcome: 'declined', skipReason: null, ...move }]);
    await appendEvents(db, [start('i2')]);
    const [a] = (await readAll(db)).attempts;
    expect(a).toMatchObject({ ticketId: '4521', repId: 'sam', outcome: 'declined' });
    db.close();
  });

  it('gives the customer history from other interactions only', async () => {
    const db = await openLogDB({ name: dbName() });
    await appendEvents(db, [start('a'), start('b'), { id: 'x', at: T0 + 1, interactionId: 'a', type: 'move-offered', via: 'copy', ...move }, { id: 'y', at: T0 + 2, interactionId: 'b', type: 'move-offered', via: 'copy', ...move }]);
    const h = await customerHistory(db, 'c'.repeat(64), 'b');
    expect(h).toEqual([{ moveId: 'care-tip', kind: 'usage-tip', at: T0 + 1, outcome: 'offered', offered: true }]);
    db.close();
  });

  it('merges another rep’s records without overwriting or duplicating', async () => {
    const db = await openLogDB({ name: dbName() });
    await appendEvents(db, [start('i1')]);
    const mine = await readAll(db);
    const theirs = { ...mine.interactions[0]!, id: 'i9', source: 'ana.json' };
    const counts = await mergeRecords(db, { interactions: [{ ...mine.interactions[0]!, repId: 'changed' }, theirs], events: mine.events });
    expect(counts).toEqual({ added: 1, duplicates: 2, rejected: 0 });
    const after = await readAll(db);
    expect(after.interactions.find((i) => i.id === 'i1')?.repId).toBe('sam');
    expect(after.interactions).toHaveLength(2);
    db.close();
  });

  it('purges records older than the retention cutoff', async () => {
    const db = await openLogDB({ name: dbName() });
    await appendEvents(db, [start('old', T0 - 200 * 86_400_000), start('new')]);
    await purgeBefore(db, T0 - 180 * 86_400_000);
    const all = await readAll(db);
    expect(all.interactions.map((i) => i.id)).toEqual(['new']);
    expect(all.events.map((e) => e.interactionId)).toEqual(['new']);
    db.close();
  });
});

describe('schema upgrades', () => {
  it('upgrades from every earlier version keeping every record', async () => {
    for (let from = 1; from < DB_VERSION; from++) {
      const name = dbName();
      const old = await openDB(name, from, {
        upgrade(db, oldVersion, _v, tx) {
          for (let v = oldVersion; v < from; v++) UPGRADE_STEPS[v]?.(db as never, tx as never);
        },
      });
      const events = Array.from({ length: 50 }, (_, i) => ({ ...start(`i${i}`), id: `s${i}` }));
      const tx = old.transaction(['events', 'interactions'], 'readwrite');
      for (const e of events) {
        tx.objectStore('events').put(e);
        tx.objectStore('interactions').put({ id: e.interactionId, startedAt: e.at, customerKey: 'c'.repeat(64), repId: 'sam', helpdesk: 'zendesk', steps: {} });
      }
      await tx.done;
      old.close();
      const db = await openLogDB({ name });
      expect(db.version).toBe(DB_VERSION);
      const all = await readAll(db);
      expect(all.events).toHaveLength(50);
      expect(all.interactions).toHaveLength(50);
      // The indexes of the current version work on the old data.
      expect(await db.getAllFromIndex('interactions', 'by-started', T0)).toHaveLength(50);
      db.close();
    }
  });

  it('v5 drops the unqueried indexes and keeps every record of every store, and the kept indexes answer', async () => {
    const name = dbName();
    const v4 = await openDB(name, 4, {
      upgrade(db, oldVersion, _v, tx) {
        for (let v = oldVersion; v < 4; v++) UPGRADE_STEPS[v]?.(db as never, tx as never);
      },
    });
    // A rep's log at v4: two interactions with attempts and a wrap-up, plus a row in every other store.
    const seeded = await openLogDB({ name: dbName() });
    await appendEvents(seeded, [
      start('i1'),
      { id: 'o1', at: T0 + 10, interactionId: 'i1', type: 'move-offered', via: 'insert', ...move },
      { id: 'w1', at: T0 + 20, interactionId: 'i1', type: 'wrapup', vesAchieveMore: 4, vesConfidence: 5, effort: 6 },
      start('i2', T0 + 100),
      { id: 'o2', at: T0 + 110, interactionId: 'i2', type: 'move-outcome', outcome: 'declined', skipReason: null, ...move },
    ]);
    const log = await readAll(seeded);
    seeded.close();
    const others = {
      reviews: [{ attemptId: 'i1:care-tip', resolutionFirst: true, fit: true, tone: null, note: '', reviewedAt: T0 }],
      config: [{ key: 'salt', value: 'x', updatedAt: T0 }],
      rejected: [{ id: 'r1', at: T0, reason: 'bad', origin: 'local', raw: '{}' }],
      sync: [{ key: 'pub:o1', value: { at: T0 }, updatedAt: T0 }],
    };
    const tx = v4.transaction(['events', 'interactions', 'attempts', 'wrapups', 'reviews', 'config', 'rejected', 'sync'], 'readwrite');
    for (const [store, rows] of Object.entries({ ...log, ...others })) for (const row of rows) await tx.objectStore(store as 'events').put(row as never);
    await tx.done;
    const before = Object.fromEntries(await Promise.all([...v4.objectStoreNames].map(async (s) => [s, await v4.getAll(s)] as const)));
    expect([...v4.transaction('attempts').store.indexNames]).toContain('by-kind');
    v4.close();

    const db = await openLogDB({ name });
    expect(db.version).toBe(DB_VERSION);
    for (const [store, rows] of Object.entries(before)) expect(await db.getAll(store as 'events')).toEqual(rows);
    const indexes = (store: 'events' | 'interactions' | 'attempts' | 'wrapups' | 'rejected') => [...db.transaction(store).store.indexNames].sort();
    expect(indexes('events')).toEqual(['by-at', 'by-interaction']);
    expect(indexes('interactions')).toEqual(['by-started']);
    expect(indexes('attempts')).toEqual(['by-customer', 'by-interaction', 'by-logged']);
    expect(indexes('wrapups')).toEqual(['by-at']);
    expect(indexes('rejected')).toEqual(['by-at']);
    // What queries the kept indexes still sees the upgraded records.
    expect((await customerHistory(db, 'c'.repeat(64), 'i2')).map((h) => h.moveId)).toEqual(['care-tip']);
    expect((await timeline(db, 'i1')).events.map((e) => e.id)).toEqual(['i1-start', 'o1', 'w1']);
    expect(await db.getAllKeysFromIndex('attempts', 'by-logged', IDBKeyRange.lowerBound(T0 + 100))).toEqual(['i2:care-tip']);
    await purgeBefore(db, T0 + 50);
    expect((await readAll(db)).interactions.map((i) => i.id)).toEqual(['i2']);
    db.close();
  });

  it('an open connection closes itself on versionchange so upgrades never hang', async () => {
    const name = dbName();
    let closed = false;
    await openLogDB({ name, onClosed: () => (closed = true) });
    const next = await openDB(name, DB_VERSION + 1);
    expect(closed).toBe(true);
    next.close();
  });
});
