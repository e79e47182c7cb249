/**
 * Admin-defined sites (the rep's own, a team bundle's, the policy's `customSites`) get our content
 * script only where the host has been granted at run time (`optional_host_permissions` +
 * `permissions.request` on the options page, once per host) — never up front. A policy cannot grant a
 * host permission; see the README's administrator notes.
 */
import browser from 'webextension-polyfill';
import { parseCustomSite } from '../sites/adapters/custom';
import { isPublicSuffix } from '../sites/public-suffix';
import { effectiveConfig } from './config';

const SCRIPT_ID = 'resolve-plus-custom-sites';
const CUSTOM_BUNDLE = 'content/custom.js';

export async function syncCustomSites(): Promise<number> {
  const { effective } = await effectiveConfig();
  const patterns: string[] = [];
  for (const raw of effective.customSites) {
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
      { id: SCRIPT_ID, matches: [...new Set(patterns)], js, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return patterns.length;
}
