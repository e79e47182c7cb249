/**
 * Turns event bodies from the session rules into log events in the outbox, strictly in the order they
 * were made — even when one (the interaction's start) waits for a worker round trip first. Each event
 * gets its id where it is made and its time when it happened (`at`, default now).
 */
import type { LogEvent } from '../core/log/types';
import type { EventBody } from '../core/session/types';
import type { Outbox } from './outbox';

export type MadeEvent = { interactionId: string; body: EventBody; at?: number };

export interface Emitter {
  /** Emits the event `make` resolves to, after every event emitted before it. */
  after(make: () => Promise<MadeEvent>): Promise<void>;
}

export function createEmitter(outbox: Outbox): Emitter {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    after(make) {
      const now = Date.now();
      const next = chain.then(async () => {
        const { interactionId, body, at } = await make();
        await outbox.add({ ...body, id: crypto.randomUUID(), at: at ?? now, interactionId } as LogEvent);
      });
      chain = next.catch(() => {});
      return next;
    },
  };
}
