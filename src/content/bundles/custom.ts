/**
 * The content script for admin-defined custom sites, registered at run time with
 * `scripting.registerContentScripts` for the hosts the admin granted. It carries the custom adapter, no
 * built-in adapter, and no schema library: the worker validates the admin's configuration and serves
 * only valid sites (`config/panel`, src/background/rep-id.ts); the adapter still refuses a risky id regex.
 */
import { type CustomSiteConfig, createCustomAdapter } from '../../sites/adapters/custom';
import { runContentScript } from '../index';

void runContentScript((settings) => (settings.customSites as readonly CustomSiteConfig[]).map(createCustomAdapter));
