// `npm test`: typecheck, lint, unit tests, both builds, Firefox lint, e2e in real Chromium, e2e in Firefox
// (firefox-esr over WebDriver BiDi), then the benchmark's smoke run.
// Stops at the first failing stage and exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureChromium, ensureFirefox, ensureNatsServer } from './chromium.mjs';

ensureChromium();
ensureFirefox();
ensureNatsServer();
const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['biome', 'check', 'src', 'test', 'scripts', 'bench']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']],
  ['build', 'node', ['scripts/build.mjs']],
  ['firefox lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--warnings-as-errors=false', '--output=text']],
  ['e2e tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json']],
  ['e2e tests (Firefox)', 'npx', ['vitest', 'run', '--project', 'firefox', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/firefox.json']],
  ['benchmark smoke run', 'npx', ['vitest', 'run', '--project', 'smoke', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/smoke.json']],
];
const times = [];
mkdirSync('test-results', { recursive: true });

/** Sums passed/failed tests from vitest's JSON reports, for one closing line a CI can read. */
function totals() {
  let passed = 0;
  let failed = 0;
  for (const f of ['test-results/unit.json', 'test-results/e2e.json', 'test-results/firefox.json', 'test-results/smoke.json']) {
    if (!existsSync(f)) continue;
    const r = JSON.parse(readFileSync(f, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
  }
  return `Tests: ${passed} passed, ${failed} failed`;
}
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  times.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n${name} failed (exit ${r.status}).`);
    console.log(totals());
    process.exit(r.status || 1);
  }
}
console.log(`\nall stages passed: ${times.join(' · ')}`);
console.log(totals());
