/**
 * "Copy" for the panel. The text never passes through the helpdesk page's DOM: the service worker copies
 * it from an extension context (an offscreen document in Chromium, the background page in Firefox), so
 * a page's `copy` listener can neither read nor replace it, and nothing is typed into whatever element
 * the page focused. Resolves false when the browser refused (the panel then says so).
 */
import { send } from '../messaging/client';

export async function copyText(text: string): Promise<boolean> {
  try {
    return (await send('clipboard/write', { text })).copied;
  } catch {
    return false;
  }
}
