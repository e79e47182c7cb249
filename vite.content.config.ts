/**
 * One content-script bundle: `RP_BUNDLE=<id>` builds src/content/bundles/<id>.ts into
 * dist/<browser>/content/<id>.js as a single self-contained IIFE — no imports, no chunks, nothing
 * web-accessible — carrying only that helpdesk's adapter (or, for `custom`, the custom-site adapter).
 * scripts/build.mjs runs it once per bundle after the main build.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chromium';
const bundle = process.env.RP_BUNDLE ?? '';
if (!/^[a-z]+$/.test(bundle)) throw new Error(`RP_BUNDLE must name a file in src/content/bundles (got "${bundle}")`);

export default defineConfig({
  plugins: [preact()],
  publicDir: false,
  build: {
    outDir: `dist/${browser}/content`,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    lib: { entry: `src/content/bundles/${bundle}.ts`, formats: ['iife'], name: 'resolvePlus', fileName: () => `${bundle}.js` },
  },
});
