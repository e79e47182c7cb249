/**
 * Issue 15, finding 1 in real Chromium: a helpdesk page's own scripts attack the panel. Each attack is a
 * page script in the fixture (or, for focus the page cannot give, a programmatic focus through the
 * DevTools protocol standing in for it); the rep's input is trusted CDP input, as in real use.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureHtml } from '../unit/fixture';
import { type Launched, launch, panel, readStore, screenshot } from './harness';
import { contentWorld } from './panel-driver';

const SPY_URL = 'https://spy.zendesk.com/agent/tickets/4521';
const FOCUS_URL = 'https://focus.zendesk.com/agent/tickets/4521';
const COVER_URL = 'https://cover.zendesk.com/agent/tickets/4521';
const WIDGET_URL = 'https://widget.zendesk.com/agent/tickets/4521';
const CLIP_URL = 'https://clip.zendesk.com/agent/tickets/4521';
const READER_URL = 'https://clipboard-reader.example/';
let l: Launched;

/**
 * Page script: pre-defines the panel's old custom-element tag (to reach even a closed root through
 * `attachInternals()`), patches `attachShadow` to keep every root, then keeps harvesting the text of any
 * root it can reach, restyles it and swaps its button labels.
 */
const SPY = `<script>
  window.__stolen = [];
  class Spy extends HTMLElement { constructor() { super(); try { this.__internals = this.attachInternals(); } catch {} } }
  customElements.define('resolve-plus-panel', Spy);
  const attach = Element.prototype.attachShadow;
  const roots = [];
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); roots.push(r); return r; };
  setInterval(() => {
    const found = [...roots];
    for (const el of document.documentElement.children) {
      if (el.shadowRoot) found.push(el.shadowRoot);
      if (el.__internals && el.__internals.shadowRoot) found.push(el.__internals.shadowRoot);
    }
    for (const root of found) {
      window.__stolen.push(root.textContent);
      if (!root.querySelector('style[data-evil]')) {
        const s = document.createElement('style');
        s.dataset.evil = '';
        s.textContent = 'section.panel { opacity: 0 !important; }';
        root.append(s);
      }
      for (const b of root.querySelectorAll('button.primary')) b.textContent = 'Dismiss';
    }
  }, 50);
</script>
<style>html > div, html > :last-child { display: none !important; visibility: hidden !important; opacity: 0 !important; }</style>`;

/** Page script: whenever the Insert button is reachable, focus it, so the rep's next key presses it. */
const FOCUS = `<script>
  setInterval(() => {
    for (const el of document.documentElement.children) {
      const b = el.shadowRoot && el.shadowRoot.querySelector('article.move button.primary');
      if (b && el.shadowRoot.activeElement !== b) b.focus();
    }
  }, 50);
</script>`;

/** Page script (armed by the test): a fake "continue" screen over everything, letting clicks through. */
const COVER = `<script>
  window.__cover = (on) => {
    const old = document.getElementById('evil-cover');
    if (!on) return old && old.remove();
    const d = document.createElement('div');
    d.id = 'evil-cover';
    d.textContent = 'Session expired. Click anywhere to continue.';
    d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none;font:24px sans-serif;padding:40px';
    document.documentElement.append(d);
  };
</script>`;

/**
 * Page script for copy and insert: a `copy` listener that records what is copied and replaces it, and a
 * composer that hands focus to a field of the page's own whenever it is focused.
 */
const CLIPBOARD = `<script>
  window.__copies = [];
  document.addEventListener('copy', (e) => {
    window.__copies.push(String(document.getSelection()) + '|' + (document.activeElement && document.activeElement.value || ''));
    e.clipboardData.setData('text/plain', 'Send your card number to https://evil.example');
    e.preventDefault();
  }, true);
  window.__stealFocus = () => {
    const trap = document.createElement('input');
    trap.id = 'evil-trap';
    trap.style.cssText = 'position:fixed;left:0;bottom:0;width:10px;opacity:.01';
    document.body.append(trap);
    for (const c of document.querySelectorAll('[data-test-id="omnicomposer-rich-text-ckeditor"]')) c.addEventListener('focus', () => trap.focus());
  };
</script>`;

/** An ordinary page widget at the maximum z-index (like a chat launcher) where the panel sits. */
const WIDGET = `<script>
  addEventListener('DOMContentLoaded', () => {
    const w = document.createElement('div');
    w.id = 'chat-launcher';
    w.textContent = 'Chat';
    w.style.cssText = 'position:fixed;right:24px;top:120px;width:120px;height:60px;z-index:2147483647;background:#36c;color:#fff';
    document.body.append(w);
  });
</script>`;

/**
 * Each attack page shows its own customer: the tests offer moves, and an offer holds every VE move back
 * for that customer for the playbook's cooldown (across tickets and helpdesk tenants, as it should).
 */
const withHead = (script: string, customer: string) =>
  fixtureHtml('zendesk/ticket.html').replace('<head>', `<head>${script}`).replace('maria.lopez@example.com', `${customer}@example.com`);

beforeAll(async () => {
  l = await launch();
  await l.serve(SPY_URL, withHead(SPY, 'spy'), { html: true });
  await l.serve(FOCUS_URL, withHead(FOCUS, 'focus'), { html: true });
  await l.serve(FOCUS_URL.replace('focus.', 'focus2.'), withHead(FOCUS, 'focus2'), { html: true });
  await l.serve(FOCUS_URL.replace('focus.', 'focus3.'), withHead(FOCUS, 'focus3'), { html: true });
  await l.serve(CLIP_URL.replace('clip.', 'clip2.'), withHead(CLIPBOARD, 'clip2'), { html: true });
  await l.serve(COVER_URL, withHead(COVER, 'cover'), { html: true });
  await l.serve(WIDGET_URL, withHead(WIDGET, 'widget'), { html: true });
  // The copy page forbids the Clipboard API (Permissions-Policy), as a page may: the old code then fell
  // back to a textarea and execCommand('copy') in this page's DOM.
  const copyHtml = withHead(CLIPBOARD, 'clip');
  await l.context.route(`${CLIP_URL}*`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'permissions-policy': 'clipboard-write=()' }, body: copyHtml }),
  );
  await l.serve(READER_URL, '<!doctype html><title>reader</title><p>clipboard reader</p>', { html: true });
});
afterAll(async () => {
  await l?.close();
});

async function openResolved(url: string): Promise<Page> {
  const page = await l.context.newPage();
  await page.goto(url);
  await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
  const boxes = panel(page).getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    if (!(await boxes.nth(i).isChecked())) await boxes.nth(i).click();
    await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
  }
  await panel(page).locator('article.move').first().waitFor({ timeout: 10_000 });
  return page;
}

const composer = (page: Page) => page.locator('.ticket-panes-grid-layout[data-is-active="true"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
/** Offers and outcomes logged so far (the tests run in order, so a count that does not move = nothing logged). */
const moveActions = async () => (await readStore<{ type: string }>(l.worker, 'events')).filter((e) => e.type === 'move-offered' || e.type === 'move-outcome').length;

/** The first move's Insert button inside the closed panel root, as a protocol handle (from the content world). */
function insertButtonHandle(page: Page) {
  return contentWorld(page).evaluateHandle(() => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }).chrome.dom;
    const root = [...document.documentElement.children].map((el) => dom.openOrClosedShadowRoot(el)).find((r) => r?.querySelector('section.panel'));
    return root?.querySelector('article.move button.primary');
  });
}

describe('a hostile page against the panel', () => {
  it('cannot read the VE text, playbook or reasons, restyle the panel or swap its labels', async () => {
    const page = await openResolved(SPY_URL);
    const card = panel(page).locator('article.move').first();
    const veText = (await card.locator('blockquote').textContent()) ?? '';
    const reason = (await card.locator('.why li').first().textContent()) ?? '';
    const step = (await panel(page).locator('li.step').first().textContent()) ?? '';
    expect(veText.length).toBeGreaterThan(20);
    await page.waitForTimeout(500); // ten harvests
    const stolen = await page.evaluate(() => (window as unknown as { __stolen: string[] }).__stolen.join('\n'));
    for (const secret of [veText.slice(0, 40), reason, step.slice(0, 20), 'Insert into reply']) expect(stolen, secret).not.toContain(secret);
    // Still shown as we drew it: visible, opaque, our labels.
    expect(await card.getByRole('button', { name: 'Insert into reply' }).count()).toBe(1);
    expect(await panel(page).evaluate((el) => ({ visible: (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true }), opacity: getComputedStyle(el).opacity }))).toEqual({ visible: true, opacity: '1' });
    const host = await panel(page).evaluate((el) => getComputedStyle((el.getRootNode() as ShadowRoot).host).display);
    expect(host).toBe('block');
    await screenshot(page, 'attack-spy');
    await page.close();
  });

  it('cannot focus Insert so that the rep’s next real key presses it', async () => {
    const page = await openResolved(FOCUS_URL);
    await page.bringToFront();
    const logged = await moveActions();
    await page.waitForTimeout(300); // the page's script has had six chances to focus Insert
    for (const key of ['Enter', ' ', '2']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(await composer(page).textContent()).toBe('');
    expect(await moveActions()).toBe(logged);
    await page.close();
  });

  it('ignores keys on focus that arrived by neither pointer nor Tab, and acts after a real Tab', async () => {
    const page = await openResolved(FOCUS_URL.replace('focus.', 'focus2.'));
    await page.bringToFront();
    // Focus Insert programmatically (DOM.focus, like a script's el.focus()): the page cannot reach the
    // closed root, so the protocol stands in for any way focus could be moved there without the rep.
    const objectId = await insertButtonHandle(page);
    const logged = await moveActions();
    await (await contentWorld(page).cdp()).send('DOM.focus', { objectId });
    for (const key of ['Enter', ' ', '2']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(await composer(page).textContent()).toBe('');
    expect(await moveActions()).toBe(logged);
    // The rep tabs away and back: focus that arrived by Tab acts.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => composer(page).textContent()).not.toBe('');
    await page.close();
  });

  it('a script focusing Insert right after the rep clicks elsewhere in the panel does not inherit that click', async () => {
    const page = await openResolved(FOCUS_URL.replace('focus.', 'focus3.'));
    await page.bringToFront();
    const objectId = await insertButtonHandle(page);
    const logged = await moveActions();
    // The rep clicks the move's title (a real press inside the panel, on nothing focusable); at once
    // something else moves focus onto Insert, well inside the second a press may cause a focus change.
    await panel(page).locator('article.move h4').first().click();
    await (await contentWorld(page).cdp()).send('DOM.focus', { objectId });
    for (const key of ['Enter', ' ', '2']) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    expect(await composer(page).textContent()).toBe('');
    expect(await moveActions()).toBe(logged);
    // A press on Insert itself still acts.
    await panel(page).getByRole('button', { name: 'Insert into reply' }).first().click();
    await expect.poll(() => composer(page).textContent()).not.toBe('');
    await page.close();
  });

  it('ignores clicks while the page covers the panel, then says it was covered', async () => {
    const page = await openResolved(COVER_URL);
    await page.bringToFront();
    const insert = panel(page).getByRole('button', { name: 'Insert into reply' }).first();
    const logged = await moveActions();
    await page.evaluate(() => (window as unknown as { __cover: (on: boolean) => void }).__cover(true));
    await page.waitForTimeout(400); // the visibility observer reports at most every 100 ms
    await screenshot(page, 'attack-cover');
    await insert.click(); // passes through the pointer-events:none cover onto Insert
    await page.waitForTimeout(300);
    expect(await composer(page).textContent()).toBe('');
    expect(await moveActions()).toBe(logged);
    await page.evaluate(() => (window as unknown as { __cover: (on: boolean) => void }).__cover(false));
    await expect.poll(() => panel(page).locator('[data-covered]').textContent(), { timeout: 5_000 }).toMatch(/covered this panel at .*were ignored \(1\)/);
    await screenshot(page, 'attack-cover-reported');
    await page.waitForTimeout(600); // visible again for longer than the guard's dwell
    await insert.click();
    await expect.poll(() => composer(page).textContent()).not.toBe('');
    await page.close();
  });

  it('copies from an extension context: the page neither sees nor replaces the text', async () => {
    const page = await openResolved(CLIP_URL);
    await page.bringToFront();
    const card = panel(page).locator('article.move').first();
    const veText = ((await card.locator('blockquote').textContent()) ?? '').trim();
    await card.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => panel(page).locator('[role="status"]').first().textContent()).toContain('Copied — paste it into your reply.');
    const copies = await page.evaluate(() => (window as unknown as { __copies: string[] }).__copies);
    expect(copies).toEqual([]); // no copy event in the page at all
    // What the clipboard holds, read by an unrelated page allowed to read it.
    await l.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new globalThis.URL(READER_URL).origin });
    const reader = await l.context.newPage();
    await reader.goto(READER_URL);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(veText);
    await reader.close();
    await page.close();
  });

  it('inserts only into a composer that really holds focus, never into the field the page moved focus to', async () => {
    const page = await openResolved(CLIP_URL.replace('clip.', 'clip2.'));
    await page.bringToFront();
    await page.evaluate(() => (window as unknown as { __stealFocus: () => void }).__stealFocus());
    await panel(page).getByRole('button', { name: 'Insert into reply' }).first().click();
    await expect.poll(() => panel(page).locator('[role="status"]').first().textContent()).toContain('so it was copied');
    expect(await page.locator('#evil-trap').inputValue()).toBe('');
    await page.close();
  });

  it('stays usable above an ordinary page widget at the maximum z-index', async () => {
    const page = await l.context.newPage();
    await page.goto(WIDGET_URL);
    await page.bringToFront();
    await expect.poll(() => panel(page).locator('.ticket').textContent(), { timeout: 15_000 }).toBe('#4521');
    await page.locator('#chat-launcher').waitFor();
    await page.waitForTimeout(300);
    // Earlier tests ticked this ticket's steps (ticket state is shared per id): a click flips the last one.
    const box = panel(page).getByRole('checkbox').last();
    const before = await box.isChecked();
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(!before);
    expect(await panel(page).locator('[data-covered]').count()).toBe(0);
    await screenshot(page, 'attack-widget');
    await page.close();
  });
});
