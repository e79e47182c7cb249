/**
 * Writes the clipboard from an extension context on a content script's behalf (see
 * src/content/clipboard.ts for why never in the page). Chromium's worker has no DOM and no focused
 * document, so it opens an offscreen document with the CLIPBOARD reason (offscreen.ts) for the copy and
 * closes it again. Firefox runs the background as a page: it writes there directly — `clipboardWrite`
 * lets `navigator.clipboard.writeText` work without focus, and the legacy copy command is the fallback.
 */
import { OFFSCREEN_COPY, type OffscreenCopy } from './offscreen-message';

const OFFSCREEN_URL = 'src/background/offscreen.html';
/** Set by vite.config.ts per build; the Firefox build then carries no offscreen code at all. */
declare const __RP_BROWSER__: 'chromium' | 'firefox';

/** One offscreen document at a time: concurrent copies queue behind each other. */
let queue: Promise<unknown> = Promise.resolve();

async function copyOffscreen(text: string): Promise<boolean> {
  await chrome.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: [chrome.offscreen.Reason.CLIPBOARD],
    justification: 'Copy the value move the rep chose to copy, outside the helpdesk page.',
  });
  try {
    const message: OffscreenCopy = { target: OFFSCREEN_COPY, text };
    return (await chrome.runtime.sendMessage(message)) === true;
  } finally {
    await chrome.offscreen.closeDocument().catch(() => undefined);
  }
}

async function copyInPage(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Our own background page's DOM, not the helpdesk's: no page script can listen here.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function writeClipboard(text: string): Promise<boolean> {
  const run = () => (__RP_BROWSER__ === 'chromium' ? copyOffscreen(text) : copyInPage(text));
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
