// Builds both browser targets with vite + @crxjs: dist/chromium and dist/firefox.
// Usage: node scripts/build.mjs [chromium|firefox]
import { build } from 'vite';

const targets = process.argv[2] ? [process.argv[2]] : ['chromium', 'firefox'];
for (const target of targets) {
  process.env.BROWSER = target;
  const started = performance.now();
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  console.log(`built dist/${target} in ${Math.round(performance.now() - started)} ms`);
}
