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
  return browser.i18n.getMessage(key, subs.map(String)) || fill(fallback, key, subs);
}

/** A catalogue's message with its `$1…$9` filled in, or the key itself when the catalogue lacks it. */
function fill(messages: Messages | null, key: string, subs: readonly (string | number)[]): string {
  const message = messages?.[key]?.message;
  return message ? message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? '')) : key;
}

/** The languages `public/_locales` has catalogues for (a unit test keeps the two in step). */
export const SHIPPED_LANGUAGES: readonly string[] = ['en', 'es'];
const LANGUAGE_KEY = 'ui_language';

/**
 * The language the extension's text is in: the catalogue's own `ui_language` entry ('' when no catalogue
 * answers). Not `getUILanguage()` nor `@@ui_locale`: in Chromium's extension process both say en-US until
 * one of the extension's pages has opened in it (and `@@ui_locale` says en_US even then), while the
 * catalogue it serves is already the browser's language — so a worker that trusted them answered a Spanish
 * panel with the English built-in playbook.
 */
export function textLanguage(): string {
  const language = t(LANGUAGE_KEY);
  return language === LANGUAGE_KEY ? '' : language;
}

/** A language tag as one of the shipped languages: its primary subtag when shipped, else English (default_locale). */
export function shippedLanguage(tag: string): string {
  const primary = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return SHIPPED_LANGUAGES.includes(primary) ? primary : 'en';
}

/**
 * A `t` that answers in `language` (a shipped one): this context's own when its catalogue is in that
 * language, else the catalogues the browser would merge for it, read from the extension's `_locales`.
 * The worker answers each panel in the panel's language with it, whatever its own catalogue is (or lost).
 */
export async function wordingIn(language: string, load: (path: string) => Promise<Messages | null> = fetchCatalogue): Promise<typeof t> {
  if (browser.i18n.getMessage(LANGUAGE_KEY) === language) return t;
  const merged: Record<string, { message: string }> = {};
  for (const locale of catalogueChain(language)) Object.assign(merged, await load(`_locales/${locale}/messages.json`));
  return (key, ...subs) => fill(merged, key, subs);
}

/**
 * Dates and numbers in the language of the text around them (textLanguage), with the browser's region
 * where the browser's UI language is that language (es-MX, en-GB); the text's language alone otherwise.
 */
export function uiLocale(): string {
  const ui = (browser.i18n.getUILanguage() || 'en').replace('_', '-');
  const text = textLanguage();
  return !text || ui.split('-')[0]?.toLowerCase() === text ? ui : text;
}

export function formatDateTime(ms: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatNumber(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), opts).format(n);
}

export function formatPercent(share: number): string {
  return formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}
