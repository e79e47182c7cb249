// `npm run team-demo`: team mode end to end on this machine, nothing on the network. Starts Debian's
// nats-server (test-only) on 127.0.0.1 with the configuration README documents — the stream definition and
// the rep/lead permission blocks are read from README's own JSON blocks — then two rep browsers work the
// bundled helpdesk pages (rep 1 offers a move; rep 2, on the same customer, is not offered it again) and a
// lead's dashboard shows the team. Screenshots go to artifacts/team-demo/.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { panelOf } from './demo-panel.mjs';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium.mjs';

const NATS = '/usr/sbin/nats-server';
if (!existsSync(NATS)) {
  console.error('nats-server is missing: run `apt-get install -y nats-server` (Debian package; test/demo only).');
  process.exit(1);
}
const executablePath = ensureChromium();
if (!process.argv.includes('--no-build')) {
  const r = spawnSync('node', ['scripts/build.mjs', 'chromium'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const dist = resolve('dist/chromium');
const shots = resolve('artifacts/team-demo');
mkdirSync(shots, { recursive: true });
const printed = [];
const shot = async (page, name) => {
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  printed.push(file);
};

// ---- the documented server configuration (README, else the pending notes file) ----
const docFile = readFileSync('README.md', 'utf8').includes('## Team mode') ? 'README.md' : 'notes/h16-readme.md';
const blocks = [...readFileSync(docFile, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]));
const stream = blocks.find((b) => b.subjects && b.duplicate_window);
const permissionBlocks = blocks.filter((b) => b.permissions);
if (!stream || permissionBlocks.length < 2) throw new Error(`${docFile}: stream definition or permission blocks not found`);
const [repBlock, leadBlock] = permissionBlocks;
const forRep = (block, repId) => JSON.parse(JSON.stringify(block).replaceAll('<repId>', repId)).permissions;

const freePort = () =>
  new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

const manifestKey = JSON.parse(readFileSync('manifest.json', 'utf8')).key;
const extensionId = [...createHash('sha256').update(Buffer.from(manifestKey, 'base64')).digest('hex').slice(0, 32)]
  .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
  .join('');

const dir = mkdtempSync(join(tmpdir(), 'rp-team-demo-'));
const [port, wsPort] = [await freePort(), await freePort()];
const users = [
  { user: 'rep-ana', password: 'demo-ana', repId: 'ana', role: 'rep', permissions: forRep(repBlock, 'ana') },
  { user: 'rep-bo', password: 'demo-bo', repId: 'bo', role: 'rep', permissions: forRep(repBlock, 'bo') },
  { user: 'lead-li', password: 'demo-li', repId: 'li', role: 'lead', permissions: forRep(leadBlock, 'li') },
];
const admin = { user: 'demo-admin', password: 'demo-admin' };
writeFileSync(
  join(dir, 'nats.conf'),
  `listen: "127.0.0.1:${port}"
jetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }
websocket {
  listen: "127.0.0.1:${wsPort}"
  no_tls: true
  allowed_origins: ["chrome-extension://${extensionId}"]
}
authorization {
  users = [
    ${[admin, ...users.map(({ user, password, permissions }) => ({ user, password, permissions }))].map((u) => JSON.stringify(u)).join(',\n    ')}
  ]
}
`,
);
const server = spawn(NATS, ['-c', join(dir, 'nats.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
await new Promise((res, rej) => {
  let log = '';
  const on = (b) => {
    log += b;
    if (log.includes('Server is ready')) res();
  };
  server.stdout.on('data', on);
  server.stderr.on('data', on);
  server.once('exit', (code) => rej(new Error(`nats-server exited (${code}): ${log}`)));
});
const nc = await connect({ servers: `127.0.0.1:${port}`, user: admin.user, pass: admin.password });
await (await jetstreamManager(nc)).streams.add(stream);
console.log(`nats-server on 127.0.0.1:${port} (WebSocket ${wsPort}), stream ${stream.name}, config from ${docFile}`);

// ---- browsers ----
const html = readFileSync('test/fixtures/zendesk/ticket.html', 'utf8');
const salt = 'feedc0ffee0123456789abcdef012345';
const profiles = [];
async function member(u) {
  const profile = mkdtempSync(join(tmpdir(), `rp-team-${u.repId}-`));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await context.route(/^https?:\/\//, (route) =>
    new URL(route.request().url()).hostname === 'acme.zendesk.com'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  // The extension's worker is up before its pages are opened.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/src/pages/options/index.html`);
  const send = (name, payload) => page.evaluate(([n, p]) => chrome.runtime.sendMessage({ rp: 1, name: n, payload: p }), [name, payload]);
  // One salt for the team, set where an admin's goes (the worker's trusted config), so customer keys match across reps.
  await send('salt/set', { salt });
  const file = { servers: [`ws://127.0.0.1:${wsPort}`], user: u.user, password: u.password, repId: u.repId, role: u.role };
  // The same thing as choosing the file under Settings → Team mode.
  const reply = await send('team/import', { text: JSON.stringify(file) });
  if (!reply.ok || reply.result.errors.length) throw new Error(`team file refused: ${JSON.stringify(reply)}`);
  await page.reload();
  await page.locator('[data-team-status]').waitFor();
  return { context, page, send };
}

async function workTicket(m, name, offer) {
  const p = await m.context.newPage();
  await p.goto('https://acme.zendesk.com/agent/tickets/4521');
  const panel = await panelOf(p);
  await panel.waitForCheckboxes(20_000);
  await panel.tickAll();
  if (offer) {
    const start = Date.now();
    while (!(await panel.clickMoveButton('Insert into reply')) && Date.now() - start < 10_000) await p.waitForTimeout(200);
  }
  await p.waitForTimeout(400);
  await shot(p, name);
  return p;
}

const [ana, bo, lead] = [await member(users[0]), await member(users[1]), await member(users[2])];
try {
  await shot(ana.page, '1-rep-options-team-mode');
  await workTicket(ana, '2-rep1-offers-a-move', true);
  await ana.send('team/sync', { pull: false });
  await bo.send('team/sync', { pull: true });
  // The default playbook's veCooldownDays holds across reps now: rep 2 sees no value move for this customer.
  await workTicket(bo, '3-rep2-same-customer-in-cooldown', false);
  await bo.send('team/sync', { pull: false });
  const dash = await lead.context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/src/pages/dashboard/index.html`);
  await dash.locator('tr[data-rep]').first().waitFor({ timeout: 20_000 });
  await dash.reload();
  await dash.locator('tr[data-rep]').first().waitFor({ timeout: 20_000 });
  await dash.waitForTimeout(500);
  await shot(dash, '4-lead-dashboard-team');
  const popup = await ana.context.newPage();
  await popup.setViewportSize({ width: 360, height: 300 });
  await popup.goto(`chrome-extension://${extensionId}/src/pages/popup/index.html`);
  await popup.locator('[data-team-status]').waitFor();
  await shot(popup, '5-rep-popup-team-status');
} finally {
  for (const m of [ana, bo, lead]) await m.context.close().catch(() => {});
  await nc.close();
  server.kill('SIGTERM');
  for (const p of [...profiles, dir]) rmSync(p, { recursive: true, force: true });
}
console.log('Screenshots:');
for (const f of printed) console.log(`  ${f}`);
