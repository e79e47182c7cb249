/**
 * Firefox smoke test: Debian's firefox-esr (headless) installs the Firefox build as a temporary add-on
 * through `web-ext run`, and neither the background script nor the welcome page it opens on install logs
 * an error. (Playwright cannot drive stock Firefox, so the content script's behaviour is covered by the
 * Chromium suite; the Firefox manifest is checked by `web-ext lint` and build-output.test.ts.)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

describe('Firefox build', () => {
  it('installs in firefox-esr and runs without extension errors', async () => {
    if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: apt-get install -y firefox-esr (the test command installs it when run as root)`);
    const child = spawn(
      'npx',
      ['web-ext', 'run', '--verbose', '--source-dir', 'dist/firefox', `--firefox=${FIREFOX}`, '--arg=--headless', '--no-reload', '--no-input', '--start-url', 'about:blank'],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const started = Date.now();
    while (!log.includes('as a temporary add-on') && Date.now() - started < 60_000 && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 5_000)); // let the background script and welcome page run
    process.kill(-child.pid!, 'SIGTERM');
    expect(log).toContain('Installed');
    const ours = log.split('\n').filter((line) => /moz-extension:|Resolve Plus/i.test(line) && /error|exception|warn/i.test(line));
    expect(ours).toEqual([]);
  }, 90_000);
});
