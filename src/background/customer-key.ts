/**
 * Customer keys are stored only as a salted SHA-256. The salt is per installation (random on first use,
 * created once — see config-salt.ts) unless a team sets a shared one (policy, team bundle or options
 * import) so several reps' exports merge by customer. Hashing happens here, in the worker, and the salt
 * lives in the trusted config store, so it never enters a helpdesk page's process.
 */
import { readPolicy } from '../core/settings/policy';
import { configBackend } from './config-store';
import { createSaltKeeper } from './config-salt';
import { managedPolicy } from './policy';

const hex = (buf: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export const salts = createSaltKeeper(configBackend, async () => readPolicy(await managedPolicy()).hashSalt);

export function currentSalt(): Promise<string> {
  return salts.current();
}

export async function hashCustomerKey(raw: string): Promise<string> {
  const norm = raw.trim().toLowerCase();
  if (!norm) return '';
  const salt = await currentSalt();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${norm}`));
  return hex(digest);
}
