/** Test helpers for the worker's trusted `config` store (src/storage/config-repo.ts), read inside the worker. */
import type { Page, Worker } from 'playwright-core';
import { readStore } from './harness';

/** One value of the config store, or undefined. */
export async function configValue<T = unknown>(worker: Worker, key: string): Promise<T | undefined> {
  const rows = await readStore<{ key: string; value: unknown }>(worker, 'config');
  return rows.find((r) => r.key === key)?.value as T | undefined;
}

/** Sends a protocol message from an extension page (sender kind 'page') and returns the reply. */
export async function sendFromPage<T = unknown>(page: Page, name: string, payload: unknown): Promise<{ ok: boolean; result?: T; error?: string }> {
  return page.evaluate(([n, p]) => chrome.runtime.sendMessage({ rp: 1, name: n, payload: p }), [name, payload] as const);
}
