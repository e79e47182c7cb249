// Builds both browser targets: dist/chromium and dist/firefox.
// Usage: node scripts/build.mjs [chromium|firefox]
// 1. vite + @crxjs (vite.config.ts): service worker, extension pages, manifest without content scripts.
// 2. vite per content-script bundle (vite.content.config.ts): dist/<target>/content/<id>.js, each one
//    self-contained file. The manifest declares no content scripts: the worker injects a helpdesk's
//    bundle after the page's load event (src/background/helpdesk-scripts.ts names the bundles; a unit
//    test checks each exists), custom sites register theirs at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { build } from 'vite';

const targets = process.argv[2] ? [process.argv[2]] : ['chromium', 'firefox'];
const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
// One place for the helpdesks' match patterns: a manifest entry would also delay every page's load event.
if (source.content_scripts) throw new Error('manifest.json declares content_scripts: list the helpdesk in src/background/helpdesk-scripts.ts instead');
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
  // The lazy bundle (src/content/lazy/entry.ts), injected by the worker when a tab asks for it. It
  // borrows the main bundle's Preact: a copy of its renderer here would be a second Preact in the tab.
  process.env.RP_BUNDLE = 'lazy';
  await build({ configFile: 'vite.content.config.ts', logLevel: 'warn', mode: 'production' });
  if (readFileSync(`dist/${target}/content/lazy.js`, 'utf8').includes('http://www.w3.org/2000/svg')) {
    throw new Error(`dist/${target}/content/lazy.js carries Preact's renderer: import preact only through the loan (src/content/lazy/lent.ts)`);
  }
  // The worker names bundles by file (helpdesk-scripts.ts): each must be there, a file of its own.
  for (const bundle of bundles) if (!existsSync(`dist/${target}/content/${bundle}.js`)) throw new Error(`dist/${target}/content/${bundle}.js was not built`);
  console.log(`built dist/${target} in ${Math.round(performance.now() - started)} ms`);
}
