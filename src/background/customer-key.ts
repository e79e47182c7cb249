/**
 * Customer keys are stored only as a salted SHA-256. The salt is per installation (random on first use)
 * unless a team sets a shared one (policy or options import) so several reps' exports merge by customer.
 * Hashing happens here, in the worker, so the salt never enters a helpdesk page's process.
 */
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';
import { managedPolicy } from './policy';

const hex = (buf: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

export async function currentSalt(): Promise<string> {
  const managed = (await managedPolicy()).hashSalt;
  if (typeof managed === 'string' && /^[0-9a-f]{16,128}$/i.test(managed)) return managed.toLowerCase();
  const stored = (await browser.storage.local.get(KEYS.hashSalt))[KEYS.hashSalt];
  if (typeof stored === 'string' && stored) return stored;
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  await browser.storage.local.set({ [KEYS.hashSalt]: salt });
  return salt;
}

export async function hashCustomerKey(raw: string): Promise<string> {
  const norm = raw.trim().toLowerCase();
  if (!norm) return '';
  const salt = await currentSalt();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${norm}`));
  return hex(digest);
}
