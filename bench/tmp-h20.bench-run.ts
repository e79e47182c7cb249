import { it } from 'vitest';
import { optionsPaintFigures } from './figures/options-paint';
import { pageLoadFigures } from './figures/page-load';
import { SHORT } from './lib/config';
it('x', async () => {
  const log = (l: string) => process.stderr.write(`${l}\n`);
  const s = { ...SHORT, pageLoadRuns: 2, optionsRuns: 3 };
  log(JSON.stringify(await optionsPaintFigures(s, log), null, 1));
  log(JSON.stringify(await pageLoadFigures(s, log), null, 1));
});
