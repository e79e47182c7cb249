/** The worker's message handlers — thin: validation happened in the router, logic lives in core/storage. */
import browser from 'webextension-polyfill';
import { type Binding, clampStart, refusal, stampRep } from '../core/log/trust';
import type { LogEvent } from '../core/log/types';
import type { Handlers, SenderInfo } from '../messaging/router';
import { KEYS } from '../shared/storage-keys';
import { getBinding, getBindings, putBinding } from '../storage/bindings';
import { listRejected, rebuildFromLog } from '../storage/ingest';
import { customerHistory, mergeRecords, saveReview } from '../storage/log-repo';
import { writeClipboard } from './clipboard';
import { parsePlaybook } from '../core/playbook';
import { parseTeamBundle } from '../core/settings/bundle';
import { CONFIG_KEYS } from '../storage/config-repo';
import { parseCustomSite } from '../sites/adapters/custom';
import { bundleSummary, effectiveConfig, importBundle, updateSettings } from './config';
import { readConfigValue, serialized, writeConfigValue } from './config-store';
import { hashCustomerKey, salts } from './customer-key';
import { syncCustomSites } from './custom-sites';
import { db, enqueueEvents } from './db';
import { drainOutboxes } from './outbox-drain';
import { evaluateTicket } from './evaluate';
import { newMacKey } from './mac-keys';
import { activePlaybooks } from './playbooks';
import { panelConfigWithRep, trustedRepId } from './rep-id';
import { injectLazyBundle } from './lazy-inject';
import { allSiteOverrides, saveSiteOverrides, siteOverridesFor } from './site-overrides';
import { focusChat, noteChatsChanged, rememberInteractionTab, reportChat } from './tabs';
import { teamHandlers } from './team/handlers';
import { schedulePublish } from './team/sync';
import { queueReview } from './team/reviews';
import { activeTeam } from './team/config';

/** Unknown at start-up (a previous worker may have shown one), so the first success clears it. */
let storageProblemMayBeShown = true;

async function noteStorage<T>(work: Promise<T>): Promise<T> {
  try {
    const result = await work;
    // One storage.local write per worker life (or after a failure), not one per logged batch.
    if (storageProblemMayBeShown) {
      await browser.storage.local.remove(KEYS.storageProblem);
      storageProblemMayBeShown = false;
    }
    return result;
  } catch (err) {
    storageProblemMayBeShown = true;
    // Quota exceeded / IndexedDB unavailable: say so where reps and leads look; events stay in outboxes.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await browser.storage.local.set({ [KEYS.storageProblem]: { message, at: Date.now() } }).catch(() => {});
    throw err;
  }
}

/** Once per worker lifetime: store what earlier pages left in the outbox (reloads, closed tabs, crashes). */
let drainedThisLife = false;

/** The helpdesk tenant a content script runs in; null for our own extension pages (trusted). */
function contentOrigin(sender: SenderInfo): string | null {
  if (sender.tab?.id === undefined || !sender.url?.startsWith('https://')) return null;
  return new URL(sender.url).origin;
}

/** The binding of `interactionId` when it was issued to this very tab and origin, else an error. */
async function boundToSender(interactionId: string, sender: SenderInfo): Promise<Binding> {
  const b = await getBinding(await db(), interactionId);
  const origin = contentOrigin(sender);
  if (!b || b.origin !== origin || !b.tabs.includes(sender.tab?.id ?? -1)) throw new Error('interaction not issued to this tab');
  return b;
}

/**
 * A page that opens ticket after ticket (pushState + a fake pane per id) gets at most this many new
 * interaction ids per tab per window; the rep's own first action in the panel always gets one.
 */
const OPEN_LIMIT = 30;
const OPEN_WINDOW_MS = 10 * 60_000;
const opened = new Map<number, number[]>();
function allowOpen(tabId: number, now: number): boolean {
  const recent = (opened.get(tabId) ?? []).filter((t) => t > now - OPEN_WINDOW_MS);
  if (recent.length >= OPEN_LIMIT) return false;
  opened.set(tabId, [...recent, now]);
  return true;
}

export const handlers: Handlers = {
  async 'log/append'({ events }, sender) {
    if (!drainedThisLife) {
      drainedThisLife = true;
      void drainOutboxes().catch(() => (drainedThisLife = false));
    }
    const origin = contentOrigin(sender);
    // From a helpdesk tab, the worker — not the page — says who the rep is; our own pages are trusted.
    const repId = origin === null ? null : await trustedRepId();
    const stamped = repId === null ? events : events.map((e) => stampRep(e, repId));
    let guard: ((e: LogEvent) => string | null) | undefined;
    if (origin !== null) {
      const ids = stamped.map((e) => (e as { interactionId?: unknown } | null)?.interactionId).filter((x): x is string => typeof x === 'string');
      const bindings = await getBindings(await db(), ids);
      const now = Date.now();
      guard = (e) => refusal(e, origin, bindings.get(e.interactionId), now);
    }
    const fate = await noteStorage(enqueueEvents(stamped, guard));
    const acked = new Set(fate.acked);
    // Only events that were stored name an interaction this tab may own.
    const stored = stamped.filter((e): e is LogEvent => acked.has((e as { id?: unknown } | null)?.id as string));
    if (sender.tab?.id !== undefined && stored.length) rememberInteractionTab(sender.tab.id, stored);
    schedulePublish();
    return fate;
  },
  async 'interaction/open'({ startedAt, resume, forAction }, sender) {
    const tabId = sender.tab?.id;
    const origin = contentOrigin(sender);
    if (tabId === undefined || origin === null) throw new Error('not a helpdesk tab');
    const d = await db();
    const now = Date.now();
    if (resume !== undefined) {
      const b = await getBinding(d, resume);
      // Same site (a reload, a second tab): the same interaction. Another site gets a new one.
      if (b && b.origin === origin) {
        if (!b.tabs.includes(tabId)) await putBinding(d, { ...b, tabs: [...b.tabs, tabId].slice(-20) });
        return { interactionId: b.interactionId, startedAt: b.startedAt, macKey: b.macKey };
      }
    }
    if (!forAction && !allowOpen(tabId, now)) throw new Error('too many tickets opened in this tab');
    const b: Binding = {
      interactionId: crypto.randomUUID(),
      origin,
      tabs: [tabId],
      startedAt: clampStart(startedAt, now),
      issuedAt: now,
      customerKey: '',
      macKey: newMacKey(),
    };
    await putBinding(d, b);
    return { interactionId: b.interactionId, startedAt: b.startedAt, macKey: b.macKey };
  },
  async 'customer/key'({ raw, interactionId }, sender) {
    const b = await boundToSender(interactionId, sender);
    const key = await hashCustomerKey(raw);
    // Remembered for this interaction: history is answered for this key only.
    if (key !== b.customerKey) await putBinding(await db(), { ...b, customerKey: key });
    return { key };
  },
  async 'customer/history'({ interactionId }, sender) {
    const b = await boundToSender(interactionId, sender);
    return { attempts: await customerHistory(await db(), b.customerKey, interactionId) };
  },
  'playbook/active': ({ locale }) => activePlaybooks(locale),
  'sites/overrides': ({ helpdesk }) => siteOverridesFor(helpdesk),
  'sites/overrides-all': () => allSiteOverrides(),
  'sites/overrides-save': ({ overrides }) => saveSiteOverrides(overrides),
  async 'chats/report'({ helpdesk, ticketId, stage }, sender) {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !contentOrigin(sender)) throw new Error('chats are reported by helpdesk tabs only');
    const { chats, changed } = await reportChat(tabId, { helpdesk, ticketId, stage });
    if (changed) noteChatsChanged(chats);
    return { chats };
  },
  async 'chats/focus'({ tabId }) {
    return { focused: await focusChat(tabId) };
  },
  'moves/evaluate': (request) => evaluateTicket(request),
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
  async 'log/rebuild'() {
    return noteStorage(rebuildFromLog(await db()));
  },
  async 'log/rejected'() {
    return listRejected(await db());
  },
  async 'custom-sites/sync'() {
    return { registered: await syncCustomSites() };
  },
  async 'clipboard/write'({ text }) {
    return { copied: await writeClipboard(text) };
  },
  async 'review/save'(review) {
    const d = await db();
    // A review of an attempt that is not stored (purged, or a stale page) would be an orphan forever.
    if ((await d.getKey('attempts', review.attemptId)) === undefined) throw new Error(`unknown attempt ${review.attemptId}`);
    const reviewedAt = Date.now();
    await noteStorage(saveReview(d, { ...review, reviewedAt }));
    // Team mode: a lead's review reaches the rep (published at the next sync, scheduled now).
    if (await queueReview(d, (await activeTeam()).config, { ...review, reviewedAt })) schedulePublish();
    return { reviewedAt };
  },
  'config/panel': () => panelConfigWithRep(),
  'content/lazy': (_, sender) => injectLazyBundle(sender),
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
  ...teamHandlers,
};
