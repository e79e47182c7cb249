import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseServer, parseTeamConfig, publishSubject, repFromSubject, summariseTeamConfig } from './config';

const base = { servers: ['wss://nats.example.com'], user: 'rep-ana', password: 's3cret', repId: 'ana', role: 'rep' };
const errors = (input: unknown) => {
  const r = parseTeamConfig(input);
  return r.ok ? [] : r.errors;
};

describe('team configuration', () => {
  it('accepts the README example and fills the defaults', () => {
    const r = parseTeamConfig(base);
    expect(r).toEqual({
      ok: true,
      config: { servers: ['wss://nats.example.com:443'], user: 'rep-ana', password: 's3cret', repId: 'ana', role: 'rep', stream: 'RP_EVENTS', subjectPrefix: 'rp.events' },
    });
  });

  it('allows ws:// only for loopback hosts (the password would travel in clear text)', () => {
    expect(normaliseServer('ws://127.0.0.1:4223')).toBe('ws://127.0.0.1:4223');
    expect(normaliseServer('ws://localhost:4223')).toBe('ws://localhost:4223');
    expect(normaliseServer('ws://[::1]:4223')).toBe('ws://[::1]:4223');
    expect(errors({ ...base, servers: ['ws://nats.example.com:80'] })).toEqual([
      'servers[0]: ws:// sends the password in clear text: only loopback hosts may use it, nats.example.com needs wss://',
    ]);
    // Lookalikes of loopback are not loopback.
    expect(errors({ ...base, servers: ['ws://127.0.0.1.evil.com:80'] })).toHaveLength(1);
    expect(errors({ ...base, servers: ['ws://localhost.evil.com:80'] })).toHaveLength(1);
  });

  it('refuses non-WebSocket URLs, credentials in URLs and paths', () => {
    expect(errors({ ...base, servers: ['nats://nats.example.com:4222'] })[0]).toContain('not a WebSocket URL');
    expect(errors({ ...base, servers: ['wss://u:p@nats.example.com'] })[0]).toContain('not in the URL');
    expect(errors({ ...base, servers: ['wss://nats.example.com/x?y'] })[0]).toContain('no path');
    expect(errors({ ...base, servers: [] })[0]).toContain('at least one');
  });

  it('needs user+password or a token, not both', () => {
    expect(errors({ ...base, password: undefined })).toContain('user and password (or token) are required');
    expect(errors({ ...base, token: 'tok' })).toContain('give either token or user/password, not both');
    const { user: _u, password: _p, ...noCreds } = base;
    expect(parseTeamConfig({ ...noCreds, token: 'tok' }).ok).toBe(true);
    expect(errors({ ...noCreds, token: 'tok', repId: undefined })).toContain('repId is required (the user name cannot serve as one)');
  });

  it('uses the user name as rep id when repId is absent and the name is a valid subject token', () => {
    const { repId: _r, ...noRep } = base;
    const r = parseTeamConfig(noRep);
    expect(r.ok && r.config.repId).toBe('rep-ana');
  });

  it('refuses subject wildcards and dots in repId, stream and prefix (a rep could otherwise widen its subject)', () => {
    for (const repId of ['*', '>', 'ana.bob', 'an a', '']) expect(errors({ ...base, repId }).join()).toContain('repId');
    expect(errors({ ...base, stream: 'RP.EVENTS' }).join()).toContain('stream');
    expect(errors({ ...base, subjectPrefix: 'rp.>' }).join()).toContain('subjectPrefix');
    expect(errors({ ...base, subjectPrefix: 'rp..events' }).join()).toContain('subjectPrefix');
  });

  it('names unknown fields and a wrong role by path', () => {
    expect(errors({ ...base, pasword: 'x' })).toEqual(['pasword: unexpected field']);
    expect(errors({ ...base, role: 'admin' })).toEqual(['role: role must be "rep" or "lead"']);
    expect(errors('not an object')).toEqual(['the team configuration must be a JSON object']);
  });

  it('summaries for pages never carry the password or token', () => {
    const r = parseTeamConfig(base);
    if (!r.ok) throw new Error('valid');
    expect(JSON.stringify(summariseTeamConfig(r.config))).not.toContain('s3cret');
    expect(summariseTeamConfig(r.config).auth).toBe('password');
  });

  it('any accepted configuration publishes to exactly one subject token under its prefix', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (repId, prefix) => {
        const r = parseTeamConfig({ ...base, repId, subjectPrefix: prefix || undefined });
        if (!r.ok) return;
        const subject = publishSubject(r.config);
        expect(subject).not.toMatch(/[*> ]/);
        expect(repFromSubject(r.config.subjectPrefix, subject)).toBe(r.config.repId);
      }),
    );
  });

  it('reads the rep id back from a subject, and nothing from a subject outside the prefix', () => {
    expect(repFromSubject('rp.events', 'rp.events.ana')).toBe('ana');
    expect(repFromSubject('rp.events', 'rp.events.ana.x')).toBeNull();
    expect(repFromSubject('rp.events', 'rp.eventsX.ana')).toBeNull();
    expect(repFromSubject('rp.events', 'other.ana')).toBeNull();
  });
});
