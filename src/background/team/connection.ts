/**
 * One short-lived NATS connection per sync run (connect → work → close), which fits a service worker
 * that may be stopped at any moment. Every step has a timeout: a missing JetStream permission can make
 * the server stay silent, and the lead must read what is wrong within 10 s, not wait forever.
 */
import { type JetStreamClient, jetstream } from '@nats-io/jetstream';
import { type NatsConnection, wsconnect } from '@nats-io/nats-core';
import { inboxPrefix, type TeamConfig } from '../../core/team/config';
import { classifyTeamError, failure, type TeamFailure } from '../../core/team/errors';

export const CONNECT_TIMEOUT_MS = 4_000;
export const STEP_TIMEOUT_MS = 4_000;

/** An error that already carries the failure to show. */
export class TeamError extends Error {
  override name = 'TeamError';
  constructor(readonly failure: TeamFailure) {
    super(failure.message);
  }
}

export function toFailure(err: unknown, config: TeamConfig): TeamFailure {
  if (err instanceof TeamError) return err.failure;
  const e = err instanceof Error ? err : new Error(String(err));
  const secure = config.servers.some((s) => s.startsWith('wss:'));
  // Never echo a credential back: the client's messages do not contain one, but be sure.
  const secrets = [config.password, config.token].filter((x): x is string => typeof x === 'string' && x.length > 0);
  const scrub = (s: string) => secrets.reduce((t, secret) => t.split(secret).join('•••'), s);
  return classifyTeamError(e.name, scrub(e.message), secure);
}

export interface TeamConnection {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  /** Races `work` against the step timeout and against a permission error the server reports asynchronously. */
  step<T>(work: Promise<T>, what: string, ms?: number): Promise<T>;
  close(): Promise<void>;
}

export async function openTeamConnection(config: TeamConfig): Promise<TeamConnection> {
  const connecting = wsconnect({
    servers: [...config.servers],
    ...(config.token !== undefined ? { token: config.token } : { user: config.user, pass: config.password }),
    inboxPrefix: inboxPrefix(config),
    name: `resolve-plus ${config.role} ${config.repId}`,
    timeout: CONNECT_TIMEOUT_MS,
    reconnect: false,
    maxReconnectAttempts: 0,
  });
  const nc = await withTimeout(connecting, CONNECT_TIMEOUT_MS + 500, 'connecting');
  // The server reports a permission violation asynchronously; the step in progress fails with it.
  const serverError = new Promise<never>((_, reject) => {
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'error') reject(s.error instanceof Error ? s.error : new Error(String(s.error)));
      }
    })().catch(() => {});
  });
  serverError.catch(() => {});
  return {
    nc,
    js: jetstream(nc, { timeout: STEP_TIMEOUT_MS }),
    step: (work, what, ms = STEP_TIMEOUT_MS) => Promise.race([withTimeout(work, ms, what), serverError]),
    async close() {
      await withTimeout(nc.close(), 2_000, 'closing').catch(() => {});
    },
  };
}

export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TeamError(failure('timeout', `${what} took over ${Math.round(ms / 1000)} s`))), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
