/**
 * The panel's host is a viewport-sized, contained layer (src/content/mount.ts: a tick's layout stays
 * inside it, figure 4). A rep must not notice: every point of the page outside the panel still belongs
 * to the page (clicks, hover and text selection reach the helpdesk), and the panel still takes its own clicks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchServing, panel, screenshot } from './harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
let l: Launched;

beforeAll(async () => {
  l = await launchServing({ [URL]: 'zendesk/ticket.html' });
});
afterAll(() => l?.close());

describe('the panel host', () => {
  it('leaves every point of the page outside the panel to the page, and takes the clicks on the panel', async () => {
    const page = await l.context.newPage();
    await page.goto(URL);
    const first = panel(page).getByRole('checkbox').first();
    await expect.poll(() => first.isVisible(), { timeout: 15_000 }).toBe(true);
    const box = await panel(page).boundingBox();
    if (!box) throw new Error('no panel on screen');
    const { width, height } = page.viewportSize() ?? { width: 1280, height: 800 };
    // Points around the panel and across the page, outside the panel's box.
    const points = [
      [20, 20],
      [width / 2, height / 2],
      [box.x - 8, box.y + 20],
      [box.x + box.width / 2, Math.min(height - 4, box.y + box.height + 8)],
      [width - 20, height - 8],
    ].filter(([x, y]) => !(x! >= box.x && x! <= box.x + box.width && y! >= box.y && y! <= box.y + box.height));
    const hits = await page.evaluate((pts) => {
      const host = document.documentElement.lastElementChild; // the panel's host comes after <body>
      return pts.map(([x, y]) => document.elementFromPoint(x!, y!) === host);
    }, points);
    // The panel may have grown meanwhile (the worker's answer adds its moves block): a point that lies
    // inside the panel's box as it is now was never a point outside the panel.
    const after = await panel(page).boundingBox();
    const insideNow = ([x, y]: number[]) => !!after && x! >= after.x && x! <= after.x + after.width && y! >= after.y && y! <= after.y + after.height;
    expect(hits.filter((hit, i) => hit && !insideNow(points[i]!))).toEqual([]);
    expect(hits.filter((_, i) => !insideNow(points[i]!)).length).toBeGreaterThanOrEqual(3);
    // A real click beside the panel reaches the page's own element there.
    await page.evaluate(() => {
      (window as unknown as { clicked: string | null }).clicked = null;
      document.addEventListener('click', (e) => {
        (window as unknown as { clicked: string | null }).clicked = (e.target as Element).tagName;
      });
    });
    const [bx, by] = points[2]!;
    const expected = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName ?? null, [bx, by]);
    await page.mouse.click(bx!, by!);
    expect(await page.evaluate(() => (window as unknown as { clicked: string | null }).clicked)).toBe(expected);
    // And the panel still takes its own: a real click on its first box ticks it.
    const b = await first.boundingBox();
    if (!b) throw new Error('no checkbox on screen');
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => first.isChecked()).toBe(true);
    await screenshot(page, 'panel-host');
    await page.close();
  });
});
