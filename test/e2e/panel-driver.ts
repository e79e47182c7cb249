/**
 * Drives the panel, whose shadow root is closed (page scripts, Playwright's locators and axe in the page
 * cannot see inside it), through the DevTools protocol:
 * - reads run in the content script's isolated world (Runtime.callFunctionOn in the execution context
 *   Chromium creates for our extension), where `chrome.dom.openOrClosedShadowRoot` opens the closed root;
 * - clicks are trusted mouse events at the control's box (page.mouse → Input.dispatchMouseEvent), typing is
 *   page.keyboard — the panel ignores anything else.
 * The API mirrors the Playwright locator calls the tests used on the open root (locator, getByRole,
 * getByText, first/nth, count, textContent, isChecked, click, waitFor, boundingBox, evaluate), so `panel(page)`
 * keeps working as before.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ContextInfo {
  id: number;
  frameId: string;
}

/** One CDP session per page, remembering the extension's isolated-world contexts as they come and go. */
class ContentWorld {
  private readonly contexts = new Map<number, ContextInfo>();
  private session: Promise<CDPSession> | null = null;

  constructor(private readonly page: Page) {}

  /** The CDP session this world's object ids belong to. */
  cdp(): Promise<CDPSession> {
    this.session ??= (async () => {
      const s = await this.page.context().newCDPSession(this.page);
      s.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { type?: string; frameId?: string } | undefined;
        if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) this.contexts.set(context.id, { id: context.id, frameId: aux.frameId ?? '' });
      });
      s.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
      s.on('Runtime.executionContextsCleared', () => this.contexts.clear());
      await s.send('Runtime.enable');
      return s;
    })();
    return this.session;
  }

  /** The content script's world in the top frame, waiting for the script to be injected. */
  async contextId(timeoutMs = 15_000): Promise<number> {
    const s = await this.cdp();
    const start = Date.now();
    for (;;) {
      const { frameTree } = await s.send('Page.getFrameTree');
      const mine = [...this.contexts.values()].filter((c) => c.frameId === frameTree.frame.id);
      const last = mine[mine.length - 1];
      if (last) return last.id;
      if (Date.now() - start > timeoutMs) throw new Error('the content script never ran in this page (no isolated world of the extension)');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Runs `fn(arg)` in the content script's world (self-contained, like page.evaluate) and returns its
   * (JSON-serialisable) result. A page that navigated meanwhile gets one retry in its new world.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.evaluateSource(fn.toString(), arg) as Promise<R>;
  }

  /** Like `evaluate`, with the function given as source text (for functions assembled from parts). */
  async evaluateSource(functionDeclaration: string, arg: unknown): Promise<unknown> {
    const s = await this.cdp();
    for (let attempt = 0; ; attempt++) {
      const executionContextId = await this.contextId();
      try {
        const r = await s.send('Runtime.callFunctionOn', {
          functionDeclaration,
          executionContextId,
          arguments: [{ value: arg ?? null }],
          awaitPromise: true,
          returnByValue: true,
        });
        if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
        return r.result.value;
      } catch (e) {
        if (attempt === 0 && /context|Cannot find/i.test(String(e))) {
          this.contexts.delete(executionContextId);
          continue;
        }
        throw e;
      }
    }
  }

  /** Runs `fn()` in the content script's world and returns a handle (CDP object id) to its result. */
  async evaluateHandle(fn: () => unknown): Promise<string> {
    const s = await this.cdp();
    const r = await s.send('Runtime.callFunctionOn', { functionDeclaration: fn.toString(), executionContextId: await this.contextId(), returnByValue: false });
    if (r.exceptionDetails || !r.result.objectId) throw new Error(`in the content script's world: no object (${r.exceptionDetails?.text ?? r.result.type})`);
    return r.result.objectId;
  }

  /** Runs a script (e.g. a library's source) in the content script's world. */
  async run(expression: string): Promise<void> {
    const s = await this.cdp();
    const r = await s.send('Runtime.evaluate', { expression, contextId: await this.contextId() });
    if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  }
}

const worlds = new WeakMap<Page, ContentWorld>();

/** The content script's isolated world of `page` (what a compromised renderer could run, or a test reads). */
export function contentWorld(page: Page): ContentWorld {
  let w = worlds.get(page);
  if (!w) {
    w = new ContentWorld(page);
    worlds.set(page, w);
  }
  return w;
}

/** One step of a query: CSS inside the panel, an ARIA role (+ name, checked), visible text, or an index. */
type Step =
  | { css: string }
  | { role: string; name?: string; nameRe?: { source: string; flags: string }; exact?: boolean; checked?: boolean }
  | { text: string }
  | { hasText: string }
  | { nth: number };

/**
 * Runs in the content script's world: finds the panel host (a plain element whose closed root holds
 * `section.panel`) and returns the elements the steps select.
 */
function findInPanel(steps: Step[]): Element[] {
  const open = (el: Element): ShadowRoot | null => {
    const c = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } }).chrome;
    // Chromium: chrome.dom.openOrClosedShadowRoot(el); Firefox content scripts: el.openOrClosedShadowRoot().
    if (c?.dom?.openOrClosedShadowRoot) return c.dom.openOrClosedShadowRoot(el);
    return (el as unknown as { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot?.() ?? null;
  };
  let sections: Element[] = [];
  for (const el of Array.from(document.documentElement.children)) {
    const root = open(el);
    const s = root?.querySelector('section.panel');
    if (s) sections.push(s);
  }
  const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? el.getClientRects().length > 0;
  const roleOf = (el: Element): string | null => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    if (tag === 'button' || tag === 'summary') return 'button';
    if (tag === 'input') return (el as HTMLInputElement).type === 'checkbox' ? 'checkbox' : 'textbox';
    if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
    if (tag === 'article') return 'article';
    if (tag === 'a') return 'link';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'li') return 'listitem';
    if (tag === 'progress') return 'progressbar';
    return null;
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const root = el.getRootNode() as ShadowRoot | Document;
      return by
        .split(/\s+/)
        .map((id) => root.getElementById?.(id)?.textContent ?? '')
        .join(' ');
    }
    if (el.tagName === 'INPUT') return el.closest('label')?.textContent ?? el.getAttribute('title') ?? '';
    return el.textContent ?? '';
  };
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  for (const step of steps) {
    if ('css' in step) sections = sections.flatMap((s) => Array.from(s.querySelectorAll(step.css)));
    else if ('role' in step) {
      sections = sections.flatMap((s) =>
        Array.from(s.querySelectorAll('*')).filter((el) => {
          if (roleOf(el) !== step.role || !visible(el)) return false;
          if (step.checked !== undefined && (el as HTMLInputElement).checked !== step.checked) return false;
          if (step.nameRe) return new RegExp(step.nameRe.source, step.nameRe.flags).test(norm(nameOf(el)));
          if (step.name === undefined) return true;
          const n = norm(nameOf(el));
          return step.exact ? n === step.name : n.toLowerCase().includes(step.name.toLowerCase());
        }),
      );
    } else if ('text' in step) {
      sections = sections.flatMap((s) =>
        Array.from(s.querySelectorAll('*')).filter(
          (el) => norm(el.textContent ?? '').includes(step.text) && !Array.from(el.children).some((c) => norm(c.textContent ?? '').includes(step.text)),
        ),
      );
    } else if ('hasText' in step) {
      sections = sections.filter((el) => norm(el.textContent ?? '').includes(step.hasText));
    } else {
      const i = step.nth < 0 ? sections.length + step.nth : step.nth;
      sections = sections[i] ? [sections[i]] : [];
    }
  }
  return sections;
}

const DEFAULT_TIMEOUT = 15_000;

/** A lazy query on the panel, like a Playwright Locator: nothing is looked up until an action runs. */
export class PanelLocator {
  constructor(
    readonly page: Page,
    private readonly steps: Step[] = [],
  ) {}

  private with(step: Step): PanelLocator {
    return new PanelLocator(this.page, [...this.steps, step]);
  }
  locator(css: string): PanelLocator {
    return this.with({ css });
  }
  getByRole(role: string, opts: { name?: string | RegExp; exact?: boolean; checked?: boolean } = {}): PanelLocator {
    const { name, ...rest } = opts;
    if (name instanceof RegExp) return this.with({ role, ...rest, nameRe: { source: name.source, flags: name.flags } });
    return this.with({ role, ...rest, name });
  }
  /** Keeps the matches whose text contains `hasText` (Playwright's `filter({ hasText })`, strings only). */
  filter(opts: { hasText: string }): PanelLocator {
    return this.with({ hasText: opts.hasText });
  }
  getByText(text: string): PanelLocator {
    return this.with({ text });
  }
  first(): PanelLocator {
    return this.with({ nth: 0 });
  }
  last(): PanelLocator {
    return this.with({ nth: -1 });
  }
  nth(n: number): PanelLocator {
    return this.with({ nth: n });
  }

  /**
   * Runs `fn(matches, arg)` in the content script's world. Both functions travel as source and are
   * compiled by the DevTools call (the isolated world's CSP would refuse eval there).
   */
  async run<R, A = undefined>(fn: (els: Element[], arg: A) => R, arg?: A): Promise<R> {
    const declaration = `function (q) { const find = ${findInPanel.toString()}; return (${fn.toString()})(find(q.steps), q.arg); }`;
    return contentWorld(this.page).evaluateSource(declaration, { steps: this.steps, arg: arg ?? null }) as Promise<R>;
  }

  /** Like Playwright's count(): no waiting; 0 on a page where the content script does not run. */
  count(): Promise<number> {
    return this.run((els) => els.length).catch((e: unknown) => {
      if (/never ran/.test(String(e))) return 0;
      throw e;
    });
  }

  /** Waits until exactly one element matches (Playwright's strictness), then returns `fn` of it. */
  private async one<R, A = undefined>(fn: (el: Element, arg: A) => R | Promise<R>, arg?: A, timeout = DEFAULT_TIMEOUT): Promise<R> {
    const start = Date.now();
    // Async so `fn` may wait (a frame, in click); a plain value is awaited as itself.
    const declaration = `async function (els, a) { if (els.length !== 1) return { n: els.length }; return { n: 1, v: await (${fn.toString()})(els[0], a) }; }`;
    for (;;) {
      const r = (await contentWorld(this.page)
        .evaluateSource(`function (q) { const find = ${findInPanel.toString()}; return (${declaration})(find(q.steps), q.arg); }`, { steps: this.steps, arg: arg ?? null })
        .catch((e: unknown) => {
          if (/never ran/.test(String(e))) throw e;
          return { n: 0 };
        })) as { n: number; v?: R };
      if (r.n === 1) return r.v as R;
      if (r.n > 1) throw new Error(`strict mode violation: ${r.n} panel elements match ${JSON.stringify(this.steps)}`);
      if (Date.now() - start > timeout) throw new Error(`no panel element matches ${JSON.stringify(this.steps)} after ${timeout} ms`);
      await new Promise((res) => setTimeout(res, 50));
    }
  }

  /** Runs `fn(matches, arg)` in the content script's world without waiting (Playwright's evaluateAll()). */
  evaluateAll<R, A = undefined>(fn: (els: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.run(fn, arg);
  }
  /** Every match's text, without waiting (Playwright's allTextContents()). */
  allTextContents(): Promise<string[]> {
    return this.run((els) => els.map((e) => e.textContent ?? ''));
  }
  textContent(): Promise<string | null> {
    return this.one((el) => el.textContent);
  }
  innerText(): Promise<string> {
    return this.one((el) => (el as HTMLElement).innerText);
  }
  getAttribute(name: string): Promise<string | null> {
    return this.one((el, n: string) => el.getAttribute(n), name);
  }
  isChecked(): Promise<boolean> {
    return this.one((el) => (el as HTMLInputElement).checked);
  }
  isVisible(): Promise<boolean> {
    return this.run((els) => els.length === 1 && ((els[0] as HTMLElement).checkVisibility?.() ?? true));
  }
  /** Runs `fn(element, arg)` in the content script's world (page scripts cannot; a test can). */
  evaluate<R, A = undefined>(fn: (el: Element, arg: A) => R, arg?: A): Promise<R> {
    return this.one(fn, arg);
  }

  async waitFor(opts: { state?: 'attached' | 'visible' | 'detached' | 'hidden'; timeout?: number } = {}): Promise<void> {
    const state = opts.state ?? 'visible';
    const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
    const start = Date.now();
    for (;;) {
      const n = await this.run((els) => els.filter((e) => (e as HTMLElement).checkVisibility?.() ?? true).length + els.length * 1000).catch(() => 0);
      const attached = n >= 1000;
      const visible = n % 1000 > 0;
      if ((state === 'attached' && attached) || (state === 'visible' && visible) || (state === 'detached' && !attached) || (state === 'hidden' && !visible)) return;
      if (Date.now() - start > timeout) throw new Error(`panel element ${JSON.stringify(this.steps)} not ${state} after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Whether the rep sees the element where it is now, without scrolling: its whole box lies inside the
   * boxes of the panel and of every scrolling box between them.
   */
  inSight(): Promise<boolean> {
    return this.one((el) => {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) return false;
      for (let box: Element | null = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (!box.matches('section.panel') && !/auto|scroll|hidden/.test(style.overflowY)) continue;
        const b = box.getBoundingClientRect();
        if (r.top < b.top || r.bottom > b.bottom) return false;
        if (box.matches('section.panel')) return true;
      }
      return false;
    });
  }

  /** The element's box in the viewport (CSS pixels), after scrolling it into view. */
  async boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.one((el) => {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    });
  }

  /**
   * A trusted click (CDP mouse events) at the centre of the element's box, like a rep's pointer. Like
   * Playwright's "stable" actionability check, it clicks only once the box has stayed put for 50 ms (three
   * frames at 60 Hz): a block arriving above it (the moves block pushing the wrap-up down) would otherwise
   * take a click aimed at where it was. (No hit-target check: the attack tests click elements that a page
   * covers on purpose.)
   */
  async click(opts: { timeout?: number; noWaitAfter?: boolean } = {}): Promise<void> {
    const timeout = opts.timeout ?? DEFAULT_TIMEOUT;
    await this.waitFor({ state: 'visible', timeout });
    const start = Date.now();
    for (;;) {
      const box = await this.one(async (el) => {
        const rect = () => {
          el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const r = el.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        };
        const before = rect();
        // A timer, not requestAnimationFrame: a tab behind another draws no frames, and tests drive those too.
        await new Promise((r) => setTimeout(r, 50));
        const after = rect();
        const stable = after.width > 0 && after.height > 0 && (['x', 'y', 'width', 'height'] as const).every((k) => before[k] === after[k]);
        return stable ? { x: after.x + after.width / 2, y: after.y + after.height / 2 } : null;
      }, undefined, timeout);
      if (box) return this.page.mouse.click(box.x, box.y);
      if (Date.now() - start > timeout) throw new Error(`panel element ${JSON.stringify(this.steps)} did not hold still for ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Focuses the element the way a rep would: a trusted click on it. */
  async focus(): Promise<void> {
    await this.click();
  }

  /** Focuses the element by a real click (unless it has focus already), then presses `key` (trusted input). */
  async press(key: string): Promise<void> {
    const focused = await this.one((el) => (el.getRootNode() as ShadowRoot).activeElement === el);
    if (!focused) await this.click();
    await this.page.keyboard.press(key);
  }
}

/** The rep's panel in `page` (its `section.panel`), reached through the content script's world. */
export function panelDriver(page: Page): PanelLocator {
  return new PanelLocator(page);
}

/** Text of the element holding focus inside the panel (null when focus is elsewhere). */
export function panelFocusText(page: Page): Promise<string | null> {
  return contentWorld(page).evaluate(() => {
    const open = (el: Element) => (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot: (e: Element) => ShadowRoot | null } } }).chrome.dom.openOrClosedShadowRoot(el);
    for (const el of Array.from(document.documentElement.children)) {
      const root = open(el);
      if (root?.querySelector('section.panel')) return root.activeElement?.textContent ?? null;
    }
    return null;
  });
}

/**
 * axe-core on the panel: loaded into the content script's world, where the host's closed root is opened
 * for axe alone (a `shadowRoot` getter on that one host, in that world only; the page still sees null).
 */
export async function panelAxeViolations(page: Page, axeSource: string): Promise<string[]> {
  const world = contentWorld(page);
  await world.run(axeSource);
  return world.evaluate(async () => {
    const dom = (globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot: (e: Element) => ShadowRoot | null } } }).chrome.dom;
    const host = Array.from(document.documentElement.children).find((el) => dom.openOrClosedShadowRoot(el)?.querySelector('section.panel'));
    if (!host) throw new Error('no panel');
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => dom.openOrClosedShadowRoot(host) });
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run({ include: [host] }, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}
