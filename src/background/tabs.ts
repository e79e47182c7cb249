/**
 * Closes interactions whose tab went away as "abandoned". The tab → interaction map lives in
 * `storage.session` so it survives the worker being stopped between the events and the tab closing.
 */
import browser from 'webextension-polyfill';
import type { LogEvent } from '../core/log/types';
import type { OpenChat } from '../messaging/protocol';
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
  void forgetChat(tabId);
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

// ——— Live chat: the rep's open conversations in this browser, one per tab ———

const CHATS_KEY = 'openChats';
type ChatRow = Omit<OpenChat, 'current' | 'tabId'> & { readonly at: number };
type ChatMap = Record<string, ChatRow>; // tabId → its conversation

async function readChats(): Promise<ChatMap> {
  return ((await browser.storage.session.get(CHATS_KEY))[CHATS_KEY] as ChatMap | undefined) ?? {};
}

/** Records the sender tab's conversation and stage; returns the open chats (finished ones left out), oldest first. */
export function reportChat(tabId: number, row: Omit<ChatRow, 'at'>): Promise<{ chats: OpenChat[]; changed: boolean }> {
  return serial(async () => {
    const map = await readChats();
    const before = map[tabId];
    const changed = before?.ticketId !== row.ticketId || before.stage !== row.stage || before.helpdesk !== row.helpdesk;
    map[tabId] = { ...row, at: before?.ticketId === row.ticketId ? before.at : Date.now() };
    if (changed) await browser.storage.session.set({ [CHATS_KEY]: map });
    const chats = Object.entries(map)
      .filter(([, r]) => r.stage !== 'finished')
      .sort((a, b) => a[1].at - b[1].at)
      .map(([id, r]) => ({ tabId: Number(id), helpdesk: r.helpdesk, ticketId: r.ticketId, stage: r.stage, current: Number(id) === tabId }));
    return { chats, changed };
  });
}

/** Tells the other chat tabs that the list changed, so their panels ask again (no data in the note). */
export function noteChatsChanged(chats: readonly OpenChat[]): void {
  for (const c of chats) if (!c.current) void browser.tabs.sendMessage(c.tabId, { rp: 1, command: 'chats-changed' }).catch(() => {});
}

/** Brings a chat's tab (and its window) to the front; tabs that never reported a chat are refused. */
export async function focusChat(tabId: number): Promise<boolean> {
  if (!(String(tabId) in (await readChats()))) return false;
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  return true;
}

function forgetChat(tabId: number): Promise<void> {
  return serial(async () => {
    const map = await readChats();
    if (!(String(tabId) in map)) return;
    delete map[tabId];
    await browser.storage.session.set({ [CHATS_KEY]: map });
  });
}
