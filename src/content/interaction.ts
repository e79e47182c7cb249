/**
 * One ticket's interaction as the content script runs it. The id is *issued by the worker*, bound to
 * this site and tab (the worker refuses events for it from any other site). Nothing is written — no
 * log event, no ticket state — until the rep's first action in the panel: a page that fakes ticket
 * after ticket (pushState + a fake pane per id) costs no storage, and a ticket the rep never touched
 * leaves no record. What the session rules emit before that (auto-ticks, moves shown) waits in memory
 * with its own time and is logged, in order, right after the start event.
 */
import type { EventBody } from '../core/session/types';
import type { HelpdeskId } from '../core/ticket/types';
import { send } from '../messaging/client';
import type { Emitter } from './emitter';

export interface Issued {
  readonly interactionId: string;
  readonly startedAt: number;
  readonly macKey: string;
}

export interface InteractionDeps {
  readonly emitter: Emitter;
  readonly helpdesk: HelpdeskId;
  readonly ticketId: string;
  /** When the ticket was opened (the worker clamps it). */
  readonly openedAt: number;
  /** A stored ticket of this site: its interaction id, re-issued to this tab by the worker. */
  readonly resume?: string;
  /** The outbox signing keys, by interaction id (memory only). */
  readonly keys: Map<string, string>;
}

export function createInteraction(deps: InteractionDeps) {
  const open = (forAction: boolean) =>
    send('interaction/open', {
      helpdesk: deps.helpdesk,
      ticketId: deps.ticketId,
      startedAt: deps.openedAt,
      ...(deps.resume ? { resume: deps.resume } : {}),
      ...(forAction ? { forAction } : {}),
    }).then((r) => {
      deps.keys.set(r.interactionId, r.macKey);
      return r;
    });
  // Asked at once (the engine needs this customer's history before the rep acts); a page flooding
  // this tab with fake tickets is rate-limited by the worker, and then the first rep action asks again.
  let issued: Promise<Issued | null> = open(false).catch(() => null);
  let started = false;
  const buffered: { body: EventBody; at: number }[] = [];
  /** Settles once the start event (and what waited for it) is in the outbox. */
  let startPending: Promise<unknown> = Promise.resolve();

  const idNow = async (): Promise<Issued> => {
    const got = await issued;
    if (!got) throw new Error('no interaction id');
    return got;
  };

  return {
    /** The worker's id for this ticket (null when it could not be had yet). */
    issued: () => issued,
    get started() {
      return started;
    },
    get startPending() {
      return startPending;
    },
    /** A stored ticket whose interaction the worker re-issued: its start is already logged. */
    markStarted(): void {
      if (started) return;
      started = true;
      // What the rules emitted while the id was on its way is logged now, in order.
      for (const w of buffered.splice(0)) void deps.emitter.after(async () => ({ interactionId: (await idNow()).interactionId, body: w.body, at: w.at }));
    },
    /** An event of the session rules: logged now if the interaction started, else kept until it does. */
    emit(body: EventBody): void {
      if (!started) {
        buffered.push({ body, at: Date.now() });
        return;
      }
      void deps.emitter.after(async () => ({ interactionId: (await idNow()).interactionId, body }));
    },
    /**
     * The rep's first action: log the start (at the worker's recorded start time), then what waited.
     * `startBody` is built once the customer key is known.
     */
    start(startBody: (issued: Issued) => Promise<EventBody>): Promise<unknown> {
      if (started) return startPending;
      started = true;
      issued = issued.then((got) => got ?? open(true));
      const waiting = buffered.splice(0);
      const first = deps.emitter.after(async () => {
        const got = await idNow();
        return { interactionId: got.interactionId, body: await startBody(got), at: got.startedAt };
      });
      for (const w of waiting) void deps.emitter.after(async () => ({ interactionId: (await idNow()).interactionId, body: w.body, at: Math.max(w.at, (await idNow()).startedAt) }));
      startPending = first.catch(() => {});
      return first;
    },
  };
}

export type Interaction = ReturnType<typeof createInteraction>;
