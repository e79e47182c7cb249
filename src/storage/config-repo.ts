/**
 * Trusted key → value configuration in the extension's own IndexedDB (`config` store): settings,
 * playbooks, the policy mirror, the customer-key salt, the team configuration. Content scripts cannot
 * reach this database (theirs would belong to the helpdesk's origin) — that is why trusted state lives
 * here and not in `storage.local`, which every content script can read and write.
 * The worker writes; extension pages may read. Callers validate what they read: a value is `unknown`.
 */
import type { LogDB } from './open';

export async function readConfig(db: LogDB, key: string): Promise<unknown> {
  return (await db.get('config', key))?.value;
}

export async function writeConfig(db: LogDB, key: string, value: unknown): Promise<void> {
  await db.put('config', { key, value, updatedAt: Date.now() });
}

export async function deleteConfig(db: LogDB, key: string): Promise<void> {
  await db.delete('config', key);
}
