/**
 * Containment of Chromium's lost message bundle (see src/shared/i18n.ts): when the browser answers '' for
 * every key, pages load the catalogues the browser would have used and show the same text in the same
 * language; when the browser is fine, nothing is loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = { lost: false, ui: 'es-MX' };
const es = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/es/messages.json'), 'utf8')) as Record<string, { message: string }>;
const en = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

vi.mock('../../src/shared/ext', () => ({
  browser: {
    i18n: {
      // Chromium with a healthy bundle answers from the Spanish catalogue; with a lost one, '' for everything.
      getMessage: (key: string, subs: string[] = []) =>
        state.lost ? '' : (es[key]?.message ?? '').replace(/\$(\d)/g, (_: string, n: string) => subs[Number(n) - 1] ?? ''),
      getUILanguage: () => state.ui,
    },
    runtime: { getURL: (p: string) => `chrome-extension://id/${p}` },
  },
}));

const { catalogueChain, ensureMessages, SHIPPED_LANGUAGES, setFallbackMessages, shippedLanguage, t, textLanguage, uiLocale, wordingIn } = await import(
  '../../src/shared/i18n'
);

const shipped = async (path: string) => {
  const m = /^_locales\/([A-Za-z_]+)\/messages\.json$/.exec(path);
  try {
    return JSON.parse(readFileSync(join(process.cwd(), 'public', path), 'utf8')) as Record<string, { message: string }>;
  } catch {
    expect(m, `asked for ${path}`).not.toBeNull();
    return null; // es_MX is not shipped: the browser falls back to es, so must we
  }
};

describe('i18n: a lost message bundle', () => {
  beforeEach(() => {
    state.lost = false;
    state.ui = 'es-MX';
    setFallbackMessages({});
  });

  it('follows the browser fallback order: region, language, default locale', () => {
    expect(catalogueChain('es-MX')).toEqual(['en', 'es', 'es_MX']);
    expect(catalogueChain('es')).toEqual(['en', 'es']);
    expect(catalogueChain('en-US')).toEqual(['en', 'en_US']);
  });

  it('loads nothing while the browser answers', async () => {
    const load = vi.fn(shipped);
    expect(await ensureMessages(load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(t('extName')).toBe('Resolve Plus');
  });

  it('shows the Spanish text, substitutions included, when the browser answers "" for every key', async () => {
    state.lost = true;
    expect(t('popup_options')).toBe('popup_options'); // the raw key a user saw before the containment
    expect(await ensureMessages(shipped)).toBe(true);
    expect(t('popup_options')).toBe(es.popup_options!.message);
    expect(es.popup_options!.message).not.toBe(en.popup_options!.message);
    const withSub = Object.keys(es).find((k) => es[k]!.message.includes('$1'))!;
    expect(t(withSub, 'X')).toBe(es[withSub]!.message.replace('$1', 'X'));
  });

  it('falls back to English for a UI language the extension does not ship', async () => {
    state.lost = true;
    state.ui = 'de-DE';
    expect(await ensureMessages(async (p) => (p.includes('/en/') ? shipped(p) : null))).toBe(true);
    expect(t('popup_options')).toBe(en.popup_options!.message);
  });
});

describe('i18n: the language of the text, whatever the browser says its UI language is', () => {
  beforeEach(() => {
    state.lost = false;
    setFallbackMessages({});
  });

  it('ships exactly the languages public/_locales has, each catalogue naming its own', () => {
    const dirs = readdirSync(join(process.cwd(), 'public/_locales')).sort();
    expect([...SHIPPED_LANGUAGES].sort()).toEqual(dirs);
    for (const dir of dirs) {
      const messages = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', dir, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      expect(messages.ui_language?.message).toBe(dir);
    }
  });

  it('reads the language from the catalogue, not getUILanguage (en-US in a fresh extension process)', () => {
    state.ui = 'en-US';
    expect(textLanguage()).toBe('es');
    expect(uiLocale()).toBe('es'); // dates in Spanish next to Spanish text, not en-US
    state.ui = 'es-MX';
    expect(uiLocale()).toBe('es-MX'); // the region kept where the language agrees
    state.lost = true;
    expect(textLanguage()).toBe(''); // nothing to go by: callers fall back to what they were told
  });

  it('maps a language tag to a shipped language, English otherwise', () => {
    expect(shippedLanguage('es-MX')).toBe('es');
    expect(shippedLanguage('ES_es')).toBe('es');
    expect(shippedLanguage('de-DE')).toBe('en');
    expect(shippedLanguage('')).toBe('en');
  });

  it('answers in the asked language: its own catalogue when that is the one, else the shipped files', async () => {
    const load = vi.fn(shipped);
    expect(await wordingIn('es', load)).toBe(t);
    expect(load).not.toHaveBeenCalled();
    const english = await wordingIn('en', load);
    expect(english('popup_options')).toBe(en.popup_options!.message);
    state.lost = true; // the worker's catalogue lost: the panel's language still comes from the files
    const spanish = await wordingIn('es', load);
    const withSub = Object.keys(es).find((k) => es[k]!.message.includes('$1'))!;
    expect(spanish(withSub, 'X')).toBe(es[withSub]!.message.replace('$1', 'X'));
    expect(spanish('no_such_key')).toBe('no_such_key');
  });
});
