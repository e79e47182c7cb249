/**
 * The built-in helpdesks' product names, as data: pages that must not load adapter code (the dashboard)
 * show these instead of raw ids. src/sites/sites.ts carries the same labels; a unit test keeps them equal.
 */
import type { HelpdeskId } from './types';

export const HELPDESK_NAMES: Readonly<Record<Exclude<HelpdeskId, 'custom'>, string>> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  salesforce: 'Salesforce Service Console',
  intercom: 'Intercom',
  hubspot: 'HubSpot Help Desk',
  helpscout: 'Help Scout',
  front: 'Front',
  zoho: 'Zoho Desk',
  gorgias: 'Gorgias',
  servicenow: 'ServiceNow',
};
