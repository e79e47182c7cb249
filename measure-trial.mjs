// Source-map trial: gzip bytes each source file contributes (approx: gzip of its mapped segments, scaled to the bundle's gzip).
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const bundle = process.argv[2] ?? 'freshdesk';
process.env.BROWSER = 'chromium'; process.env.RP_BUNDLE = bundle; process.env.RP_SOURCEMAP = '1';
const out = `/tmp/r5e-trial/${bundle}`;
await build({ configFile: 'vite.content.config.ts', logLevel: 'warn', mode: 'production', build: { outDir: out, emptyOutDir: true } });
const code = readFileSync(`${out}/${bundle}.js`, 'utf8');
const map = JSON.parse(readFileSync(`${out}/${bundle}.js.map`, 'utf8'));
// decode mappings
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const lines = code.split('\n');
const bySrc = new Map();
let src = 0;
map.mappings.split(';').forEach((line, li) => {
  let col = 0; const segs = [];
  for (const seg of line.split(',')) {
    if (!seg) continue; const v = []; let shift = 0, val = 0;
    for (const ch of seg) { let d = B64.indexOf(ch); const cont = d & 32; d &= 31; val += d << shift; if (cont) shift += 5; else { v.push(val & 1 ? -(val >> 1) : val >> 1); val = 0; shift = 0; } }
    col += v[0]; if (v.length > 1) src += v[1]; segs.push([col, v.length > 1 ? src : -1]);
  }
  const text = lines[li] ?? '';
  segs.forEach(([c, s], i) => { const end = segs[i + 1]?.[0] ?? text.length; const name = s >= 0 ? map.sources[s] : '(none)'; bySrc.set(name, (bySrc.get(name) ?? '') + text.slice(c, end)); });
});
const total = gzipSync(code, { level: 9 }).length;
const rows = [...bySrc].map(([k, t]) => [k.replace(/.*node_modules\//, 'nm/').replace(/^(\.\.\/)+/, ''), t.length, gzipSync(t, { level: 9 }).length]);
const sumG = rows.reduce((n, r) => n + r[2], 0);
rows.sort((a, b) => b[2] - a[2]);
console.log(`${bundle}: total gzip ${total} B (raw ${code.length}); per-file gzip scaled by ${(total / sumG).toFixed(2)}`);
for (const [k, raw, g] of rows.slice(0, 40)) console.log(`${(g * total / sumG / 1000).toFixed(2).padStart(6)} kB  raw ${String(raw).padStart(6)}  ${k}`);
