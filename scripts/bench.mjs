// `npm run bench`: builds dist/chromium, then runs the benchmark (vitest project `bench`), which prints
// a table and writes bench/results/latest.json. BENCH_SHORT=1 for a shorter run. Issue #8.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';

const started = Date.now();
ensureChromium();
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });

console.log('=== build (chromium) ===');
const build = run('node', ['scripts/build.mjs', 'chromium']);
if (build.status !== 0) process.exit(build.status || 1);
const buildSeconds = (Date.now() - started) / 1000;

console.log('\n=== benchmark ===');
const bench = run('npx', ['vitest', 'run', '--project', 'bench']);
const totalSeconds = (Date.now() - started) / 1000;

const json = 'bench/results/latest.json';
if (existsSync(json)) {
  const results = JSON.parse(readFileSync(json, 'utf8'));
  if (Date.parse(results.date) >= started - 1000) {
    results.buildSeconds = Math.round(buildSeconds);
    results.totalSeconds = Math.round(totalSeconds);
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${readFileSync('bench/results/latest.txt', 'utf8')}`);
  }
}
console.log(`npm run bench: ${totalSeconds.toFixed(0)} s in all (build ${buildSeconds.toFixed(0)} s); results in ${json}`);
process.exit(bench.status ?? 1);
