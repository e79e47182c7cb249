/** Typed sender for the protocol, used by content scripts and pages. Throws on a rejected message. */
import { browser } from '../shared/ext';
import type { MessageName, Payload, Reply, Results } from './protocol';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export async function send<N extends MessageName>(name: N, payload: Payload<N>): Promise<Results[N]> {
  const reply = (await browser.runtime.sendMessage({ rp: 1, name, payload })) as Reply<N> | undefined;
  if (!reply) throw new ProtocolError(`no answer to ${name}`);
  if (!reply.ok) throw new ProtocolError(reply.error);
  return reply.result;
}
