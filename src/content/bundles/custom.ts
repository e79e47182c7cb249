/**
 * The content script for admin-defined custom sites, registered at run time with
 * `scripting.registerContentScripts` for the hosts the admin granted. It carries the custom adapter
 * (and the schema library that validates the admin's configuration), no built-in adapter.
 */
import { createCustomAdapter, parseCustomSite } from '../../sites/adapters/custom';
import { runContentScript } from '../index';

void runContentScript(
  (settings) =>
    settings.customSites.flatMap((raw) => {
      const parsed = parseCustomSite(raw);
      return parsed.ok ? [createCustomAdapter(parsed.config)] : [];
    }),
  { yieldToCustomSites: false },
);
