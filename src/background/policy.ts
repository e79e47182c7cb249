/**
 * Reads the enterprise policy (`storage.managed`); empty where the browser or platform has none.
 *
 * Chromium's first `storage.managed.get()` after a browser start takes seconds (measured 2.6 s: the
 * policy service loads), which would hold the first ticket's panel hostage. So the worker keeps a mirror
 * of the last policy it read and answers from it at once, while a live read refreshes the mirror in the
 * background. The mirror lives in the trusted `config` store (it used to be in `storage.local`, where a
 * content script could plant a policy that was trusted ahead of the live one); panels and pages re-ask
 * when the worker's change counter moves.
 */
import browser from 'webextension-polyfill';
import { CONFIG_KEYS } from '../storage/config-repo';
import { readConfigValue, writeConfigValue } from './config-store';

export interface ManagedPolicy {
  playbook?: unknown;
  playbookJson?: unknown;
  /** Several playbooks; the first whose `appliesTo` matches a ticket runs (by helpdesk, channel, tag, product). */
  playbooks?: unknown;
  retentionDays?: unknown;
  disabledSites?: unknown;
  hashSalt?: unknown;
  siteOverrides?: unknown;
  /** The rep id for this browser (one policy per rep or per OU); wins over what the rep types. */
  repId?: unknown;
  /** Custom helpdesks, same shape as the options page's; the host permission is granted separately. */
  customSites?: unknown;
  /** Team-mode configuration (read by team mode as `managedPolicy().team`). */
  team?: unknown;
}

/** How long a first-ever read (no mirror yet) may wait for the live policy before answering without it. */
const FIRST_READ_WAIT_MS = 300;

let live: Promise<ManagedPolicy> | null = null;

async function readLive(): Promise<ManagedPolicy> {
  try {
    // Firefox without a policies.json, or a profile without policy, may answer with an error.
    return ((await browser.storage.managed?.get()) ?? {}) as ManagedPolicy;
  } catch {
    return {};
  }
}

/** Reads the live policy once per worker life (or after a policy change) and updates the mirror. */
export function refreshPolicy(force = false): Promise<ManagedPolicy> {
  if (!live || force) {
    live = readLive().then(async (policy) => {
      const mirror = await readConfigValue(CONFIG_KEYS.policyMirror);
      if (JSON.stringify(mirror) !== JSON.stringify(policy)) await writeConfigValue(CONFIG_KEYS.policyMirror, policy);
      return policy;
    });
  }
  return live;
}

export async function managedPolicy(): Promise<ManagedPolicy> {
  const fresh = refreshPolicy();
  const mirror = (await readConfigValue(CONFIG_KEYS.policyMirror)) as ManagedPolicy | undefined;
  if (mirror && typeof mirror === 'object') return mirror;
  const timeout = new Promise<ManagedPolicy>((resolve) => setTimeout(() => resolve({}), FIRST_READ_WAIT_MS));
  return Promise.race([fresh, timeout]);
}
