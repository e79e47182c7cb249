/**
 * The README's benchmark table is generated from the committed bench/results/latest.json, and the
 * figures in that file keep the benchmark's own rules (enough samples, what was measured is said).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIN_SAMPLES, makeFigure, type Results, TIMED_UNITS } from '../../bench/lib/report';
import { renderTable, tableInReadme } from '../../scripts/bench-table.mjs';

const RESULTS = 'bench/results/latest.json';
const load = (): Results => JSON.parse(readFileSync(RESULTS, 'utf8'));

describe('benchmark results and the README table', () => {
  it('a results file is committed', () => {
    expect(existsSync(RESULTS), `${RESULTS} is missing: run \`npm run bench\` and commit it`).toBe(true);
  });

  it("the README's table is exactly what the results file produces", () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = tableInReadme(readme);
    expect(block, 'README.md has no generated benchmark table: run `node scripts/bench-table.mjs --write`').not.toBeNull();
    expect(block).toBe(renderTable(load()));
  });

  it('every timed figure has at least 5 samples or says how few it has', () => {
    const few = load().figures.filter((f) => TIMED_UNITS.has(f.unit) && f.n < MIN_SAMPLES && !/\((single sample|\d samples)\)/.test(f.figure));
    expect(few.map((f) => f.id)).toEqual([]);
  });

  it('the results record the commit they measured', () => {
    expect(load().commit).toMatch(/^[0-9a-f]{7,}/);
  });

  it('the table reports p99 where it was measured, and says when a figure was not measured', () => {
    const results: Results = {
      date: '2026-11-26T00:00:00.000Z',
      commit: 'abc1234',
      browser: 'Chromium 1',
      machine: { os: 'Linux', cpus: '2 × cpu', memory: '1 GiB', node: 'v20', freeMemoryAtStart: '1 GiB' },
      durationSeconds: 1,
      short: false,
      figures: [
        makeFigure({ id: '6a', figure: 'ack', unit: 'ms', samples: Array.from({ length: 100 }, (_, i) => i + 1), goal: 'p99 ≤ 250 ms', withP99: true, check: (f) => (f.p99 ?? 1e9) <= 250 }),
        makeFigure({ id: '8c', figure: 'export', unit: 'ms', samples: [730], goal: '≤ 1,500 ms', check: (f) => f.median <= 1500 }),
        { id: '7a', figure: 'dashboard', unit: 'ms', median: null, p95: null, baseline: null, ratio: null, goal: '≤ 500 ms', met: null, n: 0, missing: 'no mark' },
      ],
    };
    const table = renderTable(results);
    expect(table).toContain('| 6a | ack | ms | 100 | 50.5 | 95 | 99 | — | — | p99 ≤ 250 ms | yes |');
    expect(table).toContain('| 8c | export (single sample) | ms | 1 | 730 | 730 | — |');
    expect(table).toContain('dashboard — not measured: no mark');
    expect(table).toContain('`abc1234`');
  });
});
