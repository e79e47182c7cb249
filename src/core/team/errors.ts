/**
 * Turns what the NATS client and the browser report into one of a few failures a lead can act on.
 * Inputs are error names/messages (strings), so this stays pure and unit-tested; the worker adds the
 * timeouts that make a silent hang (a missing JetStream permission) reportable at all.
 */

export const TEAM_FAILURES = ['auth', 'permission', 'unreachable', 'tls', 'timeout', 'stream-missing', 'config', 'other'] as const;
export type TeamFailureKind = (typeof TEAM_FAILURES)[number];

export interface TeamFailure {
  readonly kind: TeamFailureKind;
  /** One sentence for the options page, dashboard and popup; never contains a credential. */
  readonly message: string;
}

const MESSAGES: Record<TeamFailureKind, string> = {
  auth: 'The NATS server refused the user name and password (or token). Check the team file or policy.',
  permission: 'The NATS user lacks a permission team mode needs (see README "Team mode: permissions").',
  unreachable: 'The NATS server cannot be reached (down, wrong address or port, or offline). Retrying by itself.',
  tls: 'The secure connection (wss://) to the NATS server failed: check its TLS certificate and address.',
  timeout: 'The NATS server did not answer in time (often a missing JetStream permission, or the stream is unavailable).',
  'stream-missing': 'The JetStream stream named in the team configuration does not exist on the server.',
  config: 'The team configuration is invalid.',
  other: 'Team sync failed.',
};

export function failure(kind: TeamFailureKind, detail?: string): TeamFailure {
  return { kind, message: detail ? `${MESSAGES[kind]} (${detail})` : MESSAGES[kind] };
}

/** Classifies an error thrown by the client; `secure` says whether the URL was wss:// (TLS failures look like network ones). */
export function classifyTeamError(name: string, message: string, secure: boolean): TeamFailure {
  const text = `${name} ${message}`.toLowerCase();
  const detail = message.slice(0, 160);
  if (/authorization violation|authentication|user authentication|authorizationerror/.test(text)) return failure('auth');
  if (/permissions? violation|permissionviolation/.test(text)) return failure('permission', detail);
  if (/stream not found|10059/.test(text)) return failure('stream-missing');
  if (/certificate|tls|ssl/.test(text)) return failure('tls', detail);
  if (/timeout|timed out/.test(text)) return failure('timeout');
  // In a browser a refused wss:// handshake (bad certificate) surfaces only as a generic socket error.
  if (/connection refused|econnrefused|websocket|connectionerror|failed to connect|closed|network/.test(text)) {
    return secure ? failure('unreachable', 'or its TLS certificate is not trusted') : failure('unreachable');
  }
  return failure('other', detail);
}
