/**
 * The pull's bookkeeping (cursor, counters) commits in the same transaction as the batch of pulled events
 * it describes: never a cursor past events that were not stored, never events the cursor did not move past,
 * and a hostile duplicate id still stores the batch with its bookkeeping once.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../core/log/types';
import { sampleEvents } from '../../core/metrics/fixtures';
import { appendEvents, readAll } from '../../storage/log-repo';
import { openLogDB } from '../../storage/open';
import { storeDecodedTeamEvents } from './ingest';

let n = 0;
const open = () => openLogDB({ name: `team-ingest-${++n}` });
const cursorRow = (seq: number) => ({ key: 'team:cursor', value: { where: 'x', seq }, updatedAt: 0 });

describe('pulled events and the pull cursor', () => {
  it('store together: the cursor row is written with the batch, and a batch of no events still moves it', async () => {
    const db = await open();
    await storeDecodedTeamEvents(db, sampleEvents('t1'), async (tx) => {
      await tx.objectStore('sync').put(cursorRow(10));
    });
    expect((await db.get('sync', 'team:cursor'))?.value).toEqual({ where: 'x', seq: 10 });
    expect((await readAll(db)).events).toHaveLength(10);
    // Only malformed messages or health reports in a batch: nothing to store, the cursor still moves.
    await storeDecodedTeamEvents(db, [], async (tx) => {
      await tx.objectStore('sync').put(cursorRow(12));
    });
    expect((await db.get('sync', 'team:cursor'))?.value).toEqual({ where: 'x', seq: 12 });
    db.close();
  });

  it('fail together: bookkeeping that fails leaves neither the events nor the cursor', async () => {
    const db = await open();
    const failing = storeDecodedTeamEvents(db, sampleEvents('t2'), async (tx) => {
      await tx.objectStore('sync').put(cursorRow(10));
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await db.get('sync', 'team:cursor')).toBeUndefined();
    const all = await readAll(db);
    expect(all.events).toHaveLength(0);
    expect(all.interactions).toHaveLength(0);
    db.close();
  });

  it("an id of the lead's own event reused under another interaction: the lead's event and interaction are untouched, the batch and cursor stored once", async () => {
    const db = await open();
    const mine = sampleEvents('mine');
    await appendEvents(db, mine);
    const mineBefore = await readAll(db);
    // A hostile publisher reuses the id of one of this browser's events under its own interaction.
    const pulled = sampleEvents('theirs');
    const hijack = { ...(pulled[3] as LogEvent), id: (mine[3] as LogEvent).id };
    let calls = 0;
    const r = await storeDecodedTeamEvents(db, [...pulled.slice(0, 3), hijack, ...pulled.slice(4)], async (tx) => {
      calls++;
      const prev = (await tx.objectStore('sync').get('team:count'))?.value as number | undefined;
      await tx.objectStore('sync').put({ key: 'team:count', value: (prev ?? 0) + 1, updatedAt: 0 });
    });
    expect(r.stored).toHaveLength(10);
    // Pulled events live in their interaction's record: the copy can neither replace nor hide the original.
    expect(await db.get('events', hijack.id)).toEqual(mine[3]);
    expect((await db.get('team-events', 'theirs'))?.events).toHaveLength(10);
    const after = await readAll(db);
    expect(after.interactions.find((i) => i.id === 'mine')).toEqual(mineBefore.interactions.find((i) => i.id === 'mine'));
    expect(after.attempts.filter((a) => a.interactionId === 'mine')).toEqual(mineBefore.attempts);
    expect((await db.get('sync', 'team:count'))?.value).toBe(1);
    expect(calls).toBe(1);
    db.close();
  });
});
