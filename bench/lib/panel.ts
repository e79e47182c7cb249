/** Main-world probes of the panel (its shadow root is open, so the page can read it like a test can). */
import type { Page } from 'playwright-core';

/**
 * `ready`: waits until the panel shows ticket `id` and its checklist. `pending`: waits until the panel is
 * mounted but does not show `id` yet (the ticket pane has not rendered, so the ticket is not open).
 */
export async function waitForPanel(page: Page, id: string, state: 'ready' | 'pending', timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ([want, wantReady]) => {
      const s = document.querySelector('resolve-plus-panel')?.shadowRoot;
      if (!s?.querySelector('section.panel')) return false;
      const shown = s.querySelector('.ticket')?.textContent === `#${want}`;
      return wantReady ? shown && !!s.querySelector('input[type="checkbox"]') : !shown;
    },
    [id, state === 'ready'] as const,
    { timeout, polling: 50 },
  );
}

export async function panelHosts(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('resolve-plus-panel').length);
}
