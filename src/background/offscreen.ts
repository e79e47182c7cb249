/**
 * Chromium's offscreen document (reason CLIPBOARD): copies the text the worker sends. An offscreen
 * document never has focus, so `navigator.clipboard` refuses; the copy command on a textarea of this
 * extension-origin document is the documented way, and no helpdesk page can observe it.
 */
import { OFFSCREEN_COPY, type OffscreenCopy } from './offscreen-message';

chrome.runtime.onMessage.addListener((message: unknown, sender, reply) => {
  const m = message as Partial<OffscreenCopy> | null;
  // Only our own worker talks to this document.
  if (m?.target !== OFFSCREEN_COPY || typeof m.text !== 'string' || sender.id !== chrome.runtime.id || sender.tab) return false;
  const area = document.createElement('textarea');
  area.value = m.text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  reply(ok);
  return false;
});
