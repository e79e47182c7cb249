/**
 * Trusted key → value configuration in the extension's own IndexedDB (`config` store): settings,
 * playbooks, the policy mirror, the customer-key salt, the team configuration. Content scripts cannot
 * reach this database (theirs would belong to the helpdesk's origin) — that is why trusted state lives
 * here and not in `storage.local`, which every content script can read and write.
 * The worker writes; extension pages may read. Callers validate what they read: a value is `unknown`.
 */
import type { LogDB } from './open';

/** Every key of the `config` store and what it holds. */
export const CONFIG_KEYS = {
  /** `Settings` (src/core/settings/settings.ts), the rep's own choices. */
  settings: 'settings',
  /** Local playbooks `{ current, history, savedAt }` (src/pages/options/versions.ts). */
  playbooks: 'playbooks',
  /** This installation's customer-key salt (hex), unless policy sets one. */
  salt: 'hashSalt',
  /** The last enterprise policy the worker read (src/background/policy.ts). */
  policyMirror: 'policyMirror',
  /** The imported team bundle, validated (src/core/settings/bundle.ts) minus `team` and the salt. */
  bundle: 'teamBundle',
  /** Team-mode configuration object (owned by team mode; from a bundle import or its own page). */
  team: 'team',
  /** Set once the values kept in `storage.local` by earlier versions were moved here. */
  legacyMoved: 'legacyMoved',
} as const;

export async function readConfig(db: LogDB, key: string): Promise<unknown> {
  return (await db.get('config', key))?.value;
}

export async function writeConfig(db: LogDB, key: string, value: unknown): Promise<void> {
  await db.put('config', { key, value, updatedAt: Date.now() });
}

export async function deleteConfig(db: LogDB, key: string): Promise<void> {
  await db.delete('config', key);
}
