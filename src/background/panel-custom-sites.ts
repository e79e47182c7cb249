/**
 * The custom sites a content script gets (`config/panel`): only those that pass the same check as their
 * registration (custom-sites.ts), already parsed. The custom-site bundle uses them as they come and so
 * carries no schema library (content-script budget, README figure 1a).
 */
import { type CustomSiteConfig, parseCustomSite } from '../sites/adapters/custom';
import { isPublicSuffix } from '../sites/public-suffix';

export function validCustomSites(raw: readonly unknown[]): CustomSiteConfig[] {
  return raw.flatMap((site) => {
    const parsed = parseCustomSite(site, { isPublicSuffix });
    return parsed.ok ? [parsed.config] : [];
  });
}
