/**
 * The NATS client (~60 kB gzip) is bundled into the service worker only: never into the content script
 * (it runs on every helpdesk page, 25 kB budget) nor into the extension pages, which reach the worker by message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './harness';
import { HELPDESK_SCRIPTS } from '../../src/background/helpdesk-scripts';

/** Files reachable from `entry` through static and dynamic imports of sibling chunks. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(DIST, file), 'utf8');
    for (const m of text.matchAll(/["'`](?:\.\/|\/)?((?:assets\/)?[\w.-]+\.js)["'`]/g)) {
      const name = m[1] as string;
      const path = name.startsWith('assets/') ? name : `assets/${name}`;
      if (readdirSync(join(DIST, 'assets')).includes(path.slice(7))) visit(path);
    }
  };
  visit(entry);
  return seen;
}

const NATS_MARKERS = ['Nats-Msg-Id', '$JS.API', 'wsconnect'];
const hasNats = (files: Set<string>) => [...files].filter((f) => NATS_MARKERS.some((m) => readFileSync(join(DIST, f), 'utf8').includes(m)));

describe('team mode in the build', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));

  it('the worker carries the NATS client', () => {
    expect(hasNats(closure(manifest.background.service_worker)).length).toBeGreaterThan(0);
  });

  it('the content script and the extension pages do not', () => {
    for (const js of [...HELPDESK_SCRIPTS.map((s) => s.file), 'content/custom.js']) expect(hasNats(closure(js)), js).toEqual([]);
    for (const page of ['dashboard', 'options', 'popup', 'welcome']) {
      const html = readFileSync(join(DIST, `src/pages/${page}/index.html`), 'utf8');
      const scripts = [...html.matchAll(/src="\/(assets\/[\w.-]+\.js)"/g)].map((m) => m[1] as string);
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const s of scripts) expect(hasNats(closure(s)), `${page}: ${s}`).toEqual([]);
    }
  });
});
