/**
 * The rep id the worker stamps on every `interaction-started`: read from the rep's trusted settings by
 * the worker, never taken from a page. Other engineers move settings into the IndexedDB `config` store;
 * only this function's body changes then.
 */
import browser from 'webextension-polyfill';
import { migrateSettings } from '../core/settings/settings';
import { KEYS } from '../shared/storage-keys';

export async function trustedRepId(): Promise<string> {
  const settings = migrateSettings((await browser.storage.local.get(KEYS.settings))[KEYS.settings]);
  return settings.repId || 'unknown';
}
