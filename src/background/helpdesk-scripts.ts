/**
 * Which content-script bundle each built-in helpdesk gets, and on which URLs: the one place these match
 * patterns live. They used to be the manifest's `content_scripts`, but Chromium delays a page's load event
 * for any manifest-declared content script, even an empty one (figure 11); the worker now injects the
 * bundle after the page has loaded (helpdesk-inject.ts). Pure data and lookups, unit-tested in Node:
 * every pattern lies within `host_permissions`, every bundle exists, every fixture URL finds its own
 * helpdesk only (test/unit/helpdesk-scripts.test.ts).
 */
import type { HelpdeskId } from '../core/ticket/types';
import { type MatchPattern, parseMatchPattern, urlMatches } from './match-pattern';

/** A bundle the worker injects into a tab (helpdesk-inject.ts): a built-in helpdesk's, or the custom sites'. */
export interface InjectedScript {
  readonly id: HelpdeskId;
  readonly file: string;
}

export interface HelpdeskScript extends InjectedScript {
  readonly id: Exclude<HelpdeskId, 'custom'>;
  /** The helpdesk's agent paths (or the whole host where no agent path is known). */
  readonly matches: readonly string[];
  /** The self-contained bundle scripts/build.mjs writes from src/content/bundles/<id>.ts. */
  readonly file: string;
}

const entry = (id: HelpdeskScript['id'], matches: readonly string[]): HelpdeskScript => ({ id, matches, file: `content/${id}.js` });
const onHosts = (hosts: readonly string[], paths: readonly string[]) => hosts.flatMap((h) => paths.map((p) => `https://${h}${p}`));

export const HELPDESK_SCRIPTS: readonly HelpdeskScript[] = [
  entry('zendesk', ['https://*.zendesk.com/agent/*']),
  entry('freshdesk', ['https://*.freshdesk.com/a/*', 'https://*.freshdesk.com/helpdesk/*']),
  entry('salesforce', ['https://*.lightning.force.com/lightning/*', 'https://*.my.salesforce.com/lightning/*']),
  entry('intercom', onHosts(['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'], ['/a/*'])),
  entry('hubspot', onHosts(['app.hubspot.com', 'app-eu1.hubspot.com'], ['/help-desk/*', '/live-messages/*', '/contacts/*'])),
  entry('helpscout', ['https://secure.helpscout.net/conversation/*', 'https://secure.helpscout.net/mailbox/*']),
  entry('front', ['https://app.frontapp.com/*']),
  entry('zoho', onHosts(['desk.zoho.com', 'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp'], ['/agent/*'])),
  entry('gorgias', ['https://*.gorgias.com/app/*']),
  entry('servicenow', ['https://*.service-now.com/*.do*', 'https://*.service-now.com/now/*']),
];

// Parsed once per worker start; a malformed pattern fails the worker's start-up and the unit tests.
const PARSED: readonly { script: HelpdeskScript; patterns: readonly MatchPattern[] }[] = HELPDESK_SCRIPTS.map((script) => ({
  script,
  patterns: script.matches.map(parseMatchPattern),
}));

/** The helpdesk whose agent pages include `url`, or null (most tabs: the worker does nothing for them). */
export function helpdeskScriptFor(url: string | undefined): HelpdeskScript | null {
  if (!url?.startsWith('https://')) return null;
  return PARSED.find(({ patterns }) => patterns.some((p) => urlMatches(p, url)))?.script ?? null;
}
