/**
 * Every user-visible string goes through `_locales` (browser.i18n). Keys are snake_case message names;
 * a unit test checks that every key used in src/ exists in every locale.
 */
import { browser } from './ext';

type Messages = Readonly<Record<string, { readonly message: string }>>;
let fallback: Messages | null = null;

/**
 * Extension pages pass the English catalogue here. Under load, Chromium now and then answers
 * `i18n.getMessage` with '' on a page (seen in full e2e runs, root cause unknown); the page then shows
 * English instead of raw keys. The content script does not bundle the catalogue (25 kB budget).
 */
export function setFallbackMessages(messages: Messages): void {
  fallback = messages;
}

export function t(key: string, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  if (text) return text;
  const english = fallback?.[key]?.message;
  return english ? english.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? '')) : key;
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
