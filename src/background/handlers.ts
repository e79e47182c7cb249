/** The worker's message handlers — thin: validation happened in the router, logic lives in core/storage. */
import browser from 'webextension-polyfill';
import type { Handlers } from '../messaging/router';
import { KEYS } from '../shared/storage-keys';
import { customerHistory, mergeRecords, saveReview } from '../storage/log-repo';
import { parsePlaybook } from '../core/playbook';
import { parseTeamBundle } from '../core/settings/bundle';
import { CONFIG_KEYS } from '../storage/config-repo';
import { parseCustomSite } from '../sites/adapters/custom';
import { bundleSummary, effectiveConfig, importBundle, panelConfig, updateSettings } from './config';
import { readConfigValue, serialized, writeConfigValue } from './config-store';
import { hashCustomerKey, salts } from './customer-key';
import { syncCustomSites } from './custom-sites';
import { db, enqueueEvents } from './db';
import { drainOutboxes } from './outbox-drain';
import { activePlaybooks } from './playbooks';
import { rememberInteractionTab } from './tabs';

async function noteStorage<T>(work: Promise<T>): Promise<T> {
  try {
    const result = await work;
    await browser.storage.local.remove(KEYS.storageProblem);
    return result;
  } catch (err) {
    // Quota exceeded / IndexedDB unavailable: say so where reps and leads look; events stay in outboxes.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await browser.storage.local.set({ [KEYS.storageProblem]: { message, at: Date.now() } }).catch(() => {});
    throw err;
  }
}

/** Once per worker lifetime: store what earlier pages left in the outbox (reloads, closed tabs, crashes). */
let drainedThisLife = false;

export const handlers: Handlers = {
  async 'log/append'({ events }, sender) {
    if (!drainedThisLife) {
      drainedThisLife = true;
      void drainOutboxes().catch(() => (drainedThisLife = false));
    }
    if (sender.tab?.id !== undefined) rememberInteractionTab(sender.tab.id, events);
    return { acked: await noteStorage(enqueueEvents(events)) };
  },
  async 'customer/key'({ raw }) {
    return { key: await hashCustomerKey(raw) };
  },
  async 'customer/history'({ customerKey, interactionId }) {
    return { attempts: await customerHistory(await db(), customerKey, interactionId) };
  },
  'playbook/active': ({ locale }) => activePlaybooks(locale),
  async 'tab/status'({ recognised }, sender) {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) {
      await browser.action.setBadgeText({ tabId, text: recognised ? '✓' : '!' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: recognised ? '#0d6e6e' : '#b3261e' });
    }
    return { ok: true };
  },
  async 'log/merge'(payload) {
    return noteStorage(mergeRecords(await db(), payload));
  },
  async 'custom-sites/sync'() {
    return { registered: await syncCustomSites() };
  },
  async 'review/save'(review) {
    const d = await db();
    // A review of an attempt that is not stored (purged, or a stale page) would be an orphan forever.
    if ((await d.getKey('attempts', review.attemptId)) === undefined) throw new Error(`unknown attempt ${review.attemptId}`);
    const reviewedAt = Date.now();
    await noteStorage(saveReview(d, { ...review, reviewedAt }));
    return { reviewedAt };
  },
  'config/panel': () => panelConfig(),
  async 'config/options'() {
    const { settings, effective, policy, bundle } = await effectiveConfig();
    const [salt, playbooks] = await Promise.all([salts.local(), readConfigValue(CONFIG_KEYS.playbooks)]);
    return { settings, effective, policy: { ...policy }, bundle: bundle && bundleSummary(bundle), salt, playbooks: playbooks ?? null };
  },
  async 'settings/update'(patch) {
    const next = await updateSettings(patch);
    // Custom sites changed: register the content script where hosts are granted.
    if (patch.customSites) await syncCustomSites().catch(() => 0);
    return next;
  },
  async 'playbooks/save'(store) {
    if (store.current !== null && store.current !== undefined) {
      const r = parsePlaybook(store.current);
      if (!r.ok) throw new Error(`playbook not saved: ${r.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    }
    await serialized(() => writeConfigValue(CONFIG_KEYS.playbooks, { ...store, current: store.current ?? null }));
    return { saved: true };
  },
  async 'salt/set'({ salt }) {
    await salts.set(salt);
    return { salt };
  },
  async 'bundle/import'({ bundle }) {
    const r = parseTeamBundle(bundle, (site) => parseCustomSite(site));
    if (!r.ok) throw new Error(`team bundle not imported: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    const stored = await importBundle(r.bundle, (salt) => salts.set(salt));
    await syncCustomSites().catch(() => 0);
    return bundleSummary(stored);
  },
};
