/** The worker's message handlers — thin: validation happened in the router, logic lives in core/storage. */
import browser from 'webextension-polyfill';
import type { Handlers } from '../messaging/router';
import { KEYS } from '../shared/storage-keys';
import { customerHistory, mergeRecords, saveReview } from '../storage/log-repo';
import { hashCustomerKey } from './customer-key';
import { syncCustomSites } from './custom-sites';
import { db, enqueueEvents } from './db';
import { drainOutboxes } from './outbox-drain';
import { activePlaybooks } from './playbooks';
import { rememberInteractionTab } from './tabs';
import { teamHandlers } from './team/handlers';
import { schedulePublish } from './team/sync';

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
    const acked = await noteStorage(enqueueEvents(events));
    schedulePublish();
    return { acked };
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
  ...teamHandlers,
};
