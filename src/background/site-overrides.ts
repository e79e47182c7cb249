/**
 * Admin selector overrides for the helpdesk adapters, served to content scripts by message: the
 * enterprise policy's `siteOverrides` (validated here, bad entries dropped and reported) so a markup change
 * is patched for the whole team without a release. Content scripts get only their own helpdesk's entry.
 */
import { type OverrideError, parseSiteOverrides } from '../core/ticket/overrides';
import type { HelpdeskId, SiteOverrides } from '../core/ticket/types';
import { managedPolicy } from './policy';

export async function siteOverridesFor(helpdesk: HelpdeskId): Promise<{ overrides: SiteOverrides; errors: OverrideError[] }> {
  const policy = (await managedPolicy()) as { siteOverrides?: unknown };
  const { overrides, errors } = parseSiteOverrides(policy.siteOverrides);
  return { overrides: overrides[helpdesk] ?? {}, errors };
}
