import { describe, expect, it } from 'vitest';
import { classifyTeamError } from './errors';

describe('team failures', () => {
  it('names what the client reports (messages seen from nats-server 2.9 and @nats-io 3.4)', () => {
    expect(classifyTeamError('AuthorizationError', 'Authorization Violation', false).kind).toBe('auth');
    expect(classifyTeamError('RequestError', 'Permissions Violation for Publish to "rp.events.bob"', false).kind).toBe('permission');
    expect(classifyTeamError('PermissionViolationError', 'Permissions Violation for Subscription to "_INBOX.x"', false).kind).toBe('permission');
    expect(classifyTeamError('JetStreamApiError', 'stream not found', false).kind).toBe('stream-missing');
    expect(classifyTeamError('ConnectionError', 'connection refused', false).kind).toBe('unreachable');
    expect(classifyTeamError('TimeoutError', 'timeout', false).kind).toBe('timeout');
    expect(classifyTeamError('Error', 'certificate has expired', true).kind).toBe('tls');
  });

  it('on wss:// a generic socket failure also points at the certificate', () => {
    expect(classifyTeamError('ConnectionError', 'websocket error', true).message).toContain('TLS certificate');
    expect(classifyTeamError('ConnectionError', 'websocket error', false).message).not.toContain('TLS');
  });
});
