/**
 * `npm run bench` (via scripts/bench.mjs, which builds dist/chromium first): every figure of issue #8,
 * printed as a table and written to bench/results/latest.json (+ latest.txt). Measures only: no timing
 * is asserted anywhere. BENCH_SHORT=1 cuts the long loops. BENCH_ONLY=2,3 runs only those figure groups
 * and writes bench/results/latest-only.json instead, so the committed latest.json stays a full run.
 */
import { writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { benchOnlyFromEnv, runAll } from './lib/all';
import { sizesFromEnv } from './lib/config';
import { formatTable, writeResults } from './lib/report';

it('benchmark', async () => {
  const sizes = sizesFromEnv();
  const only = benchOnlyFromEnv();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`Resolve Plus benchmark (${sizes.name}${only ? `, only ${[...only].join(',')}` : ''})`);
  const results = await runAll(sizes, log, only);
  let written: string;
  if (only) {
    written = 'bench/results/latest-only.json';
    writeFileSync(written, `${JSON.stringify({ ...results, only: [...only] }, null, 2)}\n`);
  } else written = writeResults(results).json;
  log(`\n${formatTable(results)}\n\nwrote ${written}`);
  expect(results.figures.length).toBeGreaterThan(0);
});
