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
import { compileMatchPattern, parseCustomSite, patternNamesHost } from '../sites/adapters/custom';
import { isPublicSuffix } from '../sites/public-suffix';
import { effectiveConfig } from './config';
import type { InjectedScript } from './helpdesk-scripts';

/** The id earlier versions registered the bundle under (`scripting.registerContentScripts`). */
const LEGACY_SCRIPT_ID = 'resolve-plus-custom-sites';
/** The custom-site bundle (scripts/build.mjs): self-contained, so it needs no web-accessible resources. */
export const CUSTOM_SCRIPT: InjectedScript = { id: 'custom', file: 'content/custom.js' };

type UrlTest = { test(url: string): boolean };

interface CustomSites {
  /** The granted sites' URL patterns: where the custom-site bundle goes. */
  readonly granted: UrlTest[];
  /** Every valid site's pattern, granted or not: a built-in helpdesk's bundle stays off these hosts. */
  readonly patterns: string[];
}

async function readCustomSites(): Promise<CustomSites> {
  const { effective } = await effectiveConfig();
  const sites: CustomSites = { granted: [], patterns: [] };
  const patterns = sites.granted;
  for (const raw of effective.customSites) {
    const parsed = parseCustomSite(raw, { isPublicSuffix });
    if (!parsed.ok) continue;
    sites.patterns.push(parsed.config.urlPattern);
    if (!(await browser.permissions.contains({ origins: [parsed.config.urlPattern] }))) continue;
    // The custom adapter's own matcher (ports included): the bundle goes exactly where the adapter would claim the page.
    const test = compileMatchPattern(parsed.config.urlPattern);
    if (test) patterns.push(test);
  }
  return sites;
}

const NONE: CustomSites = { granted: [], patterns: [] };
/** The custom sites, read once per worker start (or per sync) — every tab update asks. */
let current: Promise<CustomSites> | null = null;

/** Re-reads which custom sites are granted (after settings, policy or permissions change); their count. */
export async function syncCustomSites(): Promise<number> {
  const next = readCustomSites();
  current = next.catch(() => NONE);
  // An update from a version that registered the bundle: a registered script would run before load, and twice.
  const legacy = await browser.scripting.getRegisteredContentScripts({ ids: [LEGACY_SCRIPT_ID] }).catch(() => []);
  if (legacy.length) await browser.scripting.unregisterContentScripts({ ids: [LEGACY_SCRIPT_ID] });
  return (await next).granted.length;
}

/**
 * What the admin's sites say about `url`: the custom-site bundle where a granted site's pattern covers it
 * (it wins over a built-in helpdesk's), `'host-taken'` where a site names the URL's host but does not cover
 * this URL (an admin's site takes the whole host: no built-in bundle either), otherwise null.
 */
export async function customSitesAt(url: string | undefined): Promise<InjectedScript | 'host-taken' | null> {
  if (!url) return null;
  current ??= readCustomSites().catch(() => NONE);
  const sites = await current;
  if (sites.granted.some((p) => p.test(url))) return CUSTOM_SCRIPT;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return sites.patterns.some((p) => patternNamesHost(p, host)) ? 'host-taken' : null;
}
