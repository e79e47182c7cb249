/**
 * Models a compromised content script: evaluates code in the extension's isolated world of a page (its
 * `chrome.runtime` and `chrome.storage`), through the DevTools protocol (shared/reference/toolchain.md).
 */
import type { Page } from 'playwright-core';

export async function evaluateInIsolatedWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; auxData?: { type?: string; isDefault?: boolean } ; origin?: string; name?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const start = Date.now();
  while (!contexts.some((c) => c.auxData?.type === 'isolated') && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
  const ctx = contexts.find((c) => c.auxData?.type === 'isolated');
  if (!ctx) throw new Error('no isolated world (content script not injected?)');
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  await cdp.detach().catch(() => {});
  if (r.exceptionDetails) throw new Error(`isolated-world evaluation threw: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}
