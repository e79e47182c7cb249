/**
 * URL → adapter. Adding a helpdesk = one adapter file, its fixtures, and one line in BUILT_IN_ADAPTERS.
 * Custom (admin-defined) sites are built from settings at run time and checked first, so an admin can
 * override a built-in match.
 */
import type { HelpdeskId } from '../core/ticket/types';
import type { SiteAdapter } from './adapter';
import { freshdesk } from './adapters/freshdesk';
import { front } from './adapters/front';
import { gorgias } from './adapters/gorgias';
import { servicenow } from './adapters/servicenow';
import { zoho } from './adapters/zoho';
import { helpscout } from './adapters/helpscout';
import { hubspot } from './adapters/hubspot';
import { intercom } from './adapters/intercom';
import { salesforce } from './adapters/salesforce';
import { zendesk } from './adapters/zendesk';

export const BUILT_IN_ADAPTERS: readonly SiteAdapter[] = [
  zendesk,
  freshdesk,
  salesforce,
  intercom,
  hubspot,
  helpscout,
  front,
  zoho,
  gorgias,
  servicenow,
];

export function adapterFor(
  url: URL,
  extra: readonly SiteAdapter[] = [],
  disabled: ReadonlySet<HelpdeskId> = new Set(),
): SiteAdapter | null {
  for (const adapter of [...extra, ...BUILT_IN_ADAPTERS]) {
    if (disabled.has(adapter.id)) continue;
    if (adapter.matches(url)) return adapter;
  }
  return null;
}
