/**
 * Launches Debian's Chromium with the built extension (dist/chromium) in a fresh profile and serves the
 * committed helpdesk fixtures at their real URLs with `context.route`, so the shipped manifest's matches
 * apply unchanged. Every other request is answered locally with 404: tests never touch the network.
 */
import { DEFAULT_PLAYBOOK } from '../../src/core/playbook';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type PanelLocator, panelDriver } from './panel-driver';
import { readStoreInExtension } from './idb-read';

export const DIST = resolve('dist/chromium');
export const FIXTURES = resolve('test/fixtures');
export const ARTIFACTS = resolve('artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface FixtureCase {
  adapter: string;
  fixture: string;
  url: string;
  ticketId: string;
  subject?: string;
  switch?: { click: string; ticketId: string };
  customSite?: unknown;
}

export function allCases(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const dir of readdirSync(FIXTURES)) {
    const file = join(FIXTURES, dir, 'cases.json');
    if (!existsSync(file)) continue;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as FixtureCase | FixtureCase[];
    for (const c of Array.isArray(parsed) ? parsed : [parsed]) out.push({ ...c, fixture: join(dir, c.fixture) });
  }
  return out;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profile: string;
  /** Serve `fixture` (path under test/fixtures) for every URL starting with `urlPrefix`'s origin+path. */
  serve(url: string, fixtureOrHtml: string, opts?: { html?: boolean; contentType?: string }): Promise<void>;
  close(): Promise<void>;
}

export async function launch(
  opts: { profile?: string; keepProfile?: boolean; headless?: boolean; lang?: string; dist?: string } = {},
): Promise<Launched> {
  // `dist`: load a copy of the build (the benchmark snapshots dist/chromium so a concurrent rebuild cannot break it).
  const dist = opts.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first`);
  const profile = opts.profile ?? mkdtempSync(join(tmpdir(), 'rp-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${opts.lang ?? 'en-US'}`,
    ],
    locale: opts.lang ?? 'en-US',
    env: { ...process.env, LANGUAGE: opts.lang ?? 'en-US' },
  });
  const pages = new Map<string, string>();
  const contentTypes = new Map<string, string>(); // prefixes served as something other than HTML (API JSON)
  // Anything not explicitly served is answered locally: no request leaves the machine.
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    const key = url.origin + url.pathname;
    const [prefix, html] = [...pages.entries()].find(([p]) => key === p || key.startsWith(p)) ?? [];
    if (html !== undefined) return route.fulfill({ status: 200, contentType: contentTypes.get(prefix ?? '') ?? 'text/html; charset=utf-8', body: html });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  // Close the welcome tab opened on install, so tests start from a known state.
  for (const p of context.pages()) if (p.url().includes('/welcome/')) await p.close();
  context.on('page', (p) => {
    if (p.url().includes('/welcome/')) void p.close();
  });
  return {
    context,
    worker,
    extensionId,
    profile,
    async serve(url, fixtureOrHtml, o = {}) {
      const u = new URL(url);
      pages.set(u.origin + u.pathname, o.html ? fixtureOrHtml : readFileSync(join(FIXTURES, fixtureOrHtml), 'utf8'));
      if (o.contentType) contentTypes.set(u.origin + u.pathname, o.contentType);
    },
    async close() {
      await context.close();
      if (!opts.keepProfile && !opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The rep's panel, driven through the DevTools protocol (its shadow root is closed): see panel-driver.ts. */

/** The usual per-file set-up: a browser with the extension, each URL serving its fixture. */
export async function launchServing(pages: Record<string, string>): Promise<Launched> {
  const l = await launch();
  for (const [url, fixture] of Object.entries(pages)) await l.serve(url, fixture);
  return l;
}
export const panel = (page: Page): PanelLocator => panelDriver(page);

/**
 * Goes to `url` in `page` and reports when the extension's isolated world first appeared in it (CDP
 * reports worlds as they are created) and when the page's load event fired, both by this process's clock:
 * what "not in the page before its load event" (figure 11) is checked against.
 */
export async function worldsAgainstLoad(l: Launched, page: Page, url: string): Promise<{ firstWorldAt: number; loadedAt: number }> {
  const cdp = await l.context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) worlds.push(Date.now());
  });
  await cdp.send('Runtime.enable');
  let loadedAt = 0;
  page.once('load', () => {
    loadedAt = Date.now();
  });
  await page.goto(url, { waitUntil: 'load' });
  return {
    get firstWorldAt() {
      return worlds.length ? Math.min(...worlds) : 0;
    },
    get loadedAt() {
      return loadedAt;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export function extensionPage(l: Launched, path: string): string {
  return `chrome-extension://${l.extensionId}/${path}`;
}

/** Reads every record of a store from the extension's IndexedDB, inside the service worker. */
export async function readStore<T = unknown>(worker: Worker, store: string): Promise<T[]> {
  return worker.evaluate(readStoreInExtension, store) as Promise<T[]>;
}

export async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page (or inside `include`, e.g. [['resolve-plus-panel']]) and returns the
 * violations as "rule (node count)". Injected through CDP evaluation, which extension pages' CSP allows.
 */
export async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (inc) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(inc ? { include: inc } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, include ?? null);
}

/**
 * The default playbook plus one move that fits any resolved ticket (no cooldown), so every helpdesk's
 * end-to-end run gets a move to insert. `id` names the suite that saves it.
 */
export function anyTicketPlaybook(id: string) {
  return {
    ...DEFAULT_PLAYBOOK,
    id,
    settings: { ...DEFAULT_PLAYBOOK.settings, veCooldownDays: 0 },
    moves: [
      ...DEFAULT_PLAYBOOK.moves,
      {
        id: 'e2e-any-ticket',
        kind: 'usage-tip' as const,
        title: 'Tip that fits every resolved ticket',
        text: 'Thanks {customer.firstName}! A quick tip: you can reply to this thread any time.',
        when: { resolutionConfirmed: true },
        priority: 1000,
        cooldownDays: 0,
      },
    ],
  };
}
