/**
 * Opens the log database. Only extension contexts call this (the service worker writes; extension pages
 * may read) — never a content script, whose IndexedDB would belong to the helpdesk's origin.
 * Every connection closes itself on `versionchange`, so an upgrade in another context never hangs.
 */
import { type IDBPDatabase, openDB } from 'idb';
import { DB_NAME, DB_VERSION, type ResolvePlusDB, UPGRADE_STEPS } from './schema';

export type LogDB = IDBPDatabase<ResolvePlusDB>;

export async function openLogDB(
  opts: { name?: string; version?: number; onClosed?: () => void } = {},
): Promise<LogDB> {
  const version = opts.version ?? DB_VERSION;
  const db = await openDB<ResolvePlusDB>(opts.name ?? DB_NAME, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < version; v++) UPGRADE_STEPS[v]?.(db, tx);
    },
    blocking() {
      db.close();
      opts.onClosed?.();
    },
    terminated() {
      opts.onClosed?.();
    },
  });
  return db;
}
