/**
 * Admin-defined sites (the rep's own, a team bundle's, the policy's `customSites`) get our content
 * script only where the host has been granted at run time (`optional_host_permissions` +
 * `permissions.request` on the options page, once per host) — never up front. A policy cannot grant a
 * host permission; see the README's administrator notes.
 *
 * Like the built-in helpdesks' bundles, the custom-site bundle is injected by the worker once the page
 * has loaded (helpdesk-inject.ts), not registered as a content script: Chromium holds a page's load event
 * back for every registered `document_idle` script too (figure 11). This file keeps the granted patterns.
 */
import browser from 'webextension-polyfill';
import { compileMatchPattern, parseCustomSite } from '../sites/adapters/custom';
import { isPublicSuffix } from '../sites/public-suffix';
import { effectiveConfig } from './config';
import type { InjectedScript } from './helpdesk-scripts';

/** The id earlier versions registered the bundle under (`scripting.registerContentScripts`). */
const LEGACY_SCRIPT_ID = 'resolve-plus-custom-sites';
/** The custom-site bundle (scripts/build.mjs): self-contained, so it needs no web-accessible resources. */
export const CUSTOM_SCRIPT: InjectedScript = { id: 'custom', file: 'content/custom.js' };

type UrlTest = { test(url: string): boolean };

async function grantedPatterns(): Promise<UrlTest[]> {
  const { effective } = await effectiveConfig();
  const patterns: UrlTest[] = [];
  for (const raw of effective.customSites) {
    const parsed = parseCustomSite(raw, { isPublicSuffix });
    if (!parsed.ok) continue;
    if (!(await browser.permissions.contains({ origins: [parsed.config.urlPattern] }))) continue;
    // The custom adapter's own matcher (ports included): the bundle goes exactly where the adapter would claim the page.
    const test = compileMatchPattern(parsed.config.urlPattern);
    if (test) patterns.push(test);
  }
  return patterns;
}

/** The granted patterns, read once per worker start (or per sync) — every tab update asks. */
let granted: Promise<UrlTest[]> | null = null;

/** Re-reads which custom sites are granted (after settings, policy or permissions change); their count. */
export async function syncCustomSites(): Promise<number> {
  const next = grantedPatterns();
  granted = next.catch(() => []);
  // An update from a version that registered the bundle: a registered script would run before load, and twice.
  const legacy = await browser.scripting.getRegisteredContentScripts({ ids: [LEGACY_SCRIPT_ID] }).catch(() => []);
  if (legacy.length) await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] });
  return (await next).length;
}

/** The custom-site bundle if `url` is on a granted custom site (which wins over a built-in helpdesk's), else null. */
export async function customScriptFor(url: string | undefined): Promise<InjectedScript | null> {
  if (!url) return null;
  granted ??= grantedPatterns().catch(() => []);
  const patterns = await granted;
  return patterns.some((p) => p.test(url)) ? CUSTOM_SCRIPT : null;
}
