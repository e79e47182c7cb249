// `npm start`: builds the extension, opens Chromium with it on the bundled demo helpdesk pages (served
// at their real URLs from test/fixtures, nothing goes to the network), walks the demo ticket to the
// value-enhancement step, and saves screenshots. Headed when a display exists, otherwise headless.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium } from './chromium.mjs';
import { panelOf } from './demo-panel.mjs';

const executablePath = ensureChromium();
if (!process.argv.includes('--no-build')) {
  const r = spawnSync('node', ['scripts/build.mjs', 'chromium'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const dist = resolve('dist/chromium');
const shots = resolve('artifacts/start');
mkdirSync(shots, { recursive: true });
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

const cases = [];
for (const dir of readdirSync('test/fixtures')) {
  const file = join('test/fixtures', dir, 'cases.json');
  if (!existsSync(file)) continue;
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  for (const c of Array.isArray(parsed) ? parsed : [parsed]) if (!c.customSite) cases.push({ ...c, html: readFileSync(join('test/fixtures', dir, c.fixture), 'utf8') });
}

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rp-demo-')), {
  executablePath,
  headless: !headed,
  viewport: { width: 1280, height: 800 },
  args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-sandbox', '--disable-gpu', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
await context.route(/^https?:\/\//, (route) => {
  const u = new URL(route.request().url());
  const hit = cases.find((c) => { const cu = new URL(c.url); return cu.origin === u.origin && u.pathname.startsWith(cu.pathname.split('/').slice(0, 3).join('/')); });
  return hit ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html }) : route.fulfill({ status: 404, body: '' });
});

const printed = [];
const demo = cases.find((c) => c.adapter === 'zendesk') ?? cases[0];
const page = await context.newPage();
await page.goto(demo.url);
const panel = await panelOf(page);
await panel.waitForCheckboxes(20_000);
await page.waitForTimeout(300);
await page.screenshot({ path: join(shots, '1-ticket-opened.png') });
printed.push(join(shots, '1-ticket-opened.png'));
// Walk the checklist so the value-enhancement moves appear, as a rep would.
await panel.tickAll();
await page.waitForTimeout(800);
await page.screenshot({ path: join(shots, '2-value-moves.png') });
printed.push(join(shots, '2-value-moves.png'));
for (const c of cases.filter((x) => x !== demo)) {
  const p = await context.newPage();
  await p.goto(c.url);
  await (await panelOf(p)).waitForCheckboxes(15_000);
  await p.waitForTimeout(400);
  const file = join(shots, `site-${c.adapter}.png`);
  await p.screenshot({ path: file });
  printed.push(file);
  if (!headed) await p.close();
}
console.log('Screenshots:');
for (const f of printed) console.log(`  ${f}`);
if (headed) {
  console.log('Chromium is open with Resolve Plus on the demo pages. Close the browser window to exit.');
  await new Promise((r) => context.on('close', r));
} else {
  await context.close();
  console.log('(No display found: ran headless. Set DISPLAY or use xvfb-run to see the browser.)');
}
