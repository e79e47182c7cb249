/**
 * Figure 6: the worker's logging path. From an extension page (the popup), `log/append` messages carry
 * valid LogEvents (whole interactions: start, steps, resolution, moves, outcome, wrap-up, end):
 *  - paced: 1,000 events/s in batches of 10 every 10 ms for N seconds; each batch's acknowledgement
 *    latency (send → reply with every id acked);
 *  - throughput: as fast as possible, batches of 200, one in flight;
 *  - baseline (the fair limit): the same records the product stored (events and the derived rows), put
 *    raw in the worker into a scratch database with the product's stores and indexes, batches of 200
 *    events (see rawPuts), which holds the same earlier records as the product's log when each run starts.
 */
import type { Page, Worker } from 'playwright-core';
import type { LogEvent } from '../../src/core/log/types';
import { messagingPage, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { checkSample, makeEvents } from '../lib/data';
import { type Figure, makeFigure } from '../lib/report';
import { median, sleep } from '../lib/stats';

/** Stores the worker derives from events (keyed by interaction id or indexed by it). */
export const DERIVED_STORES = ['interactions', 'attempts', 'wrapups'];

interface Paced {
  latencies: number[];
  failures: number;
  sentPerSecond: number;
}

/** Extension page: sends `events` at `rate`/s in batches of `batch`; resolves with each batch's ack latency. */
async function pacedSend(arg: { events: LogEvent[]; rate: number; batch: number }): Promise<Paced> {
  const { events, rate, batch } = arg;
  const latencies: number[] = [];
  let failures = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  while (sent < events.length) {
    const due = Math.min(events.length, Math.floor(((performance.now() - start) * rate) / 1000));
    while (sent + batch <= due || (due === events.length && sent < due)) {
      const part = events.slice(sent, sent + batch);
      sent += part.length;
      const t0 = performance.now();
      inFlight.push(
        chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: part } }).then(
          (reply: { ok: boolean; result?: { acked: string[] } }) => {
            if (reply?.ok && reply.result?.acked.length === part.length) latencies.push(performance.now() - t0);
            else failures++;
          },
          () => {
            failures++;
          },
        ),
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const elapsed = performance.now() - start;
  await Promise.all(inFlight);
  return { latencies, failures, sentPerSecond: (events.length / elapsed) * 1000 };
}

/** Extension page: sends batches of `batch` one after another; events/s from first send to last ack. */
async function burstSend(arg: { events: LogEvent[]; batch: number }): Promise<{ perSecond: number; failures: number }> {
  let failures = 0;
  const t0 = performance.now();
  for (let i = 0; i < arg.events.length; i += arg.batch) {
    const part = arg.events.slice(i, i + arg.batch);
    const reply = (await chrome.runtime.sendMessage({ rp: 1, name: 'log/append', payload: { events: part } })) as { ok: boolean; result?: { acked: string[] } };
    if (!reply?.ok || reply.result?.acked.length !== part.length) failures++;
  }
  return { perSecond: (arg.events.length / (performance.now() - t0)) * 1000, failures };
}

/**
 * Worker: the fair limit for the logging path. Reads back every record the product stored for these
 * interactions (the events and the derived interaction, attempt and wrap-up rows), then writes exactly
 * those records, in batches of `batch` events with each interaction's derived rows alongside its events,
 * into a scratch database whose stores and indexes are copied from the product's own database. No
 * validation, no derivation, no outbox: only the puts.
 */
export async function rawPuts(arg: {
  interactionIds: string[];
  batch: number;
  db: string;
  derivedStores: string[];
  /** Keep the scratch database for the next call (6b: it grows as the product's log does); else it is deleted. */
  keep?: boolean;
}): Promise<{ perSecond: number; records: number; eventsHeld: number }> {
  const req = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const product = await req(indexedDB.open('resolve-plus'));
  const stores = ['events', ...arg.derivedStores].filter((n) => product.objectStoreNames.contains(n));
  // What the product wrote for these interactions, per interaction.
  const byInteraction = new Map<string, Record<string, unknown[]>>();
  const read = product.transaction(stores, 'readonly');
  for (const id of arg.interactionIds) {
    const rows: Record<string, unknown[]> = {};
    for (const name of stores) {
      const store = read.objectStore(name);
      const viaIndex = store.indexNames.contains('by-interaction');
      rows[name] = viaIndex ? await req(store.index('by-interaction').getAll(id)) : [await req(store.get(id))].filter((x) => x !== undefined);
    }
    byInteraction.set(id, rows);
  }
  // The product's schema, store by store and index by index.
  const schema = stores.map((name) => {
    const st = read.objectStore(name);
    const indexes = [...st.indexNames].map((i) => {
      const ix = st.index(i);
      return { name: i, keyPath: ix.keyPath, unique: ix.unique, multiEntry: ix.multiEntry };
    });
    return { name, keyPath: st.keyPath, autoIncrement: st.autoIncrement, indexes };
  });
  product.close();
  // A kept database keeps its connection open too, as the product's worker keeps its own for its life.
  const scratch = globalThis as { rpBenchScratch?: IDBDatabase };
  const openScratch = () => {
    const open = indexedDB.open(arg.db, 1);
    open.onupgradeneeded = () => {
      for (const s of schema) {
        const st = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) st.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    return req(open);
  };
  const db = scratch.rpBenchScratch?.name === arg.db ? scratch.rpBenchScratch : await openScratch();
  // Batches: `batch` events each (in the order they were sent), an interaction's derived rows with its first batch.
  const batches: Record<string, unknown[]>[] = [];
  let current: Record<string, unknown[]> = Object.fromEntries(stores.map((n) => [n, []]));
  let events = 0;
  let records = 0;
  for (const rows of byInteraction.values()) {
    for (const name of stores) {
      current[name]!.push(...rows[name]!);
      records += rows[name]!.length;
    }
    events += rows.events!.length;
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
        for (const row of b[name]!) store.put(row);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const total = [...byInteraction.values()].reduce((n, rows) => n + rows.events!.length, 0);
  const perSecond = (total / (performance.now() - t0)) * 1000;
  const eventsHeld = await req(db.transaction('events').objectStore('events').count());
  if (arg.keep) scratch.rpBenchScratch = db;
  else {
    db.close();
    await new Promise((r) => {
      const del = indexedDB.deleteDatabase(arg.db);
      del.onsuccess = del.onerror = del.onblocked = r;
    });
  }
  return { perSecond, records, eventsHeld };
}

/** Worker: deletes the baseline's scratch database (before the prefill, and once the figure is done). */
async function dropScratch(name: string): Promise<void> {
  const scratch = globalThis as { rpBenchScratch?: IDBDatabase };
  scratch.rpBenchScratch?.close();
  scratch.rpBenchScratch = undefined;
  await new Promise((r) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = del.onblocked = r;
  });
}

async function stored(worker: Worker): Promise<number> {
  return worker.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('resolve-plus');
        req.onsuccess = () => {
          const c = req.result.transaction('events').objectStore('events').count();
          c.onsuccess = () => {
            req.result.close();
            resolve(c.result);
          };
        };
        req.onerror = () => resolve(-1);
      }),
  );
}

export async function eventLoggingFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(async (l) => {
    const page: Page = await messagingPage(l);
    // Warm-up: opens the database (first use creates it), JIT.
    const warm = makeEvents('bench-warm', 220);
    checkSample({}, warm);
    await page.evaluate(burstSend, { events: warm, batch: 20 });
    const pacedEvents = makeEvents('bench-paced', sizes.logRate * sizes.logSeconds);
    const paced = await page.evaluate(pacedSend, { events: pacedEvents, rate: sizes.logRate, batch: 10 });
    log(`  paced: ${paced.latencies.length} batches at ${paced.sentPerSecond.toFixed(0)} events/s, ack median ${median(paced.latencies)?.toFixed(1)} ms, ${paced.failures} failures`);
    await sleep(500);
    // Like for like: the product writes each run into a log that already holds the warm-up, the paced
    // events and every earlier run's; the baseline writes into one scratch database that holds the same
    // records (these put first, untimed; then each run's own, as the product's log grows).
    const rawDb = 'rp-bench-raw';
    const earlier = [...new Set([...warm, ...pacedEvents].map((e) => e.interactionId))];
    await l.worker.evaluate(dropScratch, rawDb);
    await l.worker.evaluate(rawPuts, { interactionIds: earlier, batch: 200, db: rawDb, derivedStores: DERIVED_STORES, keep: true });
    const product: number[] = [];
    const raw: number[] = [];
    let rawRecords = 0;
    let failures = paced.failures;
    for (let r = 0; r < sizes.throughputRuns; r++) {
      const events = makeEvents(`bench-burst-${r}`, sizes.throughputEvents);
      const burst = await page.evaluate(burstSend, { events, batch: 200 });
      failures += burst.failures;
      product.push(burst.perSecond);
      const interactionIds = [...new Set(events.map((e) => e.interactionId))];
      const fair = await l.worker.evaluate(rawPuts, { interactionIds, batch: 200, db: rawDb, derivedStores: DERIVED_STORES, keep: true });
      raw.push(fair.perSecond);
      // Like for like or no figure: the baseline's database must hold what the product's log holds.
      const inLog = await stored(l.worker);
      if (fair.eventsHeld !== inLog) throw new Error(`6b baseline not like for like: scratch database holds ${fair.eventsHeld} events, the log ${inLog}`);
      rawRecords = fair.records;
      log(`  throughput run ${r + 1}: log/append ${burst.perSecond.toFixed(0)} events/s, raw puts of the same ${fair.records} records ${fair.perSecond.toFixed(0)} events/s`);
    }
    await l.worker.evaluate(dropScratch, rawDb);
    const expected = warm.length + pacedEvents.length + sizes.throughputRuns * sizes.throughputEvents;
    const count = await stored(l.worker);
    await page.close();
    const ok = failures === 0 && count === expected;
    return [
      makeFigure({
        id: '6a',
        figure: `log/append ack latency at ${sizes.logRate.toLocaleString('en-US')} events/s (${sizes.logSeconds} s)`,
        unit: 'ms',
        samples: paced.latencies,
        goal: 'p99 ≤ 250 ms',
        check: (f) => (f.p99 ?? Number.POSITIVE_INFINITY) <= 250 && ok,
        withP99: true,
        digits: 1,
        note: `from an extension page, batches of 10 every 10 ms (${paced.sentPerSecond.toFixed(0)} events/s sent), ${paced.latencies.length} batches; ${count} of ${expected} events stored${failures ? `; ${failures} batches failed` : ''}`,
      }),
      makeFigure({
        id: '6b',
        figure: 'log/append throughput, batches of 200',
        unit: 'events/s',
        samples: product,
        baselineSamples: raw,
        goal: '≥ 0.7× raw batched puts, same stores and indexes',
        check: (f) => (f.ratio ?? 0) >= 0.7 && ok,
        digits: 0,
        note: `${sizes.throughputRuns} runs × ${sizes.throughputEvents.toLocaleString('en-US')} events, one message in flight; baseline = the ${rawRecords.toLocaleString('en-US')} records the product stored for those events (events + ${DERIVED_STORES.join(', ')} rows) put raw in the worker, 200 events' worth per transaction, into a scratch database with the product's stores and indexes holding the same earlier records as the product's log (warm-up, paced events, earlier runs)`,
      }),
    ];
  });
}
