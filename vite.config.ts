/**
 * Two builds from one source: `BROWSER=chromium` (default) → dist/chromium, `BROWSER=firefox` → dist/firefox.
 * The manifest's version comes from package.json (one place); browser-specific keys are removed from the
 * build that does not understand them, so neither browser reports unknown keys.
 */
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const source = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  background: Record<string, unknown>;
};

function manifestFor(target: 'chromium' | 'firefox'): ManifestV3Export {
  const m: Record<string, unknown> = { ...source, version: pkg.version, background: { ...source.background } };
  // Content scripts are self-contained IIFE bundles built by vite.content.config.ts (scripts/build.mjs puts
  // them and the manifest's content_scripts into dist): crxjs would emit a loader that imports chunks
  // from web-accessible resources, which any page can probe to detect the extension.
  delete m.content_scripts;
  const background = m.background as Record<string, unknown>;
  if (target === 'chromium') {
    delete background.scripts;
    delete m.browser_specific_settings;
  } else {
    // Firefox MV3 runs background scripts (no service worker); the pinned Chromium key means nothing there.
    delete background.service_worker;
    delete m.key;
    // Firefox copies from its background page (src/background/clipboard.ts): no offscreen documents there.
    m.permissions = (m.permissions as string[]).filter((p) => p !== 'offscreen');
  }
  return m as unknown as ManifestV3Export;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(browser), browser: browser === 'firefox' ? 'firefox' : 'chrome' })],
  // Lets browser-only code drop out of the other build (the offscreen API exists only in Chromium).
  define: { __RP_BROWSER__: JSON.stringify(browser) },
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        dashboard: 'src/pages/dashboard/index.html',
        options: 'src/pages/options/index.html',
        popup: 'src/pages/popup/index.html',
        welcome: 'src/pages/welcome/index.html',
        // Chromium's clipboard document (reason CLIPBOARD), opened by the worker only for a copy.
        ...(browser === 'chromium' ? { offscreen: 'src/background/offscreen.html' } : {}),
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
