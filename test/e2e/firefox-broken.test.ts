/**
 * The Firefox suite's error check can fail: a deliberately broken copy of the Firefox build (an error
 * thrown by the background script, by an extension page and by the content script) must show up in
 * `extensionErrors()`, the same check every Firefox test ends with. Without this, a check that never
 * sees anything would pass forever.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { FIREFOX_DIST, type FirefoxSession, launchFirefox } from './firefox-harness';

const URL = 'https://acme.zendesk.com/agent/tickets/4521';
const broken = mkdtempSync(join(tmpdir(), 'rp-firefox-broken-'));
let ff: FirefoxSession | undefined;

afterAll(async () => {
  await ff?.close();
  rmSync(broken, { recursive: true, force: true });
});

const thrower = (marker: string) => `\n;setTimeout(() => { throw new Error(${JSON.stringify(marker)}); }, 0);\n`;

it('reports errors from a deliberately broken build: background, extension page, content script', async () => {
  cpSync(FIREFOX_DIST, broken, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(broken, 'manifest.json'), 'utf8')) as {
    background: { scripts: string[] };
  };
  appendFileSync(join(broken, manifest.background.scripts[0]!), thrower('rp-broken-background'));
  appendFileSync(join(broken, 'content/zendesk.js'), thrower('rp-broken-content')); // injected by the worker on URL
  // The welcome page opens on install: break the module script its HTML loads.
  const welcome = readFileSync(join(broken, 'src/pages/welcome/index.html'), 'utf8');
  const script = /<script[^>]*type="module"[^>]*src="([^"]+)"/.exec(welcome)?.[1];
  expect(script, 'the welcome page has a module script').toBeTruthy();
  appendFileSync(script!.startsWith('/') ? join(broken, script!) : join(broken, 'src/pages/welcome', script!), thrower('rp-broken-page'));

  ff = await launchFirefox({ dist: broken });
  ff.serve(URL, 'zendesk/ticket.html');
  await ff.open(URL);
  const deadline = Date.now() + 20_000;
  const want = ['rp-broken-background', 'rp-broken-page', 'rp-broken-content'];
  const found = () => want.filter((m) => ff!.extensionErrors().some((e) => e.includes(m)));
  while (found().length < want.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  expect(found(), `errors seen:\n${ff.extensionErrors().join('\n')}\n--- Firefox output ---\n${ff.output().slice(-3000)}`).toEqual(want);
});
