/**
 * The service worker (Firefox: background script). Registers every listener synchronously at the top
 * level, as MV3 requires for a worker woken by an event; does no work at start-up that can wait.
 */
import browser from 'webextension-polyfill';
import { commandMessage } from '../messaging/protocol';
import { type Rejection, createRouter } from '../messaging/router';
import { handlers } from './handlers';
import { runMaintenance, scheduleMaintenance } from './maintenance';
import { drainOutboxes } from './outbox-drain';
import { moveLegacyNow } from './config-store';
import { syncCustomSites } from './custom-sites';
import { refreshPolicy } from './policy';
import { abandonTab } from './tabs';
import { forgetTab, injectIntoOpenTabs, onTabUpdated } from './helpdesk-inject';
import { ensureTeamAlarm, onTeamAlarm, schedulePublish, TEAM_ALARM } from './team/sync';
import { KEYS } from '../shared/storage-keys';

/** Rejections seen by this worker instance, for diagnostics and tests (`self.__resolvePlus`). */
const rejections: Rejection[] = [];
(globalThis as unknown as { __resolvePlus: unknown }).__resolvePlus = { rejections };

const route = createRouter(handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  onReject(r) {
    if (rejections.length >= 1000) rejections.shift();
    rejections.push(r);
    console.warn(`[Resolve Plus] message rejected${r.name ? ` (${r.name})` : ''}: ${r.reason}`);
  },
});

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender));

browser.tabs.onRemoved.addListener((tabId) => {
  // A tab closed within a moment of the rep's last action may leave signed events in its outbox: store
  // them now rather than at the next minute's drain (ingestion is idempotent by event id).
  void abandonTab(tabId).finally(() => drainOutboxes().catch(() => {}));
});

browser.commands?.onCommand.addListener(async (command) => {
  // Shortcuts act on the panel in the active tab; the content script ignores unknown commands.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const message = commandMessage(command);
  if (tab?.id !== undefined && message) await browser.tabs.sendMessage(tab.id, message).catch(() => {});
});

browser.alarms.onAlarm.addListener((alarm) => {
  void runMaintenance(alarm.name);
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TEAM_ALARM) void onTeamAlarm();
});

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  // On update from a version that kept settings, playbooks, salt and policy mirror in storage.local.
  await moveLegacyNow().catch(() => {});
  await scheduleMaintenance();
  await ensureTeamAlarm();
  if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('src/pages/welcome/index.html') });
});

browser.storage.onChanged.addListener((_changes, area) => {
  // An administrator changed the policy: refresh the mirror; panels re-read their playbook from it.
  // Policy custom sites may have changed too: re-register where their hosts are granted.
  if (area === 'managed') void refreshPolicy(true).then(() => syncCustomSites()).catch(() => {});
});

browser.runtime.onStartup.addListener(() => {
  void scheduleMaintenance();
  void drainOutboxes();
  void ensureTeamAlarm();
});

// Site health changed on a helpdesk page: with team mode on, the lead hears of it at the next publish.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(KEYS.healthPrefix))) schedulePublish();
});

// The helpdesk's content script goes in after the page has loaded (no manifest content_scripts: they
// delay every helpdesk page's load event, figure 11); see helpdesk-inject.ts.
browser.tabs.onUpdated.addListener(onTabUpdated);
browser.tabs.onRemoved.addListener(forgetTab);
browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void injectIntoOpenTabs().catch(() => {});
  // From a version that registered the custom-site bundle as a content script: drop that registration.
  if (reason === 'update') void syncCustomSites().catch(() => {});
});
