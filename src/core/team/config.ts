/**
 * The team-mode configuration: one JSON object, the same whether an administrator deploys it as the
 * managed-policy key `team` or a lead imports it as a "team file" on the options page (policy wins).
 * Validated here (valibot) for both paths; a bad object is refused with errors by path and the
 * configuration in use stays untouched.
 */
import * as v from 'valibot';

export const TEAM_DEFAULTS = { stream: 'RP_EVENTS', subjectPrefix: 'rp.events' } as const;

export const TEAM_ROLES = ['rep', 'lead'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamConfig {
  /** WebSocket URLs with an explicit port (`wss://host:443`); `ws://` only for loopback hosts. */
  readonly servers: readonly string[];
  readonly user?: string;
  readonly password?: string;
  readonly token?: string;
  /** The rep id on every published event and the last token of the subject this browser publishes to. */
  readonly repId: string;
  readonly role: TeamRole;
  readonly stream: string;
  readonly subjectPrefix: string;
}

/** A subject token / stream name: letters, digits, `-` and `_` only (no `.`, `*`, `>` or spaces). */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const PREFIX = /^[A-Za-z0-9_-]{1,64}(?:\.[A-Za-z0-9_-]{1,64}){0,7}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `wss://host` → `wss://host:443`: the client needs the port spelled out (shared/reference/toolchain.md). */
export function normaliseServer(url: string): string | { error: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { error: `"${url.slice(0, 80)}" is not a URL` };
  }
  if (u.protocol !== 'wss:' && u.protocol !== 'ws:') return { error: `"${u.protocol}" is not a WebSocket URL: use wss://` };
  if (u.username || u.password) return { error: 'put credentials in user/password or token, not in the URL' };
  if (u.pathname !== '/' || u.search || u.hash) return { error: 'a server URL has no path, query or fragment' };
  const host = u.hostname.toLowerCase();
  if (u.protocol === 'ws:' && !LOOPBACK.has(host) && !/^127(?:\.\d{1,3}){3}$/.test(host)) {
    return { error: `ws:// sends the password in clear text: only loopback hosts may use it, ${host} needs wss://` };
  }
  const port = u.port || (u.protocol === 'wss:' ? '443' : '80');
  return `${u.protocol}//${host}:${port}`;
}

const credential = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.minLength(1, `${what} must not be empty`), v.maxLength(1024, `${what} is too long`));

const teamInput = v.strictObject(
  {
    servers: v.pipe(
      v.array(v.string('each server must be a URL'), 'servers must be a list of URLs'),
      v.minLength(1, 'servers must list at least one URL'),
      v.maxLength(16, 'at most 16 servers'),
    ),
    user: v.optional(credential('user')),
    password: v.optional(credential('password')),
    token: v.optional(credential('token')),
    repId: v.optional(v.pipe(v.string('repId must be text'), v.regex(TOKEN, 'repId: 1–64 letters, digits, - or _'))),
    role: v.picklist(TEAM_ROLES, 'role must be "rep" or "lead"'),
    stream: v.optional(v.pipe(v.string('stream must be text'), v.regex(TOKEN, 'stream: 1–64 letters, digits, - or _'))),
    subjectPrefix: v.optional(
      v.pipe(v.string('subjectPrefix must be text'), v.regex(PREFIX, 'subjectPrefix: dot-separated tokens of letters, digits, - or _')),
    ),
  },
  (issue) => (issue.expected === 'never' ? 'unexpected field' : 'the team configuration must be a JSON object'),
);

export type TeamParse = { ok: true; config: TeamConfig } | { ok: false; errors: string[] };

function where(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  return path ? `${path.replace(/^\./, '')}: ` : '';
}

/** Validates and normalises a team configuration (policy value or parsed team file). */
export function parseTeamConfig(input: unknown): TeamParse {
  const parsed = v.safeParse(teamInput, input);
  if (!parsed.success) return { ok: false, errors: parsed.issues.map((i) => `${where(i)}${i.message}`) };
  const c = parsed.output;
  const errors: string[] = [];
  const servers: string[] = [];
  c.servers.forEach((s, i) => {
    const n = normaliseServer(s);
    if (typeof n === 'string') servers.push(n);
    else errors.push(`servers[${i}]: ${n.error}`);
  });
  if (c.token !== undefined && (c.user !== undefined || c.password !== undefined)) errors.push('give either token or user/password, not both');
  if (c.token === undefined && (c.user === undefined || c.password === undefined)) errors.push('user and password (or token) are required');
  // The subject a browser publishes to ends with its rep id; without repId the user name is that id.
  const repId = c.repId ?? (c.user !== undefined && TOKEN.test(c.user) ? c.user : undefined);
  if (repId === undefined) errors.push('repId is required (the user name cannot serve as one)');
  if (errors.length > 0 || repId === undefined) return { ok: false, errors };
  const config: TeamConfig = {
    servers,
    ...(c.user !== undefined ? { user: c.user } : {}),
    ...(c.password !== undefined ? { password: c.password } : {}),
    ...(c.token !== undefined ? { token: c.token } : {}),
    repId,
    role: c.role,
    stream: c.stream ?? TEAM_DEFAULTS.stream,
    subjectPrefix: c.subjectPrefix ?? TEAM_DEFAULTS.subjectPrefix,
  };
  return { ok: true, config };
}

/** What pages may show: everything except the secrets. */
export interface TeamSummary {
  readonly servers: readonly string[];
  readonly user: string | null;
  readonly auth: 'password' | 'token';
  readonly repId: string;
  readonly role: TeamRole;
  readonly stream: string;
  readonly subjectPrefix: string;
}

export function summariseTeamConfig(c: TeamConfig): TeamSummary {
  return {
    servers: c.servers,
    user: c.user ?? null,
    auth: c.token !== undefined ? 'token' : 'password',
    repId: c.repId,
    role: c.role,
    stream: c.stream,
    subjectPrefix: c.subjectPrefix,
  };
}

/** The subject this browser publishes to. */
export const publishSubject = (c: Pick<TeamConfig, 'subjectPrefix' | 'repId'>) => `${c.subjectPrefix}.${c.repId}`;

/** Per-rep reply inbox: a rep may subscribe only to its own inbox, so it never sees another rep's acks. */
export const inboxPrefix = (c: Pick<TeamConfig, 'repId'>) => `_INBOX_${c.repId}`;

/** The rep id a message's subject names, or null when the subject is not `<prefix>.<one token>`. */
export function repFromSubject(prefix: string, subject: string): string | null {
  if (!subject.startsWith(`${prefix}.`)) return null;
  const rest = subject.slice(prefix.length + 1);
  return TOKEN.test(rest) ? rest : null;
}
