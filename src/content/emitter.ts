/**
 * Turns event bodies from the session rules into log events in the outbox, strictly in the order they
 * were made — even when one (the interaction's start) waits for a worker round trip first. Each event
 * gets its id and time where it happens.
 */
import type { LogEvent } from '../core/log/types';
import type { EventBody } from '../core/session/types';
import type { Outbox } from './outbox';

export interface Emitter {
  /** Emits the event `make` resolves to, after every event emitted before it; the time is now. */
  after(make: () => Promise<{ interactionId: string; body: EventBody }>): Promise<void>;
  emit(interactionId: string, body: EventBody): Promise<void>;
}

export function createEmitter(outbox: Outbox): Emitter {
  let chain: Promise<unknown> = Promise.resolve();
  const after: Emitter['after'] = (make) => {
    const at = Date.now();
    const next = chain.then(async () => {
      const { interactionId, body } = await make();
      await outbox.add({ ...body, id: crypto.randomUUID(), at, interactionId } as LogEvent);
    });
    chain = next.catch(() => {});
    return next;
  };
  return { after, emit: (interactionId, body) => after(async () => ({ interactionId, body })) };
}
