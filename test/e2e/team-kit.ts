/**
 * Helpers for the team-mode end-to-end tests: a browser profile joined to the team (same customer-key
 * salt, team file imported through the real message protocol), generated valid events, and reading the
 * stream back as the admin to count what it holds.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { LogEvent } from '../../src/core/log/types';
import type { TeamView } from '../../src/core/team/view';
import { type Launched, extensionPage, launch } from './harness';
import type { NatsServer } from './nats-server';

/** The id Chromium gives the build: pinned by the manifest's `key` (needed for the server's allowed_origins). */
export function pinnedExtensionId(): string {
  const key = (JSON.parse(readFileSync('manifest.json', 'utf8')) as { key: string }).key;
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

export const TEAM_SALT = '0123456789abcdef0123456789abcdef';

export interface Member {
  readonly l: Launched;
  /** An extension page kept open to talk to the worker through the real protocol. */
  readonly page: Page;
  send<T>(name: string, payload: unknown): Promise<T>;
  status(): Promise<TeamView>;
  sync(pull: boolean): Promise<TeamView>;
  close(): Promise<void>;
}

export function teamFile(server: NatsServer, user: string, password: string, repId: string, role: 'rep' | 'lead'): string {
  return JSON.stringify({ servers: [server.wsUrl], user, password, repId, role });
}

export async function joinMember(opts: { profile?: string; playbook?: unknown; file?: string } = {}): Promise<Member> {
  const l = await launch(opts.profile ? { profile: opts.profile } : {});
  const page = await l.context.newPage();
  await page.goto(extensionPage(l, 'src/pages/popup/index.html'));
  const send = async <T>(name: string, payload: unknown): Promise<T> => {
    const reply = (await page.evaluate(([n, p]) => chrome.runtime.sendMessage({ rp: 1, name: n, payload: p }), [name, payload] as const)) as
      | { ok: true; result: T }
      | { ok: false; error: string };
    if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
    return reply.result;
  };
  // The team's salt and the test playbook go where an admin's would: through the worker into its trusted
  // config (storage.local is not trusted, and what is planted there is never imported).
  await send('salt/set', { salt: TEAM_SALT });
  if (opts.playbook) await send('playbooks/save', { current: opts.playbook, history: [], savedAt: {} });
  const m: Member = {
    l,
    page,
    send,
    status: () => send<TeamView>('team/status', {}),
    sync: (pull) => send<TeamView>('team/sync', { pull }),
    close: () => l.close(),
  };
  if (opts.file) {
    const r = await send<{ errors: string[]; view: TeamView }>('team/import', { text: opts.file });
    if (r.errors.length > 0) throw new Error(`team file refused: ${r.errors.join('; ')}`);
  }
  return m;
}

/** `n` valid events: interactions of (start, resolution, offer) with unique ids. */
export function makeEvents(n: number, tag: string, customerKey = 'c'.repeat(64)): LogEvent[] {
  const out: LogEvent[] = [];
  const t0 = Date.now() - 3_600_000;
  for (let i = 0; out.length < n; i++) {
    const interactionId = `${tag}-i${i}`;
    const base = (k: number) => ({ id: `${interactionId}-e${k}`, at: t0 + i * 10 + k, interactionId });
    const three: LogEvent[] = [
      {
        ...base(0),
        type: 'interaction-started',
        helpdesk: 'zendesk',
        ticketId: String(10_000 + i),
        customerKey,
        channel: 'email',
        repId: 'typed-by-rep',
        playbookId: 'pb',
        playbookVersion: 1,
        variant: '',
      },
      { ...base(1), type: 'resolution-confirmed' },
      { ...base(2), type: 'move-offered', via: 'insert', moveId: 'm1', moveKind: 'usage-tip', moveTitle: 'Tip' },
    ];
    out.push(...three.slice(0, n - out.length));
  }
  return out;
}

/** Logs events through the protocol (as content scripts do), 200 per message. */
export async function logEvents(m: Member, events: readonly LogEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 200) await m.send('log/append', { events: events.slice(i, i + 200) });
}

/** Every message in the stream as the admin sees it: event ids in stream order. */
export async function streamEventIds(server: NatsServer): Promise<string[]> {
  const { jetstream } = await import('@nats-io/jetstream');
  const js = jetstream(await server.adminConnection());
  const total = await server.streamMessages();
  if (total === 0) return [];
  const c = await js.consumers.get('RP_EVENTS', { opt_start_seq: 1 });
  const ids: string[] = [];
  let read = 0;
  while (read < total) {
    const batch = await c.fetch({ max_messages: Math.min(5000, total - read), expires: 5000 });
    let got = 0;
    for await (const msg of batch) {
      got++;
      read++;
      // Site-health reports (`<prefix>.<repId>.health`) are not events: left out of the event ids.
      if (!msg.subject.endsWith('.health')) {
        // The hostile test message is not JSON: it is listed under its own marker, never as an event id.
        let id = '<malformed>';
        try {
          id = (JSON.parse(msg.string()) as { id: string }).id;
        } catch {}
        ids.push(id);
      }
      if (read >= total) break;
    }
    if (got === 0) break;
  }
  return ids;
}

export const duplicatesIn = (ids: readonly string[]) => ids.length - new Set(ids).size;

/** Stream ids after `before` entries, without the hostile marker. */
export const eventIdsAfter = (ids: readonly string[], before: number) => ids.slice(before).filter((id) => id !== '<malformed>');
