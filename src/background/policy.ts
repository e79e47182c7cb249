/** Reads the enterprise policy (`storage.managed`); empty where the browser or platform has none. */
import browser from 'webextension-polyfill';

export interface ManagedPolicy {
  playbook?: unknown;
  playbookJson?: unknown;
  retentionDays?: unknown;
  disabledSites?: unknown;
  hashSalt?: unknown;
}

export async function managedPolicy(): Promise<ManagedPolicy> {
  try {
    // Firefox without a policies.json, or a test profile without policy, answers with an error.
    return ((await browser.storage.managed?.get()) ?? {}) as ManagedPolicy;
  } catch {
    return {};
  }
}
