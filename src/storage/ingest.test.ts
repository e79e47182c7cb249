import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/log/types';
import { evaluate } from '../core/playbook/engine';
import { done, input, move, NOW, playbook } from '../core/playbook/test-fixtures';
import { ingestEvents, listRejected, rebuildFromLog } from './ingest';
import { customerHistory, readAll } from './log-repo';
import { openLogDB } from './open';

let n = 0;
const dbName = () => `ingest-${++n}`;
const KEY = 'c'.repeat(64);
const DAY = 86_400_000;

const start = (interactionId: string, at: number, repId = 'sam'): LogEvent => ({
  id: `${interactionId}-start`,
  at,
  interactionId,
  type: 'interaction-started',
  helpdesk: 'zendesk',
  ticketId: interactionId,
  customerKey: KEY,
  channel: 'chat',
  repId,
  playbookId: 'default',
  playbookVersion: 1,
  variant: '',
});
const ref = (moveId: string) => ({ moveId, moveKind: 'usage-tip', moveTitle: `Move ${moveId}` }) as const;

describe('storage → engine: one history contract', () => {
  // 'care' has a 14-day cooldown; 'other' none; no playbook-wide pause, so each move is judged alone.
  const pb = playbook({ settings: { veCooldownDays: 0, maxMovesShown: 3 }, moves: [move('care', { cooldownDays: 14 }), move('other', { cooldownDays: 0 })] });
  const eligibleNextTicket = async (events: LogEvent[]) => {
    const db = await openLogDB({ name: dbName() });
    await ingestEvents(db, [start('earlier', NOW - 2 * DAY), ...events], 'local');
    const history = await customerHistory(db, KEY, 'next-ticket');
    db.close();
    return evaluate(pb, input({ checklist: done('confirm'), history })).eligible.map((e) => e.move.id);
  };
  const at = NOW - 2 * DAY + 1000;

  it('offers a move again when it was only shown to the rep', async () => {
    expect(await eligibleNextTicket([{ id: 's', at, interactionId: 'earlier', type: 'move-shown', ...ref('care') }])).toEqual(['care', 'other']);
  });

  it('holds a move back for its cooldown once it was offered and accepted', async () => {
    const events: LogEvent[] = [
      { id: 's', at, interactionId: 'earlier', type: 'move-shown', ...ref('care') },
      { id: 'o', at: at + 1, interactionId: 'earlier', type: 'move-offered', via: 'insert', ...ref('care') },
      { id: 'a', at: at + 2, interactionId: 'earlier', type: 'move-outcome', outcome: 'accepted', skipReason: null, ...ref('care') },
    ];
    expect(await eligibleNextTicket(events)).toEqual(['other']);
  });

  it('never counts a not-a-fit dismissal', async () => {
    const events: LogEvent[] = [
      { id: 's', at, interactionId: 'earlier', type: 'move-shown', ...ref('care') },
      { id: 'n', at: at + 1, interactionId: 'earlier', type: 'move-outcome', outcome: 'not-a-fit', skipReason: 'customer-upset', ...ref('care') },
    ];
    expect(await eligibleNextTicket(events)).toEqual(['care', 'other']);
  });
});

describe('ingestEvents', () => {
  it('stores 999 of 1,000 events when one is poisoned, and keeps the poisoned one aside with its reason', async () => {
    const db = await openLogDB({ name: dbName() });
    const events: unknown[] = [];
    for (let i = 0; i < 100; i++) {
      events.push(start(`i${i}`, NOW + i));
      for (let k = 0; k < 9; k++) events.push({ id: `i${i}-s${k}`, at: NOW + i + k + 1, interactionId: `i${i}`, type: 'step-completed', stepId: `s${k}`, auto: false });
    }
    events[500] = { ...(events[500] as object), at: 'yesterday' };
    const result = await ingestEvents(db, events, 'local');
    expect(result.stored).toHaveLength(999);
    expect(result.rejected).toEqual([{ id: 'i50-start', reason: 'at: expected a time (epoch milliseconds), got "yesterday"' }]);
    const all = await readAll(db);
    expect(all.events).toHaveLength(999);
    const { total, rows } = await listRejected(db);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ id: 'i50-start', origin: 'local' });
    expect(JSON.parse(rows[0]!.raw)).toMatchObject({ at: 'yesterday', interactionId: 'i50' });
    db.close();
  });

  it('queues only the rep’s own fresh events for team publishing', async () => {
    const db = await openLogDB({ name: dbName() });
    await ingestEvents(db, [start('mine', NOW)], 'local');
    await ingestEvents(db, [start('mine', NOW)], 'local'); // a retry adds no second row
    await ingestEvents(db, [start('theirs', NOW)], 'team');
    const rows = await db.getAll('sync');
    expect(rows).toEqual([{ key: 'pub:mine-start', value: { at: NOW }, updatedAt: expect.any(Number) }]);
    const all = await readAll(db);
    expect(all.interactions.map((i) => [i.id, i.source]).sort()).toEqual([['mine', 'local'], ['theirs', 'team']]);
    db.close();
  });

  it('keeps the stored event when the same id comes again under another interaction (idempotent by id)', async () => {
    const db = await openLogDB({ name: dbName() });
    await ingestEvents(db, [start('a', NOW)], 'team');
    const again = { ...start('b', NOW + 1), id: 'a-start' };
    const r = await ingestEvents(db, [again, start('c', NOW)], 'team');
    expect(r).toEqual({ stored: ['a-start', 'c-start'], fresh: 1, rejected: [] });
    const all = await readAll(db);
    expect(all.interactions.map((i) => [i.id, i.startedAt]).sort()).toEqual([['a', NOW], ['c', NOW]]);
    expect((await db.get('events', 'a-start'))?.interactionId).toBe('a');
    db.close();
  });

  it('stores a resent batch once: the events already stored keep their first copy, the new ones are added and projected', async () => {
    const db = await openLogDB({ name: dbName() });
    const step = (id: string, at: number): LogEvent => ({ id, at, interactionId: 'r', type: 'step-completed', stepId: id, auto: false });
    await ingestEvents(db, [start('r', NOW), step('verify', NOW + 1)], 'local');
    // The worker stopped before answering: the sender resends, with one more event (and a changed copy of one).
    const r = await ingestEvents(db, [start('r', NOW), step('verify', NOW + 5), step('confirm', NOW + 2)], 'local');
    expect(r).toEqual({ stored: ['r-start', 'verify', 'confirm'], fresh: 1, rejected: [] });
    const all = await readAll(db);
    expect(all.events.map((e) => [e.id, e.at]).sort()).toEqual([['confirm', NOW + 2], ['r-start', NOW], ['verify', NOW + 1]]);
    expect(all.interactions.map((i) => [i.id, i.steps])).toEqual([['r', { verify: NOW + 1, confirm: NOW + 2 }]]);
    expect((await db.getAll('sync')).map((row) => row.key).sort()).toEqual(['pub:confirm', 'pub:r-start', 'pub:verify']);
    db.close();
  });

  it('refuses what the caller’s guard refuses, without blocking the rest', async () => {
    const db = await openLogDB({ name: dbName() });
    const r = await ingestEvents(db, [start('a', NOW), start('b', NOW)], 'local', { guard: (e) => (e.interactionId === 'b' ? 'foreign interaction' : null) });
    expect(r.stored).toEqual(['a-start']);
    expect(r.rejected).toEqual([{ id: 'b-start', reason: 'foreign interaction' }]);
    db.close();
  });
});

describe('near-valid events (mutations of valid ones)', () => {
  it('stores every untouched event and settles every mutated one — stored if still valid, else refused with a reason (property)', async () => {
    const db = await openLogDB({ name: dbName() });
    const base: LogEvent[] = [
      start('fz', NOW),
      { id: 'fz-step', at: NOW + 1, interactionId: 'fz', type: 'step-completed', stepId: 'verify', auto: false },
      { id: 'fz-out', at: NOW + 2, interactionId: 'fz', type: 'move-outcome', outcome: 'not-a-fit', skipReason: 'other', ...ref('m1') },
      { id: 'fz-wrap', at: NOW + 3, interactionId: 'fz', type: 'wrapup', vesAchieveMore: 5, vesConfidence: null, effort: 7 },
    ];
    const mutation = fc.record({
      which: fc.nat({ max: base.length - 1 }),
      field: fc.constantFrom('id', 'at', 'type', 'interactionId', 'stepId', 'auto', 'outcome', 'skipReason', 'effort', 'repId', 'extra'),
      value: fc.oneof(fc.anything(), fc.constantFrom(undefined, null, '', 'x'.repeat(501), Number.NaN, -1, 2 ** 53, Date.UTC(2101, 0, 1), 'constructor', '__proto__')),
      n: fc.nat(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 5 }), async (mutations) => {
        run++;
        const fresh = base.map((e) => ({ ...e, id: `${e.id}-${run}`, interactionId: `fz-${run}` }));
        const mutated = mutations.map((m, i) => {
          const copy: Record<string, unknown> = { ...fresh[m.which]!, id: `mut-${run}-${i}` };
          if (m.value === undefined) delete copy[m.field];
          else copy[m.field] = m.value;
          return copy;
        });
        const r = await ingestEvents(db, [...fresh, ...mutated], 'local');
        for (const e of fresh) expect(r.stored).toContain(e.id);
        const settled = new Set([...r.stored, ...r.rejected.map((x) => x.id)]);
        // Every mutated event with a usable id is accounted for under that id (the sender can forget it).
        for (const m of mutated) if (typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 100) expect(settled.has(m.id)).toBe(true);
        for (const x of r.rejected) expect(x.reason.length).toBeGreaterThan(0);
        // Nothing is lost: every input is stored or refused.
        expect(r.stored.length + r.rejected.length).toBeGreaterThanOrEqual(new Set([...fresh, ...mutated].map((e) => JSON.stringify(e.id))).size);
      }),
      { numRuns: 60 },
    );
    db.close();
  }, 60_000);
});

describe('rebuild from log', () => {
  it('gives exactly the live stores for 10,000 generated events arriving shuffled in batches', async () => {
    const db = await openLogDB({ name: dbName() });
    // A deterministic generator (no Math.random): 500 interactions × 20 events of every kind.
    let seed = 42;
    const rand = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    const events: LogEvent[] = [];
    for (let i = 0; i < 500; i++) {
      const iid = `int-${i}`;
      const t = NOW - rand(30) * DAY;
      events.push(start(iid, t, `rep${rand(5)}`));
      for (let k = 1; k < 20; k++) {
        const base = { id: `${iid}-${k}`, at: t + rand(600_000) - 60_000, interactionId: iid };
        const mv = ref(`m${rand(3)}`);
        const kind = rand(8);
        if (kind === 0) events.push({ ...base, type: 'step-completed', stepId: `s${rand(3)}`, auto: rand(2) === 0 });
        else if (kind === 1) events.push({ ...base, type: 'step-undone', stepId: `s${rand(3)}` });
        else if (kind === 2) events.push({ ...base, type: 'resolution-confirmed' });
        else if (kind === 3) events.push({ ...base, type: 'move-shown', ...mv });
        else if (kind === 4) events.push({ ...base, type: 'move-offered', via: 'copy', ...mv });
        else if (kind === 5) {
          const outcome = (['offered', 'accepted', 'declined', 'not-a-fit'] as const)[rand(4)]!;
          events.push({ ...base, type: 'move-outcome', outcome, skipReason: outcome === 'not-a-fit' ? 'other' : null, ...mv });
        } else if (kind === 6) events.push({ ...base, type: 'wrapup', vesAchieveMore: rand(2) ? 1 + rand(5) : null, vesConfidence: null, effort: 1 + rand(7) });
        else events.push({ ...base, type: 'interaction-ended', reason: rand(2) ? 'closed' : 'abandoned' });
      }
    }
    for (let i = events.length - 1; i > 0; i--) {
      const j = rand(i + 1);
      [events[i], events[j]] = [events[j]!, events[i]!];
    }
    for (let i = 0; i < events.length; i += 200) await ingestEvents(db, events.slice(i, i + 200), 'local');
    const live = await readAll(db);
    expect(live.events).toHaveLength(10_000);
    const counts = await rebuildFromLog(db);
    const rebuilt = await readAll(db);
    expect(counts.events).toBe(10_000);
    expect(rebuilt.interactions).toEqual(live.interactions);
    expect(rebuilt.attempts).toEqual(live.attempts);
    expect(rebuilt.wrapups).toEqual(live.wrapups);
    expect(live.interactions).toHaveLength(500);
    db.close();
  }, 60_000);

  it('repairs derived stores that drifted from the log and keeps CSV-only records', async () => {
    const db = await openLogDB({ name: dbName() });
    await ingestEvents(db, [start('a', NOW), { id: 'r', at: NOW + 5, interactionId: 'a', type: 'resolution-confirmed' }], 'local');
    const [a] = (await readAll(db)).interactions;
    await db.put('interactions', { ...a!, resolvedAt: null, repId: 'drifted' });
    await db.put('interactions', { ...a!, id: 'from-csv', source: 'ana.csv' });
    await rebuildFromLog(db);
    const after = await readAll(db);
    expect(after.interactions.find((i) => i.id === 'a')).toMatchObject({ resolvedAt: NOW + 5, repId: 'sam' });
    expect(after.interactions.find((i) => i.id === 'from-csv')).toMatchObject({ source: 'ana.csv' });
    db.close();
  });
});
