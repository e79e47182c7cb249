/**
 * Durable hand-off of log events to the worker. Each event is written to `storage.local` under its own
 * key first, then sent; the key is removed only after the worker acknowledges the id. Unacknowledged
 * events are retried with exponential backoff; events left behind by a reload or a closed tab are
 * stored by the worker's own outbox drain (src/background/outbox-drain.ts). The worker acknowledges
 * each event on its own: an event it refused (kept aside in its `rejected` store, shown in the options
 * page's health) is forgotten here like a stored one, so it can never hold up the events behind it.
 * Nothing is dropped silently here.
 */
import { browser } from '../shared/ext';
import type { LogEvent } from '../core/log/types';
import { send } from '../messaging/client';
import { macOf, type SignedEntry } from '../messaging/outbox-mac';
import { KEYS } from '../shared/storage-keys';

const MAX_BATCH = 200;
const MAX_DELAY = 30_000;

export interface OutboxStatus {
  readonly pending: number;
  readonly lastError: string | null;
}

export class Outbox {
  private pending = new Map<string, LogEvent>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delay = 0;
  private sending = false;
  private lastError: string | null = null;

  constructor(
    private readonly signal: AbortSignal,
    private readonly onStatus: (s: OutboxStatus) => void = () => {},
    /** The signing key the worker issued for an interaction (memory only; see src/messaging/outbox-mac.ts). */
    private readonly keyFor: (interactionId: string) => string | undefined = () => undefined,
  ) {
    signal.addEventListener('abort', () => this.timer && clearTimeout(this.timer));
  }

  /** Resolves once the event is durable in storage.local (not yet in the log). */
  async add(event: LogEvent): Promise<void> {
    this.pending.set(event.id, event);
    // Signed, so the worker's drain can tell this tab's entries from ones another site's renderer wrote.
    const json = JSON.stringify(event);
    const key = this.keyFor(event.interactionId);
    const entry: SignedEntry = { json, mac: key ? await macOf(key, json) : '' };
    await browser.storage.local.set({ [KEYS.outboxPrefix + event.id]: entry });
    this.schedule(0);
  }

  status(): OutboxStatus {
    return { pending: this.pending.size, lastError: this.lastError };
  }

  private schedule(ms: number): void {
    if (this.signal.aborted || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async flush(): Promise<void> {
    if (this.sending || this.pending.size === 0) return;
    this.sending = true;
    const batch = [...this.pending.values()].slice(0, MAX_BATCH);
    try {
      const { acked, rejected } = await send('log/append', { events: batch });
      const settled = [...acked, ...rejected.map((r) => r.id)];
      for (const id of settled) this.pending.delete(id);
      if (rejected.length) console.warn('[Resolve Plus] events refused by the worker', rejected);
      await browser.storage.local.remove(settled.map((id) => KEYS.outboxPrefix + id));
      this.delay = 0;
      this.lastError = null;
    } catch (err) {
      // Worker stopping ("Receiving end does not exist"), quota exceeded, extension reloaded: retry later.
      this.lastError = err instanceof Error ? err.message : String(err);
      this.delay = Math.min(MAX_DELAY, this.delay ? this.delay * 2 : 500);
    } finally {
      this.sending = false;
      this.onStatus(this.status());
    }
    if (this.pending.size) this.schedule(this.delay);
  }
}
