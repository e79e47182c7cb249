/**
 * Firefox end to end over WebDriver BiDi: Debian's firefox-esr driven by puppeteer-core, the Firefox build
 * (dist/firefox) installed as a temporary add-on with its moz-extension UUID pinned, and the helpdesk
 * fixtures served at their real URLs by request interception (nothing leaves the machine).
 *
 * The panel's controls are reached the way assistive technology reaches them: through Firefox's
 * accessibility tree, read in the browser's parent process (BiDi `script.evaluate` in the chrome window,
 * allowed by `--remote-allow-system-access`). It gives each control's role, accessible name, checked state
 * and box whether the panel's shadow root is open or closed, and the click itself is a real mouse click
 * (BiDi input actions, trusted events) at the centre of that box. Nothing in the shipped build helps.
 *
 * Extension errors: content-script errors arrive as page `pageerror`/console events; background and
 * extension-page errors never reach BiDi, but Firefox prints them on its stdout as
 * `JavaScript error: moz-extension://…` (with `devtools.console.stdout.content`). Both are collected.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ARTIFACTS, FIXTURES } from './harness';
import { readStoreInExtension } from './idb-read';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve('dist/firefox');
/** Pinned so extension URLs are known before the add-on is installed. */
export const FIREFOX_UUID = '5b0e6f7a-3c2d-4e1f-9a8b-7c6d5e4f3a2b';

export interface AxNode {
  readonly role: string;
  readonly name: string;
  readonly checked: boolean;
  /** aria-pressed="true" (role "toggle button"). */
  readonly pressed: boolean;
  /** Box in the page's viewport (CSS pixels). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface FirefoxSession {
  readonly browser: Browser;
  extensionUrl(path: string): string;
  /** Serves `html` (or a fixture path under test/fixtures) for every URL starting with `url`'s origin+path. */
  serve(url: string, fixtureOrHtml: string, opts?: { html?: boolean }): void;
  /** A new tab at `url` with the served pages answered; brought to the front (hidden tabs are throttled). */
  open(url: string): Promise<Page>;
  /** The extension tab (opened on install) navigated to an extension page. */
  extensionPage(path: string): Promise<Page>;
  /** Interactive controls and headings of the tab at `url`, from the accessibility tree. */
  ax(url: string): Promise<AxNode[]>;
  /** Real mouse click at the centre of the control with this role and accessible name (scrolled into view). */
  click(page: Page, role: string, name: string | RegExp): Promise<void>;
  /** Every record of an IndexedDB store, read from the extension's origin. */
  readStore<T = unknown>(store: string): Promise<T[]>;
  /** Extension errors seen so far (stdout lines and content-script page errors). */
  extensionErrors(): string[];
  /** Everything Firefox printed (for failure messages). */
  output(): string;
  close(): Promise<void>;
}

/** Lines of Firefox output that are our extension's errors (not its warnings, not Firefox's own noise). */
export function extensionErrorLines(output: string, uuid = FIREFOX_UUID): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('JavaScript error:') && line.includes(`moz-extension://${uuid}/`));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs in the parent process's chrome window: the accessibility subtree of the tab showing `url`. */
const AX_SCRIPT = (url: string, scrollTo: { role: string; name: string } | null) => `(async () => {
  const svc = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const tab = win.gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)});
  if (!tab) return JSON.stringify({ error: 'no tab at ' + ${JSON.stringify(url)} });
  const doc = svc.getAccessibleFor(tab)?.firstChild;
  if (!doc) return JSON.stringify({ nodes: [] });
  const box = (a) => { const x = {}, y = {}, w = {}, h = {}; a.getBounds(x, y, w, h); return [x.value, y.value, w.value, h.value]; };
  const wanted = ${JSON.stringify(scrollTo)};
  const nodes = [];
  const all = [];
  const walk = (a, depth) => {
    if (!a || depth > 80) return;
    const role = svc.getStringRole(a.role);
    if (['checkbutton', 'pushbutton', 'radiobutton', 'entry', 'heading', 'link', 'combobox', 'toggle button', 'statusbar'].includes(role)) all.push([a, role]);
    for (let c = a.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
  };
  walk(doc, 0);
  if (wanted) {
    const hit = all.find(([a, role]) => role === wanted.role && a.name === wanted.name);
    if (hit) {
      hit[0].scrollTo(Ci.nsIAccessibleScrollType.SCROLL_TYPE_ANYWHERE);
      await new Promise((r) => win.setTimeout(r, 100));
    }
  }
  const d = box(doc);
  for (const [a, role] of all) {
    const st = {}, ex = {};
    a.getState(st, ex);
    const b = box(a);
    nodes.push({ role, name: a.name ?? '', checked: !!(st.value & Ci.nsIAccessibleStates.STATE_CHECKED), pressed: !!(st.value & Ci.nsIAccessibleStates.STATE_PRESSED), x: b[0] - d[0], y: b[1] - d[1], w: b[2], h: b[3] });
  }
  return JSON.stringify({ nodes });
})()`;

export async function launchFirefox(opts: { dist?: string } = {}): Promise<FirefoxSession> {
  const dist = opts.dist ?? FIREFOX_DIST;
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr`);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const geckoId = (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
      'devtools.console.stdout.content': true,
      // The accessibility service starts when the tests first read the tree; keep it from being refused.
      'accessibility.force_disabled': 0,
    },
  });
  let out = '';
  const proc = browser.process();
  proc?.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  proc?.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const pageErrors: string[] = [];
  const pages = new Map<string, string>();
  const extBase = `moz-extension://${FIREFOX_UUID}/`;
  await browser.installExtension(dist);
  // puppeteer's BiDi browser exposes its WebDriver BiDi connection (not in the public Browser type).
  const bidi = (browser as unknown as { connection?: { send(method: string, params: unknown): Promise<unknown> } }).connection;
  if (!bidi) throw new Error('puppeteer did not connect over WebDriver BiDi');

  const chromeContext = async (): Promise<string> => {
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as { result: { contexts: { context: string; url: string }[] } };
    const ctx = tree.result.contexts.find((c) => c.url.startsWith('chrome://browser/'));
    if (!ctx) throw new Error('no chrome window context (is --remote-allow-system-access passed?)');
    return ctx.context;
  };
  const axRaw = async (url: string, scrollTo: { role: string; name: string } | null): Promise<AxNode[]> => {
    const r = (await bidi.send('script.evaluate', { expression: AX_SCRIPT(url, scrollTo), target: { context: await chromeContext() }, awaitPromise: true })) as unknown as {
      result: { type: string; result?: { value: string }; exceptionDetails?: { text: string } };
    };
    if (r.result.type !== 'success' || !r.result.result) throw new Error(`accessibility tree: ${r.result.exceptionDetails?.text ?? JSON.stringify(r.result).slice(0, 300)}`);
    const parsed = JSON.parse(r.result.result.value) as { nodes?: AxNode[]; error?: string };
    if (parsed.error) throw new Error(parsed.error);
    return parsed.nodes ?? [];
  };
  const watch = (page: Page) => {
    page.on('pageerror', (e) => {
      const err = e as Error;
      if (`${err.stack ?? ''}`.includes(extBase)) pageErrors.push(`pageerror: ${err.message}\n${err.stack}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && (m.location().url ?? '').startsWith(extBase)) pageErrors.push(`console.error: ${m.text()}`);
    });
  };
  const extensionTab = async (): Promise<Page> => {
    for (let i = 0; i < 100; i++) {
      for (const p of await browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(extBase)) return p;
      }
      await sleep(100);
    }
    throw new Error('the extension tab opened on install never appeared');
  };
  const matches = (name: string | RegExp, n: AxNode) => (typeof name === 'string' ? n.name === name : name.test(n.name));

  const session: FirefoxSession = {
    browser,
    extensionUrl: (path) => `${extBase}${path}`,
    serve(url, fixtureOrHtml, o = {}) {
      const u = new URL(url);
      pages.set(u.origin + u.pathname, o.html ? fixtureOrHtml : readFileSync(join(FIXTURES, fixtureOrHtml), 'utf8'));
    },
    async open(url) {
      const page = await browser.newPage();
      watch(page);
      await page.setRequestInterception(true);
      // A request still open when the browser shuts down cannot be answered any more: that one error
      // (puppeteer's TargetCloseError / ConnectionClosedError) is expected at the end of a run; any other still surfaces.
      const settle = (p: Promise<void>) =>
        p.catch((e: unknown) => {
          const name = (e as { name?: string } | null)?.name;
          if (name !== 'TargetCloseError' && name !== 'ConnectionClosedError') throw e;
        });
      page.on('request', (req) => {
        const r = req.url();
        if (!/^https?:/.test(r)) return void settle(req.continue());
        const u = new URL(r);
        const key = u.origin + u.pathname;
        const html = [...pages.entries()].find(([prefix]) => key === prefix || key.startsWith(prefix))?.[1];
        if (html !== undefined) return void settle(req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
        return void settle(req.respond({ status: 404, contentType: 'text/plain', body: 'not served in tests' }));
      });
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
    async extensionPage(path) {
      const tab = await extensionTab();
      const url = `${extBase}${path}`;
      // BiDi refuses to navigate to moz-extension:// itself; the extension's own tab may.
      await tab.evaluate((u) => {
        location.href = u;
      }, url);
      for (let i = 0; i < 100; i++) {
        const ready = await tab.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
        if (ready) break;
        await sleep(100);
      }
      watch(tab);
      await tab.bringToFront();
      return tab;
    },
    ax: (url) => axRaw(url, null),
    async click(page, role, name) {
      const url = page.url();
      let node: AxNode | undefined;
      const deadline = Date.now() + 15_000;
      while (!node && Date.now() < deadline) {
        node = (await axRaw(url, null)).find((n) => n.role === role && matches(name, n));
        if (!node) await sleep(100);
      }
      if (!node) throw new Error(`no ${role} named ${name} in the accessibility tree of ${url}`);
      // Scroll it into view first (as a screen reader would): a box inside the viewport can still be
      // clipped by the panel's own scrolling list. Then read the box again until it stops moving.
      const same = (n: AxNode) => n.role === role && n.name === node!.name;
      node = (await axRaw(url, { role, name: node.name })).find(same) ?? node;
      for (let i = 0; i < 10; i++) {
        await sleep(50);
        const again = (await axRaw(url, null)).find(same);
        if (!again || (again.x === node.x && again.y === node.y)) break;
        node = again;
      }
      await page.mouse.click(node.x + node.w / 2, node.y + node.h / 2);
    },
    async readStore<T>(store: string): Promise<T[]> {
      const tab = await extensionTab();
      return tab.evaluate(readStoreInExtension, store) as Promise<T[]>;
    },
    extensionErrors: () => [...extensionErrorLines(out), ...pageErrors],
    output: () => out,
    async close() {
      await browser.close().catch(() => {});
    },
  };
  return session;
}

/** Polls `fn` every 150 ms until `ok`; on timeout the error names `what` and the last value. */
export async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: timed out; last value ${JSON.stringify(last)?.slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await fn();
  }
  return last;
}

/**
 * One Firefox for a test file, serving `fixture` at `url`; every test of the file fails if the extension
 * logged an error anywhere. Returns the session's getter (the session exists once `beforeAll` has run).
 */
export function firefoxServing(url: string, fixture: string): () => FirefoxSession {
  let ff: FirefoxSession | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ff = await launchFirefox();
    ff.serve(url, fixture);
  }, 60_000);
  afterAll(async () => {
    await ff?.close();
  });
  afterEach(() => {
    expect(ff?.extensionErrors(), 'the extension logged errors in Firefox').toEqual([]);
  });
  return () => {
    if (!ff) throw new Error('Firefox is not running (beforeAll has not run)');
    return ff;
  };
}
