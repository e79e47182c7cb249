/**
 * Figure 7c: the options page's time to first useful paint: from navigation start to the first
 * animation frame in which the settings form (its first input) is in the document, in a new tab each run.
 * Polled once per animation frame, so the figure is exact to a frame (16.7 ms at 60 Hz).
 */
import { extensionPage } from '../../test/e2e/harness';
import { withBrowser } from '../lib/browser';
import type { Log, Sizes } from '../lib/config';
import { type Figure, makeFigure } from '../lib/report';

export async function optionsPaintFigures(sizes: Sizes, log: Log): Promise<Figure[]> {
  return withBrowser(
    async (l) => {
      const samples: number[] = [];
      // One warm-up load (the worker's first answers, V8 code cache), not counted.
      for (let i = 0; i <= sizes.optionsRuns; i++) {
        const page = await l.context.newPage();
        await page.goto(extensionPage(l, 'src/pages/options/index.html'), { waitUntil: 'commit' });
        const handle = await page.waitForFunction(() => (document.querySelector('main input, main select') ? performance.now() : false), undefined, {
          polling: 'raf',
          timeout: 30_000,
        });
        const ms = (await handle.jsonValue()) as number;
        if (i > 0) samples.push(ms);
        await page.close();
      }
      log(`  options first useful paint: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      return [
        makeFigure({
          id: '7c',
          figure: 'options page, time to first useful paint (settings form)',
          unit: 'ms',
          samples,
          goal: '≤ 300 ms',
          check: (f) => f.median <= 300,
          digits: 0,
          note: `navigation start → first animation frame with the settings form's first control, ${samples.length} new tabs after a warm-up load`,
        }),
      ];
    },
    { settled: sizes.name !== 'smoke' },
  );
}
