/**
 * Keeps `npm run bench` from rotting: runs every benchmark figure with tiny sizes and checks that each
 * expected figure is there and produced a finite number. A figure that is missing, failed or null fails
 * the test. It asserts no timing: this machine's numbers at these sizes mean nothing.
 */
import { expect, it } from 'vitest';
import { EXPECTED_FIGURES, runAll } from '../../bench/lib/all';
import { SMOKE } from '../../bench/lib/config';

it('every benchmark figure produces a number', async () => {
  const lines: string[] = [];
  const results = await runAll(SMOKE, (line) => lines.push(line));
  const ids = results.figures.map((f) => f.id);
  const why = (f?: (typeof results.figures)[number]) => `${f ? `${f.id} ${f.figure}: ${f.missing ?? ''}\n` : ''}${lines.join('\n')}`;
  expect(ids.filter((id) => !EXPECTED_FIGURES.includes(id)), `figures not in EXPECTED_FIGURES\n${why()}`).toEqual([]);
  expect(EXPECTED_FIGURES.filter((id) => !ids.includes(id)), `figures missing\n${why()}`).toEqual([]);
  for (const f of results.figures) {
    expect(f.missing, why(f)).toBeUndefined();
    expect(Number.isFinite(f.median), why(f)).toBe(true);
  }
}, 300_000);
