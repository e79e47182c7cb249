/**
 * `npm run bench` (via scripts/bench.mjs, which builds dist/chromium first): every figure of issue #8,
 * printed as a table and written to bench/results/latest.json (+ latest.txt). Measures only: no timing
 * is asserted anywhere. BENCH_SHORT=1 cuts the long loops.
 */
import { expect, it } from 'vitest';
import { benchOnly, runAll } from './lib/all';
import { sizesFromEnv } from './lib/config';
import { formatTable, writeResults } from './lib/report';

it('benchmark', async () => {
  const sizes = sizesFromEnv();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`Resolve Plus benchmark (${sizes.name})`);
  const results = await runAll(sizes, log);
  // A partial run (BENCH_ONLY) is printed only: the committed results file describes whole runs.
  if (benchOnly()) log(`\n${formatTable(results)}\n\nBENCH_ONLY=${process.env.BENCH_ONLY}: results not written`);
  else log(`\n${formatTable(results)}\n\nwrote ${writeResults(results).json}`);
  expect(results.figures.length).toBeGreaterThan(0);
});
