/**
 * The only files `content/lazy` ever injects (src/background/lazy-inject.ts): the content script's second
 * bundle, built from src/content/lazy/entry.ts by scripts/build.mjs. Its own module (no extension API) so
 * figure 1a (bench/figures/bundle-size.ts) reads the same list.
 */
export const LAZY_FILES: readonly string[] = ['content/lazy.js'];
