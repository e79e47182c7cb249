/**
 * The content-script delivery (scripts/build.mjs): one self-contained bundle per built-in helpdesk, injected
 * by the worker on that helpdesk's agent paths only (src/background/helpdesk-scripts.ts; the manifest
 * declares none), plus the custom-site bundle. Checks that the bundles, that table and the adapters' table
 * agree, and that every committed fixture's URL is matched by its own helpdesk's entry and by no other.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAZY_CSS } from '../../src/content/panel/lazy-styles';
import { PANEL_CSS } from '../../src/content/panel/styles';
import { SITES } from '../../src/sites/sites';
import { HELPDESK_SCRIPTS } from '../../src/background/helpdesk-scripts';
import { minifyCss } from '../../vite.content.config';
import { builtInFixtureCases } from './fixture';

interface ContentScript {
  matches: string[];
  js: string[];
  run_at?: string;
}
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { host_permissions: string[]; web_accessible_resources?: unknown };
// The worker's injection table, in the shape the manifest's content_scripts had.
const contentScripts: ContentScript[] = HELPDESK_SCRIPTS.map((s) => ({ matches: [...s.matches], js: [s.file] }));

/** Chrome's match-pattern semantics for https patterns: `*.` host wildcard, `*` anywhere in path+query. */
function matchPattern(pattern: string, url: URL): boolean {
  const m = /^https:\/\/(\*\.)?([^/*]+)(\/.*)$/.exec(pattern);
  if (!m || url.protocol !== 'https:') return false;
  const [, wild, host, path] = m as unknown as [string, string | undefined, string, string];
  const hostOk = wild ? url.hostname === host || url.hostname.endsWith(`.${host}`) : url.hostname === host;
  const pathRe = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return hostOk && pathRe.test(url.pathname + url.search);
}

const entryFor = (id: string) => contentScripts.find((c) => c.js.length === 1 && c.js[0] === `content/${id}.js`);

describe('content-script bundles', () => {
  it('has one bundle and one manifest entry per built-in helpdesk, and a custom-site bundle outside the manifest', () => {
    const bundles = readdirSync('src/content/bundles').map((f) => f.replace(/\.ts$/, '')).sort();
    expect(bundles).toEqual([...SITES.map((s) => s.id), 'custom'].sort());
    for (const site of SITES) expect(entryFor(site.id), site.id).toBeDefined();
    expect(contentScripts).toHaveLength(SITES.length);
    expect(entryFor('custom')).toBeUndefined(); // registered at run time for the hosts an admin granted
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('matches each helpdesk only on its own hosts', () => {
    for (const site of SITES) {
      for (const pattern of entryFor(site.id)?.matches ?? []) {
        const host = /^https:\/\/[^/]+\//.exec(pattern)?.[0];
        expect(site.hostPatterns, `${site.id}: ${pattern}`).toContain(`${host}*`);
        expect(pattern, 'an agent path, or the whole host only where none is known').toMatch(/^https:\/\/[^/]+\/.+/);
      }
    }
  });

  it('injects on every fixture’s agent URL with that helpdesk’s bundle only, and not on other paths', () => {
    for (const c of builtInFixtureCases()) {
      const hits = contentScripts.filter((cs) => cs.matches.some((p) => matchPattern(p, new URL(c.url)))).map((cs) => cs.js[0]);
      expect(hits, c.url).toEqual([`content/${c.adapter}.js`]);
    }
    // A helpdesk's public pages (help centre, login) get no content script where the agent path is known.
    for (const url of ['https://acme.zendesk.com/hc/en-us', 'https://acme.freshdesk.com/support/home', 'https://acme.gorgias.com/login', 'https://desk.zoho.eu/portal/acme/en/home']) {
      expect(contentScripts.filter((cs) => cs.matches.some((p) => matchPattern(p, new URL(url)))), url).toEqual([]);
    }
  });
});

/**
 * What each bundle's source reaches through value imports (type-only imports are erased): the modules
 * and packages a helpdesk tab pays for. `import type` lines and `export type … from` are skipped.
 */
function reachable(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const resolveModule = (from: string, spec: string): string => {
    const base = join(dirname(from), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith('/'));
    if (!hit) throw new Error(`${from}: cannot resolve ${spec}`);
    return hit;
  };
  const walk = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) walk(resolveModule(file, spec));
      else packages.add(spec);
    }
  };
  walk(entry);
  return { modules, packages };
}

describe('what a helpdesk tab loads (figure 1a, goal ≤ 25 kB gzip per bundle)', () => {
  // Each of these is worker or page work; in a content bundle it costs every helpdesk tab kilobytes.
  const workerOnly = [
    /^src\/(storage|background|pages)\//,
    /^src\/core\/(csv|metrics|team)\//,
    /^src\/core\/log\/(project|validate|backup)\.ts$/,
    /^src\/core\/playbook\/(schema|validate|default-playbook.*|wording-en|json-text|lint|tone|index)\.ts$/,
    // Playbook selection, the A/B variant and the engine run in the worker (`moves/evaluate`): the page
    // gets the reading, never a playbook (the panel header still uses placeholders.ts `firstNameOf`).
    /^src\/core\/playbook\/(engine|select|variant|condition|facts|keywords|rules|walk|wording)\.ts$/,
    /^src\/sites\/public-suffix\.ts$/,
  ];
  // Packages the panel needs; anything else (valibot, tldts, idb, papaparse, uplot, the polyfill, NATS,
  // preact/hooks or preact/compat) is a regression.
  // preact/jsx-runtime: what JSX compiles to anyway; src/content/lazy/load.ts also lends it to the lazy bundle.
  const allowed = new Set(['preact', 'preact/jsx-runtime']);

  for (const file of readdirSync('src/content/bundles')) {
    it(`${file} reaches no worker-only module and no package but preact`, () => {
      const { modules, packages } = reachable(join('src/content/bundles', file));
      expect([...modules].filter((m) => workerOnly.some((re) => re.test(m)))).toEqual([]);
      // The custom adapter's module holds its config schema (valibot) next to the adapter; the bundle uses
      // only the adapter, so the schema is tree-shaken (scripts/build.mjs fails a bundle that carries valibot).
      const ok = (p: string) => allowed.has(p) || (p === 'valibot' && file === 'custom.ts');
      expect([...packages].filter((p) => !ok(p))).toEqual([]);
      expect(modules.size, 'the walk followed the imports').toBeGreaterThan(30);
    });

    // What most tabs never need comes with the lazy bundle, injected by the worker on request
    // (src/content/lazy/, src/background/lazy-inject.ts): a static import would put it back in every tab.
    it(`${file} reaches none of the lazy bundle's modules`, () => {
      const { modules } = reachable(join('src/content/bundles', file));
      expect([...modules].filter((m) => LAZY_ONLY.some((re) => re.test(m)))).toEqual([]);
    });
  }

  it('the lazy bundle carries the lazy modules and no package: Preact, i18n and the input guard are lent by the main bundle', () => {
    const { modules, packages } = reachable('src/content/lazy/entry.ts');
    for (const re of LAZY_ONLY) expect([...modules].some((m) => re.test(m)), String(re)).toBe(true);
    expect([...packages]).toEqual([]);
    expect([...modules].filter((m) => workerOnly.some((re) => re.test(m)))).toEqual([]);
  });
});

/** Modules only the lazy bundle (src/content/lazy/entry.ts) may carry. */
const LAZY_ONLY = [
  /^src\/sites\/generic\.ts$/,
  /^src\/sites\/overrides\.ts$/,
  // The insert strategies: they run only on Insert, after resolution has brought the lazy bundle.
  /^src\/sites\/insert-strategies\.ts$/,
  /^src\/content\/panel\/(WrapupBody|KeyList|OutcomePrompt)\.tsx$/,
  /^src\/content\/panel\/lazy-styles\.ts$/,
  /^src\/content\/lazy\/(entry|lent-shim)\.ts$/,
];

describe('minifyCss', () => {
  it('drops comments and layout whitespace but keeps what changes meaning', () => {
    const css = `/* why */\n.a > .b ,\n.c { font: 13px "Segoe  UI /* not a comment */", sans-serif ; }\nheader :focus { color : red; }\n@media (prefers-color-scheme: dark) {\n  .x { margin: 0 0 6px; width: calc(100vh - 24px); }\n}\n`;
    expect(minifyCss(css)).toBe(
      '.a>.b,.c{font:13px "Segoe  UI /* not a comment */",sans-serif}header :focus{color :red}@media (prefers-color-scheme:dark){.x{margin:0 0 6px;width:calc(100vh - 24px)}}',
    );
  });

  it('keeps every rule of the panel stylesheet and the lazy views’ (same selectors and declarations, in order)', () => {
    for (const css of [PANEL_CSS, LAZY_CSS]) {
      const min = minifyCss(css);
      expect(min.length).toBeLessThan(css.length * 0.9);
      // Every declaration value survives: compare the stylesheets with all whitespace and comments removed.
      const squash = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '').replace(/;}/g, '}');
      expect(squash(min)).toBe(squash(css));
    }
  });
});
