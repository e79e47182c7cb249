/**
 * Admin selector overrides for the helpdesk adapters, served to content scripts by message so a markup
 * change is patched for the whole team in minutes, without a release: the enterprise policy's
 * `siteOverrides` first, then the ones saved on the options page (kept in the trusted config store, which
 * content scripts cannot reach). Both are validated here; bad entries are dropped and reported by path.
 * Content scripts get only their own helpdesk's entry.
 */
import { mergeOverrides, type OverrideError, type OverridesByHelpdesk, parseSiteOverrides } from '../core/ticket/overrides';
import { HELPDESK_IDS, type HelpdeskId, type SiteOverrides } from '../core/ticket/types';
import { readConfig, writeConfig } from '../storage/config-repo';
import { db } from './db';
import { managedPolicy } from './policy';

const CONFIG_KEY = 'siteOverrides';

async function saved(): Promise<OverridesByHelpdesk> {
  return parseSiteOverrides(await readConfig(await db(), CONFIG_KEY).catch(() => undefined)).overrides;
}

async function fromPolicy(): Promise<{ overrides: OverridesByHelpdesk; errors: OverrideError[] }> {
  const policy = (await managedPolicy()) as { siteOverrides?: unknown };
  return parseSiteOverrides(policy.siteOverrides);
}

/** One helpdesk's overrides, policy selectors first; the policy's errors so the options page can show them. */
export async function siteOverridesFor(helpdesk: HelpdeskId): Promise<{ overrides: SiteOverrides; errors: OverrideError[] }> {
  const [policy, local] = await Promise.all([fromPolicy(), saved()]);
  return { overrides: mergeOverrides(policy.overrides[helpdesk], local[helpdesk]), errors: policy.errors };
}

/** Everything, for the options page: the policy's (read-only there) and the locally saved ones. */
export async function allSiteOverrides(): Promise<{ policy: OverridesByHelpdesk; local: OverridesByHelpdesk; errors: OverrideError[] }> {
  const [policy, local] = await Promise.all([fromPolicy(), saved()]);
  return { policy: policy.overrides, local, errors: policy.errors };
}

/** Replace the options page's overrides; nothing is stored when any entry is invalid. */
export async function saveSiteOverrides(input: unknown): Promise<{ errors: OverrideError[] }> {
  const { overrides, errors } = parseSiteOverrides(input);
  if (errors.length) return { errors };
  const clean: OverridesByHelpdesk = {};
  for (const id of HELPDESK_IDS) if (overrides[id]) clean[id] = overrides[id];
  await writeConfig(await db(), CONFIG_KEY, clean);
  return { errors: [] };
}
