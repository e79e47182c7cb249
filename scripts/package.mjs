// `npm run package`: builds both targets and writes store packages to packages/:
//   resolve-plus-<version>-chromium.zip  (Chrome Web Store / Edge Add-ons; the pinned `key` is removed —
//                                          the stores assign the id)
//   resolve-plus-<version>-firefox.zip   (AMO)
//   resolve-plus-<version>-source.zip    (AMO asks for the source of bundled code, with build steps)
// The version comes from package.json only. Uses the system `zip` when present, else a small writer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './lib/crc32.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const r = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));


/** Minimal ZIP writer (deflate, no timestamps beyond a fixed date) so packaging needs no extra tool. */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name);
    const deflated = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + deflated.length;
  }
  const centralBuf = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, end]);
}

function packDir(dir, transform = (_name, data) => data) {
  return zip(walk(dir).map((f) => {
    const name = relative(dir, f).split('\\').join('/');
    return { name, data: transform(name, readFileSync(f)) };
  }));
}

rmSync('packages', { recursive: true, force: true });
mkdirSync('packages');
const stripKey = (name, data) => {
  if (name !== 'manifest.json') return data;
  const m = JSON.parse(data.toString('utf8'));
  delete m.key;
  return Buffer.from(JSON.stringify(m, null, 2));
};
writeFileSync(`packages/resolve-plus-${version}-chromium.zip`, packDir('dist/chromium', stripKey));
writeFileSync(`packages/resolve-plus-${version}-firefox.zip`, packDir('dist/firefox'));
const tracked = spawnSync('git', ['ls-files'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
const sourceFiles = tracked.length ? tracked : walk('.').filter((f) => !/^(node_modules|dist|packages|artifacts|\.git)\//.test(f));
const buildNotes = Buffer.from(
  `Resolve Plus ${version} — source for review\n\nBuild (Node 20, npm 11):\n  npm ci\n  node scripts/build.mjs firefox\nThe output is dist/firefox, identical to resolve-plus-${version}-firefox.zip.\n`,
);
writeFileSync(
  `packages/resolve-plus-${version}-source.zip`,
  zip([{ name: 'BUILD.txt', data: buildNotes }, ...sourceFiles.map((f) => ({ name: f, data: readFileSync(f) }))]),
);
for (const f of readdirSync('packages')) console.log(`packages/${f}  ${(statSync(join('packages', f)).size / 1024).toFixed(1)} kB`);
