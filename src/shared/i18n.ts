/**
 * Every user-visible string goes through `_locales` (browser.i18n). Keys are snake_case message names;
 * a unit test checks that every key used in src/ exists in every locale.
 */
import { browser } from './ext';

type Messages = Readonly<Record<string, { readonly message: string }>>;
let fallback: Messages | null = null;

/**
 * Where '' comes from (Chromium's renderer, extensions/renderer/shared_l10n_map.cc): the first
 * `i18n.getMessage` of an extension in a renderer process inserts an entry for the extension into a
 * process-wide map, then fills it with a synchronous IPC to the browser whose failure is ignored (the
 * browser answers with an empty bundle when it cannot resolve the calling process's profile or the
 * extension). An empty bundle stays cached for the life of that process, so every later page of the
 * extension in it gets '' for every key. Extension pages share one renderer process, so under load one
 * bad answer shows raw keys on every page opened after it until the process ends.
 *
 * Containment: a page calls `ensureMessages()` before it renders. When a key every locale has comes back
 * empty, it loads the same catalogues the browser would (UI locale, its language, English) from the
 * extension's own `_locales/` and `t()` answers from them.
 */
export function setFallbackMessages(messages: Messages): void {
  fallback = messages;
}

/** A key present in every locale (manifest name): empty only when the browser lost the bundle. */
const PROBE_KEY = 'extName';

/** Locale folders to merge, most general first: `es-MX` → en, es, es_MX (the browser's own fallback order). */
export function catalogueChain(uiLanguage: string, defaultLocale = 'en'): string[] {
  const parts = uiLanguage.replace('-', '_').split('_');
  const language = parts[0]?.toLowerCase() ?? '';
  const region = parts[1] ? `${language}_${parts[1].toUpperCase()}` : '';
  return [...new Set([defaultLocale, language, region].filter(Boolean))];
}

/**
 * Loads the catalogue itself when the browser answers '' for a key that exists. Resolves `true` when it
 * had to (the page then shows the same text, in the same language), `false` when the browser is fine.
 */
export async function ensureMessages(load: (path: string) => Promise<Messages | null> = fetchCatalogue): Promise<boolean> {
  if (browser.i18n.getMessage(PROBE_KEY)) return false;
  const merged: Record<string, { message: string }> = {};
  for (const locale of catalogueChain(browser.i18n.getUILanguage() || 'en')) Object.assign(merged, await load(`_locales/${locale}/messages.json`));
  setFallbackMessages(merged);
  return true;
}

async function fetchCatalogue(path: string): Promise<Messages | null> {
  try {
    const res = await fetch(browser.runtime.getURL(path));
    return res.ok ? ((await res.json()) as Messages) : null;
  } catch {
    return null; // a locale folder the extension does not ship
  }
}

export function t(key: string, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  if (text) return text;
  const caught = fallback?.[key]?.message;
  return caught ? caught.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? '')) : key;
}

/** Dates and numbers in the browser's UI locale. */
// The locale the extension's messages are shown in (`@@ui_locale`, e.g. "es" or "en_US"), so dates and
// numbers match the language of the text around them; getUILanguage() can disagree with it.
export const uiLocale = (): string =>
  (browser.i18n.getMessage('@@ui_locale') || browser.i18n.getUILanguage() || 'en').replace('_', '-');

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), opts).format(n);
}

export function formatPercent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}
