/**
 * The content script's second bundle (dist/<browser>/content/lazy.js: the wrap-up and key-help views and
 * the generic fallback for drifted pages), put into a helpdesk tab only when that tab needs it. Figure 1a
 * counts what every helpdesk tab loads; these parts most tabs never use.
 *
 * The worker injects its one fixed file into the asking content script's own tab and frame (same
 * isolated world, invisible to the page; nothing web-accessible for a page to probe). The message carries
 * no fields (`content/lazy` is a strict empty object): a sender cannot name a file, a tab or a frame.
 */
import browser from 'webextension-polyfill';
import type { SenderInfo } from '../messaging/router';
import { LAZY_FILES } from './lazy-files';

export { LAZY_FILES };

type Inject = (details: { target: { tabId: number; frameIds: number[] }; files: string[] }) => Promise<unknown>;

export async function injectLazyBundle(sender: SenderInfo, inject: Inject = (d) => browser.scripting.executeScript(d)): Promise<{ injected: true }> {
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') throw new Error('the lazy bundle goes to a helpdesk tab only');
  // Frame 0 unless the sender runs in a sub-frame (a custom site's script may): always the sender's own.
  const frameId = typeof sender.frameId === 'number' ? sender.frameId : 0;
  await inject({ target: { tabId, frameIds: [frameId] }, files: [...LAZY_FILES] });
  return { injected: true };
}
