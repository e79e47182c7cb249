/**
 * Probes of the panel. Its shadow root is closed, so they run in the content script's isolated world
 * (reached through the DevTools protocol), where `chrome.dom.openOrClosedShadowRoot` opens it.
 */
import type { Page } from 'playwright-core';
import { contentWorld } from '../../test/e2e/panel-driver';

/**
 * `ready`: waits until the panel shows ticket `id` and its checklist. `pending`: waits until the panel is
 * mounted but does not show `id` yet (the ticket pane has not rendered, so the ticket is not open).
 */
export async function waitForPanel(page: Page, id: string, state: 'ready' | 'pending', timeout = 20_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const ok = await contentWorld(page).evaluate(
      ([want, wantReady]) => {
        const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
        const s = [...document.documentElement.children].map((el) => dom.openOrClosedShadowRoot(el)).find((r) => r?.querySelector('section.panel'));
        if (!s) return false;
        const shown = s.querySelector('.ticket')?.textContent === `#${want}`;
        // `pending` only needs the panel mounted: since adapters degrade to the URL's ticket id, the panel
        // may already show the ticket before its pane renders (figure 2 then measures the pane's details).
        return wantReady ? shown && !!s.querySelector('input[type="checkbox"]') : true;
      },
      [id, state === 'ready'] as const,
    );
    if (ok) return;
    if (Date.now() - start > timeout) throw new Error(`panel not ${state} for #${id} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Elements under <html> holding a shadow root (open or closed): the panel's host(s). */
export async function panelHosts(page: Page): Promise<number> {
  return contentWorld(page).evaluate(() => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    return [...document.documentElement.children].filter((el) => dom.openOrClosedShadowRoot(el)).length;
  });
}

/**
 * Runs a self-contained probe where it can see the panel: in the content script's world when the
 * extension runs on the page, else (baseline pages) in the page's main world.
 */
export async function evaluateBesidePanel<R, A>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const world = contentWorld(page);
  const hasExtension = await world.contextId(1_000).then(
    () => true,
    () => false,
  );
  return hasExtension ? world.evaluate(fn, arg) : (page.evaluate(fn as never, arg as never) as Promise<R>);
}
