/**
 * The built-in helpdesks as a light table for the content script: name, hosts, and a loader. The
 * content script checks the host here and then loads only the matching adapter's code, so a Zendesk
 * tab never downloads the other nine adapters, and the options page lists the sites without their code.
 * `registry.ts` holds the same adapters eagerly for tests; sites.test.ts checks the two agree.
 */
import type { HelpdeskId, SiteOverrides } from '../core/ticket/types';
import type { SiteAdapter } from './adapter';
import { type FallbackSource, resilient } from './resilient';

export interface SiteEntry {
  readonly id: Exclude<HelpdeskId, 'custom'>;
  readonly label: string;
  readonly hostPatterns: readonly string[];
  readonly load: () => Promise<SiteAdapter>;
}

export const SITES: readonly SiteEntry[] = [
  { id: 'zendesk',
    label: 'Zendesk',
    hostPatterns: ['https://*.zendesk.com/*'], load: () => import('./adapters/zendesk').then((m) => m.zendesk) },
  { id: 'freshdesk',
    label: 'Freshdesk',
    hostPatterns: ['https://*.freshdesk.com/*'], load: () => import('./adapters/freshdesk').then((m) => m.freshdesk) },
  {
    id: 'salesforce',
    label: 'Salesforce Service Console',
    hostPatterns: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
    load: () => import('./adapters/salesforce').then((m) => m.salesforce),
  },
  {
    id: 'intercom',
    label: 'Intercom',
    hostPatterns: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
    load: () => import('./adapters/intercom').then((m) => m.intercom),
  },
  {
    id: 'hubspot',
    label: 'HubSpot Help Desk',
    hostPatterns: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
    load: () => import('./adapters/hubspot').then((m) => m.hubspot),
  },
  { id: 'helpscout',
    label: 'Help Scout',
    hostPatterns: ['https://secure.helpscout.net/*'], load: () => import('./adapters/helpscout').then((m) => m.helpscout) },
  { id: 'front',
    label: 'Front',
    hostPatterns: ['https://app.frontapp.com/*'], load: () => import('./adapters/front').then((m) => m.front) },
  {
    id: 'zoho',
    label: 'Zoho Desk',
    hostPatterns: ['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp'].map((h) => `https://${h}/*`),
    load: () => import('./adapters/zoho').then((m) => m.zoho),
  },
  { id: 'gorgias',
    label: 'Gorgias',
    hostPatterns: ['https://*.gorgias.com/*'], load: () => import('./adapters/gorgias').then((m) => m.gorgias) },
  { id: 'servicenow',
    label: 'ServiceNow',
    hostPatterns: ['https://*.service-now.com/*'], load: () => import('./adapters/servicenow').then((m) => m.servicenow) },
];

/** Host part of a Chrome match pattern (`https://*.zendesk.com/*`) against a URL; paths here are all `/*`. */
export function hostMatches(url: URL, pattern: string): boolean {
  const host = /^https:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host || url.protocol !== 'https:') return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return url.hostname === base || url.hostname.endsWith(`.${base}`);
  }
  return url.hostname === host;
}

/** The host-matching built-in site's id, without loading its code (to ask for its overrides first). */
export function siteIdFor(url: URL): SiteEntry['id'] | null {
  return SITES.find((site) => site.hostPatterns.some((p) => hostMatches(url, p)))?.id ?? null;
}

/**
 * The adapter for this page: admin-defined sites first, then the built-in one whose host matches;
 * wrapped so it degrades instead of giving up and takes the admin's selector overrides (resilient.ts).
 */
export async function loadAdapterFor(
  url: URL,
  extra: readonly SiteAdapter[] = [],
  disabled: ReadonlySet<HelpdeskId> = new Set(),
  overrides: SiteOverrides = {},
  // The generic fallbacks load lazily in the content script (src/content/lazy/load.ts); none unless given.
  fallbacks: FallbackSource = { get: () => null, request: () => {} },
): Promise<SiteAdapter | null> {
  for (const adapter of extra) if (!disabled.has(adapter.id) && adapter.matches(url)) return resilient(adapter, overrides, fallbacks);
  for (const site of SITES) {
    if (disabled.has(site.id) || !site.hostPatterns.some((p) => hostMatches(url, p))) continue;
    const adapter = await site.load();
    if (adapter.matches(url)) return resilient(adapter, overrides, fallbacks);
  }
  return null;
}
