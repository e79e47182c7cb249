/**
 * Figure 11 (issue 16): team mode over a real nats-server (Debian's, 127.0.0.1, the documented
 * permission blocks) with the built extension in Chromium.
 *  - 11a publish latency at 10 events/s: one `log/append` every 100 ms from an extension page; latency =
 *    the admin's subscription receiving the event on `rp.events.<rep>` − the page's send time (same clock);
 *  - 11b a 10,000-event backlog drained: logged while the server is down, then the server starts and
 *    one sync publishes it all (events/s and seconds);
 *  - 11c the lead's first sync of 100,000 events into the dashboard: the stream is filled from Node, then
 *    the lead opens the dashboard (which pulls, showing its progress) until every event is stored;
 *  - 11d an incremental sync of 1,000 new events (one `team/sync` with pull) after that.
 */
import type { Page } from 'playwright-core';
import type { LogEvent } from '../../src/core/log/types';
import type { TeamView } from '../../src/core/team/view';
import { encodeEvent } from '../../src/core/team/wire';
import { extensionPage, type Launched } from '../../test/e2e/harness';
import { type NatsServer, startNats } from '../../test/e2e/nats-server';
import { messagingPage, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { makeEvents } from '../lib/data';
import { type Figure, makeFigure } from '../lib/report';
import { sleep } from '../lib/stats';
import { DERIVED_STORES } from './event-logging';

const USERS = [
  { user: 'bench-rep', password: 'bench-rep-pass', repId: 'benchrep', role: 'rep' },
  { user: 'bench-lead', password: 'bench-lead-pass', repId: 'benchlead', role: 'lead' },
] as const;

/** The team pull's batch (src/background/team/pull.ts `PULL_BATCH`; that module needs the extension's APIs). */
const PULL_BATCH = 2_000;

interface TeamSizes {
  latencySeconds: number;
  backlog: number;
  leadFirst: number;
  incremental: number;
}
const teamSizes = (s: Sizes): TeamSizes =>
  s.name === 'smoke'
    ? { latencySeconds: 2, backlog: 300, leadFirst: 1_000, incremental: 100 }
    : s.name === 'short'
      ? { latencySeconds: 10, backlog: 10_000, leadFirst: 100_000, incremental: 1_000 }
      : { latencySeconds: 30, backlog: 10_000, leadFirst: 100_000, incremental: 1_000 };

async function send<T>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ rp: 1, name: n, payload: p }), [name, payload] as const)) as
    | { ok: true; result: T }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
  return reply.result;
}

async function join(l: Launched, server: NatsServer, i: 0 | 1): Promise<Page> {
  const page = await messagingPage(l);
  const u = USERS[i];
  const file = JSON.stringify({ servers: [server.wsUrl], user: u.user, password: u.password, repId: u.repId, role: u.role });
  const r = await send<{ errors: string[]; view: TeamView }>(page, 'team/import', { text: file });
  if (r.errors.length > 0) throw new Error(r.errors.join('; '));
  return page;
}

async function until(page: Page, ok: (v: TeamView) => boolean, timeoutMs: number): Promise<TeamView> {
  const start = Date.now();
  for (;;) {
    const v = await send<TeamView>(page, 'team/status', {});
    if (ok(v)) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out: ${JSON.stringify({ ...v, reps: v.reps.length })}`);
    await sleep(50);
  }
}

/** Fills the stream from Node as the admin (one rep subject per 1,000 events), acks awaited in windows. */
async function fillStream(server: NatsServer, events: readonly LogEvent[], tag: string): Promise<void> {
  const { jetstream } = await import('@nats-io/jetstream');
  const js = jetstream(await server.adminConnection());
  const WINDOW = 2_000;
  for (let i = 0; i < events.length; i += WINDOW) {
    await Promise.all(
      events.slice(i, i + WINDOW).map((e, k) => {
        const rep = `${tag}${Math.floor((i + k) / 1000)}`;
        return js.publish(`rp.events.${rep}`, encodeEvent(e, rep), { msgID: e.id });
      }),
    );
  }
}

/**
 * Worker: the fair limit for the lead's pull. Reads back what the product stored for these interactions
 * (each one's `team-events` record — schema v6 keeps pulled events one record per interaction — and its
 * derived interaction, attempt and wrap-up rows), then puts exactly those records, a pull batch's worth of
 * events per transaction, into a scratch database with the product's stores and indexes. No reads,
 * validation or projection: only the puts. Self-contained (serialised into the worker).
 */
export async function rawTeamPuts(arg: { interactionIds: string[]; batch: number; db: string; derivedStores: string[] }): Promise<{ perSecond: number; records: number }> {
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const product = await req(indexedDB.open('resolve-plus'));
  const stores = ['team-events', ...arg.derivedStores].filter((n) => product.objectStoreNames.contains(n));
  const read = product.transaction(stores, 'readonly');
  const perInteraction: { rows: Record<string, unknown[]>; events: number }[] = [];
  for (const id of arg.interactionIds) {
    const rows: Record<string, unknown[]> = {};
    for (const name of stores) {
      const store = read.objectStore(name);
      rows[name] = store.indexNames.contains('by-interaction') ? await req(store.index('by-interaction').getAll(id)) : [await req(store.get(id))].filter((x) => x !== undefined);
    }
    const record = rows['team-events']?.[0] as { events: unknown[] } | undefined;
    perInteraction.push({ rows, events: record?.events.length ?? 0 });
  }
  const schema = stores.map((name) => {
    const st = read.objectStore(name);
    const indexes = [...st.indexNames].map((i) => {
      const ix = st.index(i);
      return { name: i, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
    });
    return { name, keyPath: st.keyPath, autoIncrement: st.autoIncrement, indexes };
  });
  product.close();
  const open = indexedDB.open(arg.db, 1);
  open.onupgradeneeded = () => {
    for (const s of schema) {
      const st = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
      for (const i of s.indexes) st.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
    }
  };
  const db = await req(open);
  const batches: Record<string, unknown[]>[] = [];
  let current: Record<string, unknown[]> = Object.fromEntries(stores.map((n) => [n, []]));
  let events = 0;
  let total = 0;
  let records = 0;
  for (const { rows, events: k } of perInteraction) {
    for (const name of stores) {
      current[name]?.push(...(rows[name] ?? []));
      records += rows[name]?.length ?? 0;
    }
    events += k;
    total += k;
    if (events >= arg.batch) {
      batches.push(current);
      current = Object.fromEntries(stores.map((n) => [n, []]));
      events = 0;
    }
  }
  if (events) batches.push(current);
  const t0 = performance.now();
  for (const b of batches) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      for (const name of stores) {
        const store = tx.objectStore(name);
        for (const row of b[name] ?? []) store.put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const perSecond = (total / (performance.now() - t0)) * 1000;
  db.close();
  await new Promise((r) => {
    const del = indexedDB.deleteDatabase(arg.db);
    del.onsuccess = del.onerror = del.onblocked = r;
  });
  return { perSecond, records };
}

export async function teamFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  const n = teamSizes(sizes);
  const server = await startNats(USERS);
  try {
    // ---- 11a and 11b: a rep's browser ----
    const { latencies, backlogSeconds } = await withBrowser(async (l) => {
      const page = await join(l, server, 0);
      const nc = await server.adminConnection();
      const arrived = new Map<string, number>();
      const sub = nc.subscribe('rp.events.benchrep', {
        callback: (_err, msg) => {
          try {
            arrived.set((JSON.parse(msg.string()) as { id: string }).id, Date.now());
          } catch {}
        },
      });
      const paced = makeEvents('team-lat', n.latencySeconds * 10);
      const sentAt = (await page.evaluate(async (events) => {
        const out: [string, number][] = [];
        const t0 = performance.now();
        for (let i = 0; i < events.length; i++) {
          const due = t0 + i * 100;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          const e = events[i] as (typeof events)[number];
          out.push([e.id, Date.now()]);
          void chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: [e] } });
        }
        return out;
      }, paced)) as [string, number][];
      await until(page, (v) => v.pending === 0, 30_000);
      await sleep(200);
      sub.unsubscribe();
      const latencies = sentAt.map(([id, at]) => (arrived.has(id) ? (arrived.get(id) as number) - at : Number.NaN));
      log(`  11a: ${latencies.filter(Number.isFinite).length}/${paced.length} events seen in the stream`);

      // Backlog: server down while the rep keeps logging, then one drain.
      await server.kill();
      const backlog = makeEvents('team-backlog', n.backlog);
      for (let i = 0; i < backlog.length; i += 200) await send(page, 'log/append', { events: backlog.slice(i, i + 200) });
      await until(page, (v) => v.pending >= backlog.length && !v.running, 60_000);
      await server.start();
      // From the server being back until the queue is empty; a sync that ran into the restart is retried (the alarm would).
      const t0 = performance.now();
      let done = await send<TeamView>(page, 'team/sync', { pull: false });
      while ((done.pending !== 0 || done.failure) && performance.now() - t0 < 60_000) done = await send<TeamView>(page, 'team/sync', { pull: false });
      const backlogSeconds = (performance.now() - t0) / 1000;
      if (done.pending !== 0 || done.failure) throw new Error(`backlog not drained: ${done.pending} left, ${done.failure?.message ?? ''}`);
      log(`  11b: ${backlog.length} events drained in ${backlogSeconds.toFixed(2)} s`);
      return { latencies, backlogSeconds };
    });

    // ---- 11c and 11d: the lead's browser ----
    const first = makeEvents('team-first', n.leadFirst);
    const tFill = performance.now();
    await fillStream(server, first, 'fill');
    log(`  stream filled with ${first.length} events in ${((performance.now() - tFill) / 1000).toFixed(1)} s`);
    const { firstSeconds, progressSeen, incrementalSeconds, rawSeconds, rawRecords } = await withBrowser(async (l) => {
      const page = await join(l, server, 1);
      const dash = await l.context.newPage();
      const t0 = performance.now();
      await dash.goto(extensionPage(l, 'src/pages/dashboard/index.html'));
      const progressSeen = await dash
        .locator('[data-team-progress]')
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      await until(page, (v) => v.pulled >= first.length && !v.running, 120_000);
      const firstSeconds = (performance.now() - t0) / 1000;
      log(`  11c: ${first.length} events pulled into the lead's store in ${firstSeconds.toFixed(2)} s (progress shown: ${progressSeen})`);
      await dash.close();
      const more = makeEvents('team-incr', n.incremental);
      await fillStream(server, more, 'incr');
      const t1 = performance.now();
      const v = await send<TeamView>(page, 'team/sync', { pull: true });
      const incrementalSeconds = (performance.now() - t1) / 1000;
      if (v.failure || v.pulled < first.length + more.length) throw new Error(`incremental sync incomplete: ${v.pulled}`);
      log(`  11d: ${more.length} new events in ${incrementalSeconds.toFixed(2)} s`);
      // After 11d, so its writes and the scratch database's deletion do not weigh on it. For scale, not a
      // goal: the same records put raw (no reads, validation or projection), a pull batch's worth per transaction.
      const interactionIds = [...new Set(first.map((e) => e.interactionId))];
      const raw = await l.worker.evaluate(rawTeamPuts, { interactionIds, batch: PULL_BATCH, db: 'rp-bench-raw-team', derivedStores: DERIVED_STORES });
      const rawSeconds = first.length / raw.perSecond;
      log(`  11c raw: the same ${raw.records} records put raw in ${rawSeconds.toFixed(2)} s`);
      return { firstSeconds, progressSeen, incrementalSeconds, rawSeconds, rawRecords: raw.records };
    });

    return [
      makeFigure({
        id: '12a',
        figure: 'team publish latency at 10 events/s (log/append → in the stream)',
        unit: 'ms',
        samples: latencies,
        withP99: true,
        goal: 'info (p99 reported)',
        digits: 1,
        note: `${latencies.filter(Number.isFinite).length} of ${latencies.length} seen`,
      }),
      makeFigure({
        id: '12b',
        figure: `team backlog of ${n.backlog.toLocaleString('en')} events drained (server back up)`,
        unit: 's',
        samples: [backlogSeconds],
        goal: 'info',
        digits: 2,
        note: `${Math.round(n.backlog / backlogSeconds)} events/s`,
      }),
      makeFigure({
        id: '12c',
        figure: `lead's first sync of ${n.leadFirst.toLocaleString('en')} events (dashboard open → stored)`,
        unit: 's',
        samples: [firstSeconds],
        goal: '≤ 10 s, progress shown',
        check: (f) => f.median <= 10 && progressSeen,
        digits: 2,
        note: `progress shown: ${progressSeen ? 'yes' : 'no'}; for scale, the same ${rawRecords.toLocaleString('en')} records (one team-events record per interaction and the derived rows) put raw in the worker, ${PULL_BATCH.toLocaleString('en')} events per transaction: ${rawSeconds.toFixed(2)} s`,
      }),
      makeFigure({
        id: '12d',
        figure: `lead's incremental sync of ${n.incremental.toLocaleString('en')} events`,
        unit: 's',
        samples: [incrementalSeconds],
        goal: '≤ 1 s',
        check: (f) => f.median <= 1,
        digits: 2,
      }),
    ];
  } finally {
    await server.stop();
  }
}
