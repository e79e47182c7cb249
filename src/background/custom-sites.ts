/**
 * Admin-defined sites get our content script only after the admin granted that host at run time
 * (`optional_host_permissions` + `permissions.request` on the options page) — never up front.
 */
import browser from 'webextension-polyfill';
import { migrateSettings } from '../core/settings/settings';
import { KEYS } from '../shared/storage-keys';
import { parseCustomSite } from '../sites/adapters/custom';
import { isPublicSuffix } from '../sites/public-suffix';

const SCRIPT_ID = 'resolve-plus-custom-sites';
const CUSTOM_BUNDLE = 'content/custom.js';

export async function syncCustomSites(): Promise<number> {
  const settings = migrateSettings((await browser.storage.local.get(KEYS.settings))[KEYS.settings]);
  const patterns: string[] = [];
  for (const raw of settings.customSites) {
    const parsed = parseCustomSite(raw, { isPublicSuffix });
    if (!parsed.ok) continue;
    if (await browser.permissions.contains({ origins: [parsed.config.urlPattern] })) patterns.push(parsed.config.urlPattern);
  }
  // The custom-site bundle (scripts/build.mjs): self-contained, so it needs no web-accessible resources.
  const js = [CUSTOM_BUNDLE];
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (patterns.length && js.length) {
    await browser.scripting.registerContentScripts([
      { id: SCRIPT_ID, matches: patterns, js, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return patterns.length;
}
