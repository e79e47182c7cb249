// Finds Debian's Chromium (and firefox-esr for the Firefox smoke test), installing them when we can
// (root + apt-get), else fails with the exact command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export function ensureFirefox() {
  if (existsSync(FIREFOX)) return FIREFOX;
  if (isRoot()) {
    console.log('firefox-esr is missing: installing it with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr', { stdio: 'inherit' });
    if (existsSync(FIREFOX)) return FIREFOX;
  }
  console.error(`firefox-esr not found at ${FIREFOX}. Install it with:\n  sudo apt-get update && sudo apt-get install -y firefox-esr\n(or set FIREFOX_PATH).`);
  process.exit(1);
}

const NATS_SERVER = '/usr/sbin/nats-server';

/** Debian's nats-server, for team mode's tests and demo only (production runs a current official release). */
export function ensureNatsServer() {
  if (existsSync(NATS_SERVER)) return NATS_SERVER;
  if (isRoot()) {
    console.log('nats-server is missing: installing Debian nats-server with apt-get (tests only)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server', { stdio: 'inherit' });
    if (existsSync(NATS_SERVER)) return NATS_SERVER;
  }
  console.error(`nats-server not found at ${NATS_SERVER}. Install it with:\n  sudo apt-get update && sudo apt-get install -y nats-server`);
  process.exit(1);
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (isRoot()) {
    console.log('Chromium is missing: installing Debian chromium with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  console.error(`Chromium not found at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH).`);
  process.exit(1);
}
