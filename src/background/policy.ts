/**
 * Reads the enterprise policy (`storage.managed`); empty where the browser or platform has none.
 *
 * Chromium's first `storage.managed.get()` after a browser start takes seconds (measured 2.6 s: the
 * policy service loads), which would hold the first ticket's panel hostage. So the worker keeps a mirror
 * of the last policy it read in `storage.local` and answers from it at once, while a live read refreshes
 * the mirror in the background; pages and content scripts re-read their playbook when the mirror changes.
 */
import browser from 'webextension-polyfill';
import { KEYS } from '../shared/storage-keys';

export interface ManagedPolicy {
  playbook?: unknown;
  playbookJson?: unknown;
  retentionDays?: unknown;
  disabledSites?: unknown;
  hashSalt?: unknown;
  siteOverrides?: unknown;
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
      const mirror = (await browser.storage.local.get(KEYS.policyMirror))[KEYS.policyMirror];
      if (JSON.stringify(mirror) !== JSON.stringify(policy)) await browser.storage.local.set({ [KEYS.policyMirror]: policy });
      return policy;
    });
  }
  return live;
}

export async function managedPolicy(): Promise<ManagedPolicy> {
  const fresh = refreshPolicy();
  const mirror = (await browser.storage.local.get(KEYS.policyMirror))[KEYS.policyMirror] as ManagedPolicy | undefined;
  if (mirror) return mirror;
  const timeout = new Promise<ManagedPolicy>((resolve) => setTimeout(() => resolve({}), FIRST_READ_WAIT_MS));
  return Promise.race([fresh, timeout]);
}
