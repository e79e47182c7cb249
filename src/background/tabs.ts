/**
 * Closes interactions whose tab went away as "abandoned". The tab → interaction map lives in
 * `storage.session` so it survives the worker being stopped between the events and the tab closing.
 */
import browser from 'webextension-polyfill';
import type { LogEvent } from '../core/log/types';
import { enqueueEvents } from './db';

const KEY = 'openInteractions';
type OpenMap = Record<string, string[]>; // tabId → interaction ids not ended

async function read(): Promise<OpenMap> {
  return ((await browser.storage.session.get(KEY))[KEY] as OpenMap | undefined) ?? {};
}

let chain: Promise<unknown> = Promise.resolve();
function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => {});
  return next;
}

export function rememberInteractionTab(tabId: number, events: readonly LogEvent[]): void {
  void serial(async () => {
    const map = await read();
    const ids = new Set(map[tabId] ?? []);
    for (const e of events) {
      if (e.type === 'interaction-ended') ids.delete(e.interactionId);
      else ids.add(e.interactionId);
    }
    map[tabId] = [...ids];
    await browser.storage.session.set({ [KEY]: map });
  });
}

export function abandonTab(tabId: number): Promise<void> {
  return serial(async () => {
    const map = await read();
    const ids = map[tabId] ?? [];
    delete map[tabId];
    await browser.storage.session.set({ [KEY]: map });
    if (ids.length === 0) return;
    const now = Date.now();
    // Deterministic ids: abandoning the same interaction twice stores one event.
    await enqueueEvents(
      ids.map((interactionId) => ({ id: `abandon:${interactionId}`, at: now, interactionId, type: 'interaction-ended', reason: 'abandoned' }) as const),
    );
  });
}
