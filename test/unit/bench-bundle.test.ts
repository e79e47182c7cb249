/**
 * Figure 1a counts what a helpdesk tab loads, from the built manifest: a loader-style build (one entry,
 * adapters imported lazily) and self-contained per-site bundles must both be counted in full, and a
 * build whose adapter chunk cannot be found must fail the figure instead of leaving the adapter out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_INJECTED, bundleFigures, bundleRows, helpdeskFiles, matchPattern } from '../../bench/figures/bundle-size';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dist(files: Record<string, string>, contentScripts: unknown[]): string {
  const d = mkdtempSync(join(tmpdir(), 'rp-bundle-'));
  dirs.push(d);
  mkdirSync(join(d, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  writeFileSync(join(d, 'manifest.json'), JSON.stringify({ content_scripts: contentScripts }));
  return d;
}

// Incompressible filler so gzip sizes differ by the amount written.
const noise = (bytes: number, seed: number) => {
  let x = seed;
  let s = '';
  while (s.length < bytes) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    s += x.toString(36);
  }
  return `/*${s.slice(0, bytes)}*/`;
};

const HELPDESKS = [
  { adapter: 'zendesk', url: 'https://acme.zendesk.com/agent/tickets/1' },
  { adapter: 'freshdesk', url: 'https://acme.freshdesk.com/a/tickets/2' },
];

describe('figure 1a: content script a helpdesk tab loads', () => {
  it('match patterns follow Chrome: *. covers the bare domain and subdomains, not look-alikes', () => {
    const re = matchPattern('https://*.zendesk.com/*');
    expect(re.test('https://acme.zendesk.com/agent')).toBe(true);
    expect(re.test('https://zendesk.com/')).toBe(true);
    expect(re.test('https://evilzendesk.com/')).toBe(false);
    expect(re.test('http://acme.zendesk.com/')).toBe(false);
    expect(matchPattern('https://desk.zoho.eu/*').test('https://desk.zoho.eu.evil.com/')).toBe(false);
  });

  it('loader-style build: loader + entry + its imports + the helpdesk adapter chunk, not the other adapters', () => {
    const d = dist(
      {
        'assets/loader.js': `(async()=>{await import(chrome.runtime.getURL("assets/entry.js"))})();`,
        // Rolldown writes some specifiers as template literals.
        'assets/entry.js': `import "./shared.js";const a={zendesk:()=>import(\`./zendesk-AbC1.js\`),freshdesk:()=>import("./freshdesk-x_9.js")};${noise(2000, 1)}`,
        'assets/shared.js': noise(1000, 2),
        'assets/zendesk-AbC1.js': `import "./dom-extra.js";${noise(3000, 3)}`,
        'assets/freshdesk-x_9.js': noise(500, 4),
        'assets/dom-extra.js': noise(700, 5),
      },
      [{ js: ['assets/loader.js'], matches: ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*'] }],
    );
    const files = (h: (typeof HELPDESKS)[number]) =>
      [...helpdeskFiles(d, [{ js: ['assets/loader.js'], matches: ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*'] }], h).eager].map((f) => f.slice(d.length + 1)).sort();
    expect(files(HELPDESKS[0]!)).toEqual(['assets/dom-extra.js', 'assets/entry.js', 'assets/loader.js', 'assets/shared.js', 'assets/zendesk-AbC1.js']);
    expect(files(HELPDESKS[1]!)).toEqual(['assets/entry.js', 'assets/freshdesk-x_9.js', 'assets/loader.js', 'assets/shared.js']);
    const [row] = bundleRows(d, HELPDESKS, []);
    expect(row!.name).toContain('zendesk');
    expect(row!.files).toContain('assets/zendesk-AbC1.js');
  });

  it('per-site self-contained bundles: each helpdesk counts only the entries that match it', () => {
    const d = dist(
      { 'assets/zendesk.js': noise(4000, 6), 'assets/freshdesk.js': noise(9000, 7) },
      [
        { js: ['assets/zendesk.js'], matches: ['https://*.zendesk.com/*'] },
        { js: ['assets/freshdesk.js'], matches: ['https://*.freshdesk.com/*'] },
      ],
    );
    const [row] = bundleRows(d, HELPDESKS, []);
    expect(row!.name).toContain('freshdesk');
    expect(row!.files).toEqual(['assets/freshdesk.js']);
    const [fig] = bundleFigures(d, () => {}, HELPDESKS, []);
    expect(fig!.note).toMatch(/per helpdesk/);
  });

  it('worker-injected bundles (no manifest entries): each helpdesk counts the bundle the worker injects for its URL', () => {
    const d = dist({}, []);
    mkdirSync(join(d, 'content'));
    writeFileSync(join(d, 'content/zendesk.js'), noise(4000, 6));
    writeFileSync(join(d, 'content/freshdesk.js'), noise(9000, 7));
    // The second bundle, injected only when a tab asks (src/background/lazy-files.ts): in the note, not the figure.
    writeFileSync(join(d, 'content/lazy.js'), noise(3000, 8));
    const [row] = bundleRows(d, HELPDESKS, WORKER_INJECTED);
    expect(row!.name).toContain('freshdesk');
    expect(row!.files).toEqual(['content/freshdesk.js']);
    expect(row!.onRequestGzipBytes).toBeGreaterThan(1000);
    const [fig] = bundleFigures(d, () => {}, HELPDESKS, WORKER_INJECTED);
    expect(fig!.note).toMatch(/kB injected only on request \(content\/lazy\.js/);
    rmSync(join(d, 'content/lazy.js'));
    expect(() => bundleRows(d, HELPDESKS, WORKER_INJECTED)).toThrow(/content\/lazy\.js \(injected on request\) is missing/);
    // The product's table is the default: a build missing an injected bundle fails the figure.
    expect(() => bundleRows(dist({}, []), HELPDESKS)).toThrow(/content\/zendesk\.js is missing/);
  });

  it('fails when the adapter chunk cannot be found or no entry matches a helpdesk', () => {
    const lazyOnly = dist(
      { 'assets/entry.js': `const x=()=>import("./chunk-1.js");`, 'assets/chunk-1.js': '' },
      [{ js: ['assets/entry.js'], matches: ['https://*.zendesk.com/*'] }],
    );
    expect(() => bundleRows(lazyOnly, [HELPDESKS[0]!], [])).toThrow(/zendesk adapter/);
    expect(() => bundleRows(lazyOnly, [HELPDESKS[1]!], [])).toThrow(/no content script/);
  });
});
