/**
 * Figure 1: shipped JavaScript, min+gzip. The content script is the manifest's loader plus every chunk it
 * loads (crxjs emits a loader that `import()`s the real entry through `chrome.runtime.getURL`); each
 * extension page is its HTML's module script plus its static imports. Chunks loaded only by a dynamic
 * `import()` further down are counted separately (lazy). gzip -9 of each minified file, summed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Log } from '../lib/config';
import { type Figure, makeFigure } from '../lib/report';

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+\.js)["']\s*\)/g;
const GET_URL = /getURL\(\s*["']([^"']+\.js)["']\s*\)/g;

interface Graph {
  eager: Set<string>;
  lazy: Set<string>;
}

function resolveSpec(dist: string, from: string, spec: string): string {
  return spec.startsWith('/') ? join(dist, spec) : spec.startsWith('.') ? resolve(dirname(from), spec) : join(dist, spec);
}

/** Files reachable from `entry`: eager through static imports (and the loader's getURL import), lazy through import(). */
export function jsGraph(dist: string, entry: string, loaderImportsAreEager = false): Graph {
  const g: Graph = { eager: new Set(), lazy: new Set() };
  const walk = (file: string, eager: boolean) => {
    if (!existsSync(file)) throw new Error(`bundle graph: ${relative(dist, file)} is missing`);
    if (g.eager.has(file) || (!eager && g.lazy.has(file))) return;
    (eager ? g.eager : g.lazy).add(file);
    if (eager) g.lazy.delete(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(STATIC_IMPORT)) walk(resolveSpec(dist, file, m[1]!), eager);
    for (const m of src.matchAll(DYNAMIC_IMPORT)) walk(resolveSpec(dist, file, m[1]!), false);
    for (const m of src.matchAll(GET_URL)) walk(join(dist, m[1]!), eager && loaderImportsAreEager && file === entry);
  };
  walk(entry, true);
  return g;
}

const gz = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const raw = (files: Iterable<string>) => [...files].reduce((n, f) => n + readFileSync(f).length, 0);
const kB = (b: number) => b / 1000;

export interface BundleRow {
  readonly name: string;
  readonly gzipBytes: number;
  readonly rawBytes: number;
  readonly lazyGzipBytes: number;
  readonly files: string[];
}

export function bundleRows(dist: string): BundleRow[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const rows: BundleRow[] = [];
  const loaders = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const content: Graph = { eager: new Set(), lazy: new Set() };
  for (const js of new Set(loaders)) {
    const g = jsGraph(dist, join(dist, js), true);
    for (const f of g.eager) content.eager.add(f);
    for (const f of g.lazy) content.lazy.add(f);
  }
  for (const f of content.eager) content.lazy.delete(f);
  rows.push({
    name: 'content script',
    gzipBytes: gz(content.eager),
    rawBytes: raw(content.eager),
    lazyGzipBytes: gz(content.lazy),
    files: [...content.eager].map((f) => relative(dist, f)),
  });
  for (const page of ['dashboard', 'options', 'popup', 'welcome']) {
    const html = join(dist, 'src/pages', page, 'index.html');
    if (!existsSync(html)) continue;
    const g: Graph = { eager: new Set(), lazy: new Set() };
    for (const m of readFileSync(html, 'utf8').matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) {
      const sub = jsGraph(dist, resolveSpec(dist, html, m[1]!));
      for (const f of sub.eager) g.eager.add(f);
      for (const f of sub.lazy) g.lazy.add(f);
    }
    for (const f of g.eager) g.lazy.delete(f);
    rows.push({ name: `${page} page`, gzipBytes: gz(g.eager), rawBytes: raw(g.eager), lazyGzipBytes: gz(g.lazy), files: [...g.eager].map((f) => relative(dist, f)) });
  }
  return rows;
}

export function bundleFigures(dist: string, log: Log): Figure[] {
  const rows = bundleRows(dist);
  return rows.map((r, i) => {
    log(`  ${r.name}: ${kB(r.gzipBytes).toFixed(1)} kB gzip (${kB(r.rawBytes).toFixed(1)} kB min) from ${r.files.length} files`);
    const top = r.files
      .map((f) => ({ f, b: gzipSync(readFileSync(join(dist, f)), { level: 9 }).length }))
      .sort((a, b) => b.b - a.b)
      .slice(0, 3)
      .map((x) => `${x.f.replace(/^assets\//, '')} ${kB(x.b).toFixed(1)}`)
      .join(', ');
    return makeFigure({
      id: `1${String.fromCharCode(97 + i)}`,
      figure: `${r.name} JS, min+gzip`,
      unit: 'kB',
      samples: [kB(r.gzipBytes)],
      goal: '≤ 25 kB',
      check: (f) => f.median <= 25,
      digits: 1,
      note: `${kB(r.rawBytes).toFixed(1)} kB minified in ${r.files.length} files; largest gzip: ${top}${r.lazyGzipBytes ? `; + ${kB(r.lazyGzipBytes).toFixed(1)} kB lazy` : ''}`,
    });
  });
}
