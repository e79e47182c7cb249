/**
 * A real nats-server (Debian's 2.9.10 package: test-only, see README) on 127.0.0.1 with free ports and a
 * temporary JetStream store, configured with exactly the permission blocks README documents
 * (src/core/team/permissions.ts renders both). Stopped and its store removed by `stop()`.
 * `kill()` + `start()` simulate a server crash and restart on the same ports and store.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { type PermissionBlock, leadPermissions, repPermissions, serverUserEntry, streamDefinition } from '../../src/core/team/permissions';

export const NATS_BIN = process.env.NATS_SERVER_PATH || '/usr/sbin/nats-server';

export interface TeamUser {
  readonly user: string;
  readonly password: string;
  readonly repId: string;
  readonly role: 'rep' | 'lead' | 'custom';
  /** Only for role 'custom': a deliberately broken block (missing-permission tests). */
  readonly permissions?: PermissionBlock;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NatsServer {
  readonly port: number;
  readonly wsPort: number;
  readonly wsUrl: string;
  readonly admin: { user: string; password: string };
  /** Admin connection over TCP (created lazily; closed by stop/kill). */
  adminConnection(): Promise<NatsConnection>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Messages in the stream (admin view). */
  streamMessages(): Promise<number>;
}

function permissionsOf(u: TeamUser): PermissionBlock {
  if (u.role === 'rep') return repPermissions(u.repId);
  if (u.role === 'lead') return leadPermissions(u.repId);
  if (!u.permissions) throw new Error(`user ${u.user}: custom role needs permissions`);
  return u.permissions;
}

/**
 * `tls`: the WebSocket listener uses a freshly made self-signed certificate (no browser trusts it), to
 * show what a TLS failure looks like to the extension.
 */
export async function startNats(users: readonly TeamUser[], opts: { allowedOrigin?: string; tls?: boolean } = {}): Promise<NatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-nats-'));
  const [port, wsPort] = [await freePort(), await freePort()];
  const admin = { user: 'rp-admin', password: `admin-${Math.random().toString(36).slice(2)}` };
  const entries = [
    JSON.stringify({ user: admin.user, password: admin.password }),
    ...users.map((u) => serverUserEntry(u.user, u.password, permissionsOf(u))),
  ];
  const origins = opts.allowedOrigin ? `\n  allowed_origins: [${JSON.stringify(opts.allowedOrigin)}]` : '';
  let tlsBlock = 'no_tls: true';
  if (opts.tls) {
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    tlsBlock = `tls { cert_file: ${JSON.stringify(cert)}, key_file: ${JSON.stringify(key)} }`;
  }
  const config = `listen: "127.0.0.1:${port}"
jetstream { store_dir: ${JSON.stringify(join(dir, 'js'))} }
websocket {
  listen: "127.0.0.1:${wsPort}"
  ${tlsBlock}${origins}
}
authorization {
  users = [
    ${entries.join(',\n    ')}
  ]
}
`;
  const confPath = join(dir, 'nats.conf');
  writeFileSync(confPath, config);
  let proc: ChildProcess | null = null;
  let nc: NatsConnection | null = null;
  let log = '';

  async function start(): Promise<void> {
    const child = spawn(NATS_BIN, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc = child;
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (b: Buffer) => {
        log += b.toString();
        if (log.includes('Server is ready')) resolve();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`nats-server exited (${code}):\n${log.slice(-2000)}`)));
    });
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nats-server did not start:\n${log.slice(-2000)}`)), 15_000));
    await Promise.race([ready, timer]);
  }

  async function adminConnection(): Promise<NatsConnection> {
    if (!nc || nc.isClosed()) nc = await connect({ servers: `127.0.0.1:${port}`, user: admin.user, pass: admin.password });
    return nc;
  }

  async function closeAdmin() {
    const c = nc;
    nc = null;
    if (c && !c.isClosed()) await c.close().catch(() => {});
  }

  async function kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await closeAdmin();
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }

  await start();
  const jsm = await jetstreamManager(await adminConnection());
  await jsm.streams.add({ ...streamDefinition() } as never);

  return {
    port,
    wsPort,
    wsUrl: `${opts.tls ? 'wss' : 'ws'}://127.0.0.1:${wsPort}`,
    admin,
    adminConnection,
    kill,
    start,
    async stop() {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    async streamMessages() {
      const m = await jetstreamManager(await adminConnection());
      return (await m.streams.info(streamDefinition().name)).state.messages;
    },
  };
}
