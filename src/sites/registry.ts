/**
 * Every built-in adapter, loaded eagerly — for tests and tools. The content script goes through the
 * lazy table in sites.ts instead (one adapter per page); sites.test.ts checks the two agree.
 */
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
