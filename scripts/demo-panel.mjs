// The demos' way into the panel's closed shadow root (the e2e suite has the full driver, test/e2e/panel-driver.ts).

/**
 * The panel's shadow root is closed: the demo reads and clicks it the way the e2e driver does
 * (test/e2e/panel-driver.ts) — queries in the content script's isolated world over CDP, trusted mouse
 * clicks at the control's box.
 */
export async function panelOf(page) {
  const cdp = await page.context().newCDPSession(page);
  const worlds = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) worlds.push(context.id);
  });
  await cdp.send('Runtime.enable');
  // Runs in the content script's world: the panel's checkboxes as [checked, x, y] at their box centres.
  const boxes = `function () {
    const root = [...document.documentElement.children].map((el) => chrome.dom.openOrClosedShadowRoot(el)).find((r) => r && r.querySelector('section.panel'));
    if (!root) return [];
    return [...root.querySelectorAll('input[type=checkbox]')].map((b) => { b.scrollIntoView({ block: 'nearest' }); const r = b.getBoundingClientRect(); return [b.checked, r.x + r.width / 2, r.y + r.height / 2]; });
  }`;
  const read = async () => {
    const id = worlds[worlds.length - 1];
    if (id === undefined) return [];
    const r = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: boxes, executionContextId: id, returnByValue: true }).catch(() => null);
    return r?.result?.value ?? [];
  };
  return {
    async waitForCheckboxes(timeout) {
      const start = Date.now();
      while ((await read()).length === 0) {
        if (Date.now() - start > timeout) return false;
        await page.waitForTimeout(100);
      }
      return true;
    },
    /** A trusted click on the first button inside a value move whose label is `name`; false when there is none. */
    async clickMoveButton(name) {
      const id = worlds[worlds.length - 1];
      if (id === undefined) return false;
      const find = `function (name) {
        const root = [...document.documentElement.children].map((el) => chrome.dom.openOrClosedShadowRoot(el)).find((r) => r && r.querySelector('section.panel'));
        const b = root && [...root.querySelectorAll('article.move button')].find((x) => (x.getAttribute('aria-label') || x.textContent || '').trim() === name);
        if (!b) return null;
        b.scrollIntoView({ block: 'nearest' });
        const r = b.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2];
      }`;
      const r = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: find, executionContextId: id, arguments: [{ value: name }], returnByValue: true }).catch(() => null);
      const at = r?.result?.value;
      if (!at) return false;
      await page.mouse.click(at[0], at[1]);
      return true;
    },
    async tickAll() {
      for (let i = 0; i < (await read()).length; i++) {
        const box = (await read())[i];
        if (box && !box[0]) await page.mouse.click(box[1], box[2]);
        await page.waitForTimeout(150);
      }
    },
  };
}

