// `npm test`: typecheck, lint, unit tests, both builds, Firefox lint, then e2e in real Chromium.
// Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureFirefox } from './chromium.mjs';

ensureChromium();
ensureFirefox();
const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['biome', 'check', 'src', 'test', 'scripts']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['build', 'node', ['scripts/build.mjs']],
  ['firefox lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--warnings-as-errors=false', '--output=text']],
  ['e2e tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']],
];
const times = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  times.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status}).`);
    process.exit(r.status || 1);
  }
}
console.log(`\nall stages passed: ${times.join(' · ')}`);
