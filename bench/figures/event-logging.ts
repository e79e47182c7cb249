/**
 * Figure 6: the worker's logging path. From an extension page (the popup), `log/append` messages carry
 * valid LogEvents (whole interactions: start, steps, resolution, moves, outcome, wrap-up, end):
 *  - paced: 1,000 events/s in batches of 10 every 10 ms for N seconds; each batch's acknowledgement
 *    latency (send → reply with every id acked);
 *  - throughput: as fast as possible, batches of 200, one in flight;
 *  - baseline: raw IndexedDB puts of the same events in the worker (`worker.evaluate`), a separate
 *    database with the events store's shape (key path + the two indexes), transactions of 200.
 */
import type { Page, Worker } from 'playwright-core';
import type { LogEvent } from '../../src/core/log/types';
import { messagingPage, withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { checkSample, makeEvents } from '../lib/data';
import { type Figure, makeFigure } from '../lib/report';
import { median, sleep } from '../lib/stats';

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

/** Worker: raw batched puts into a scratch database shaped like the events store. */
async function rawPuts(arg: { events: unknown[]; batch: number; db: string }): Promise<number> {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(arg.db, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore('events', { keyPath: 'id' });
        store.createIndex('by-interaction', 'interactionId');
        store.createIndex('by-at', 'at');
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  const db = await open();
  const t0 = performance.now();
  for (let i = 0; i < arg.events.length; i += arg.batch) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      for (const e of arg.events.slice(i, i + arg.batch)) store.put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const perSecond = (arg.events.length / (performance.now() - t0)) * 1000;
  db.close();
  await new Promise((r) => {
    const del = indexedDB.deleteDatabase(arg.db);
    del.onsuccess = del.onerror = del.onblocked = r;
  });
  return perSecond;
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
    const product: number[] = [];
    const raw: number[] = [];
    let failures = paced.failures;
    for (let r = 0; r < sizes.throughputRuns; r++) {
      const events = makeEvents(`bench-burst-${r}`, sizes.throughputEvents);
      const burst = await page.evaluate(burstSend, { events, batch: 200 });
      failures += burst.failures;
      product.push(burst.perSecond);
      raw.push(await l.worker.evaluate(rawPuts, { events, batch: 200, db: `rp-bench-raw-${r}` }));
      log(`  throughput run ${r + 1}: log/append ${burst.perSecond.toFixed(0)} events/s, raw puts ${raw[r]!.toFixed(0)} events/s`);
    }
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
        goal: '≥ 0.5× raw IndexedDB puts',
        check: (f) => (f.ratio ?? 0) >= 0.5 && ok,
        digits: 0,
        note: `${sizes.throughputRuns} runs × ${sizes.throughputEvents.toLocaleString('en-US')} events, one message in flight; baseline = raw puts of the same events in the worker (separate database, events store's key path and indexes, transactions of 200)`,
      }),
    ];
  });
}
