/**
 * The extension API for code that runs in pages and content scripts, without webextension-polyfill.
 * Firefox provides `browser`; Chromium's MV3 `chrome.*` already returns promises for everything these
 * contexts call (storage, runtime.sendMessage, i18n, tabs, permissions). Dropping the polyfill here keeps
 * the content script under its 25 kB budget; the service worker keeps the polyfill, whose promise-
 * returning `onMessage` listeners Chromium does not support natively.
 */
import type Browser from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser.Browser; chrome?: Browser.Browser };

export const browser: Browser.Browser = (g.browser ?? g.chrome) as Browser.Browser;
