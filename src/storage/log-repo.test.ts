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
      // New indexes work on the old data.
      expect(await db.getAllFromIndex('interactions', 'by-customer', 'c'.repeat(64))).toHaveLength(50);
      db.close();
    }
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
