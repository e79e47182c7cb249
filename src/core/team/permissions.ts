/**
 * Least privilege, as data: the JetStream stream team mode expects and the exact permission blocks of a
 * rep user and a lead user. README "Team mode: server setup" prints these blocks (a unit test keeps them
 * identical) and the e2e test server is configured from the same functions, so what is documented is
 * what is tested.
 */
import { TEAM_DEFAULTS } from './config';

export interface StreamNames {
  readonly stream: string;
  readonly subjectPrefix: string;
}

const DEFAULT_NAMES: StreamNames = TEAM_DEFAULTS;

/** `nats stream add` JSON (also what the test harness creates). 24 h duplicate window; nothing expires by itself. */
export function streamDefinition(n: StreamNames = DEFAULT_NAMES) {
  return {
    name: n.stream,
    subjects: [`${n.subjectPrefix}.>`],
    retention: 'limits',
    storage: 'file',
    discard: 'old',
    max_age: 0,
    max_msg_size: 16384,
    duplicate_window: 24 * 60 * 60 * 1_000_000_000,
    num_replicas: 1,
  } as const;
}

/** What reading the stream needs (found by trial): stream info, then an ordered consumer created, fed and removed. */
function pullPermissions(n: StreamNames): string[] {
  return [
    `$JS.API.STREAM.INFO.${n.stream}`,
    `$JS.API.CONSUMER.CREATE.${n.stream}.>`,
    `$JS.API.CONSUMER.MSG.NEXT.${n.stream}.>`,
    `$JS.API.CONSUMER.INFO.${n.stream}.>`,
    `$JS.API.CONSUMER.DELETE.${n.stream}.>`,
  ];
}

export interface PermissionBlock {
  readonly publish: { readonly allow: readonly string[] };
  readonly subscribe: { readonly allow: readonly string[] };
}

/** A rep: publish only to its own subjects (events, site health); read the stream (the team's attempts, for the cooldown). */
export function repPermissions(repId: string, n: StreamNames = DEFAULT_NAMES): PermissionBlock {
  return {
    publish: { allow: [`${n.subjectPrefix}.${repId}`, `${n.subjectPrefix}.${repId}.health`, ...pullPermissions(n)] },
    subscribe: { allow: [`_INBOX_${repId}.>`] },
  };
}

/**
 * A lead needs what a rep needs plus one subject: its own review subject, where its reviews reach the
 * reps (who accept reviews only from there, so a rep cannot forge a lead's note). Otherwise the role
 * changes what the browser does (dashboard sync), not what the server allows.
 */
export function leadPermissions(repId: string, n: StreamNames = DEFAULT_NAMES): PermissionBlock {
  const rep = repPermissions(repId, n);
  const [events, health, ...pull] = rep.publish.allow;
  return { ...rep, publish: { allow: [events as string, health as string, `${n.subjectPrefix}.${repId}.review`, ...pull] } };
}

/** A `users = [...]` entry in nats-server configuration syntax (JSON is valid there). */
export function serverUserEntry(user: string, password: string, permissions: PermissionBlock): string {
  return JSON.stringify({ user, password, permissions });
}
