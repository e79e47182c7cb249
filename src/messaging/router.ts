/**
 * The worker's single message router. Pure apart from the handlers it is given: it checks the sender,
 * the envelope and the payload schema before any handler runs, and logs each rejection once with its
 * reason. Fuzzed with generated messages in router.test.ts.
 */
import * as v from 'valibot';
import { ENVELOPE, type MessageName, PROTOCOL, type Payload, type Reply, type Results, type SenderKind } from './protocol';

export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number };
  readonly frameId?: number;
}

export type Handlers = {
  [N in MessageName]: (payload: Payload<N>, sender: SenderInfo) => Promise<Results[N]> | Results[N];
};

export interface Rejection {
  readonly reason: string;
  readonly name?: string;
}

export interface RouterOptions {
  readonly extensionId: string;
  /** e.g. `chrome-extension://<id>/` — messages from our own pages carry such a URL. */
  readonly extensionOrigin: string;
  readonly onReject: (r: Rejection) => void;
}

export function senderKind(sender: SenderInfo, opts: Pick<RouterOptions, 'extensionId' | 'extensionOrigin'>): SenderKind | null {
  if (sender.id !== opts.extensionId) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(opts.extensionOrigin)) return 'page';
  // Content scripts run in a tab on an https helpdesk page.
  if (sender.tab && typeof sender.tab.id === 'number' && url.startsWith('https://')) return 'content';
  return null;
}

function describe(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid payload';
  const path = first.path?.map((p) => String(p.key)).join('.') ?? '';
  return `${path ? `${path}: ` : ''}${first.message}`;
}

export function createRouter(handlers: Handlers, opts: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply<MessageName>> {
    const reject = (reason: string, name?: string): Reply<MessageName> => {
      opts.onReject(name ? { reason, name } : { reason });
      return { ok: false, error: reason };
    };
    const kind = senderKind(sender, opts);
    if (!kind) return reject('foreign sender');
    const envelope = v.safeParse(ENVELOPE, message);
    if (!envelope.success) return reject(`bad envelope: ${describe(envelope.issues)}`);
    const { name, payload } = envelope.output;
    const spec = PROTOCOL[name];
    if (!(spec.from as readonly SenderKind[]).includes(kind)) return reject(`${kind} may not send ${name}`, name);
    const parsed = v.safeParse(spec.payload, payload);
    if (!parsed.success) return reject(`bad payload: ${describe(parsed.issues)}`, name);
    try {
      const handler = handlers[name] as (p: unknown, s: SenderInfo) => Promise<unknown> | unknown;
      const result = await handler(parsed.output, sender);
      return { ok: true, result } as Reply<MessageName>;
    } catch (err) {
      // A handler failure (quota exceeded, DB closed) is answered, not thrown: the sender keeps its outbox.
      const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      return { ok: false, error: reason };
    }
  };
}
