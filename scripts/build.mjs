// Builds both browser targets: dist/chromium and dist/firefox.
// Usage: node scripts/build.mjs [chromium|firefox]
// 1. vite + @crxjs (vite.config.ts): service worker, extension pages, manifest without content scripts.
// 2. vite per content-script bundle (vite.content.config.ts): dist/<target>/content/<id>.js, each one
//    self-contained file; then the source manifest's content_scripts go into the built manifest as is.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';

const targets = process.argv[2] ? [process.argv[2]] : ['chromium', 'firefox'];
const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
const bundles = readdirSync('src/content/bundles').map((f) => f.replace(/\.ts$/, ''));
for (const target of targets) {
  process.env.BROWSER = target;
  const started = performance.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  for (const bundle of bundles) {
    process.env.RP_BUNDLE = bundle;
    await build({ configFile: 'vite.content.config.ts', logLevel: 'warn', mode: 'production' });
    // The worker validates (custom sites included); a schema library in a content bundle costs every
    // helpdesk tab kilobytes (figure 1a). valibot's schemas all carry a '~run' method.
    if (/["'`]~run["'`]/.test(readFileSync(`dist/${target}/content/${bundle}.js`, 'utf8'))) {
      throw new Error(`dist/${target}/content/${bundle}.js carries valibot: validate in the worker and send the content script the result`);
    }
  }
  const file = `dist/${target}/manifest.json`;
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const cs of source.content_scripts) {
    for (const js of cs.js) if (!bundles.includes(js.replace(/^content\/|\.js$/g, ''))) throw new Error(`manifest.json names ${js}, which no bundle builds`);
  }
  manifest.content_scripts = source.content_scripts;
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`built dist/${target} in ${Math.round(performance.now() - started)} ms`);
}
