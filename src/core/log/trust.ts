/**
 * The worker's trust rules for events a page sends, pure so they are unit-tested in Node. The page (and
 * a compromised renderer) may send anything; the worker decides:
 * - every interaction id is *issued by the worker* to one origin (the helpdesk tenant) and the tabs that
 *   opened it; events for an interaction another origin was issued are refused;
 * - every time is bounded: not after now (plus a small clock skew), not before 2020, not before the
 *   interaction's start as the worker recorded it;
 * - the rep on `interaction-started` is the worker's (trusted settings), never the page's.
 */
import type { LogEvent } from './types';

/** What the worker recorded when it issued an interaction id. */
export interface Binding {
  readonly interactionId: string;
  /** `https://acme.zendesk.com` — the tenant that opened it. */
  readonly origin: string;
  /** Tabs the id was issued (or re-issued on reload / a second tab) to. */
  readonly tabs: readonly number[];
  /** When the ticket was opened, as the page said, clamped by the worker (see `clampStart`). */
  readonly startedAt: number;
  readonly issuedAt: number;
  /** Hashed customer key the worker computed for this interaction ('' until asked). */
  readonly customerKey: string;
  /** HMAC key (hex) the page signs its outbox entries with; never written where a page can read it. */
  readonly macKey: string;
}

/** Clocks of a page and the worker are the same machine's, but allow for a slow tick and DST quirks. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** A ticket may have been open this long before its first action (a rep comes back after lunch). */
export const MAX_OPEN_BEFORE_START_MS = 24 * 3_600_000;
export const EARLIEST_EVENT = Date.UTC(2020, 0, 1);

/** The start time the worker records: what the page says, but never in the future or days back. */
export function clampStart(claimed: number, now: number): number {
  if (!Number.isFinite(claimed)) return now;
  return Math.min(now, Math.max(now - MAX_OPEN_BEFORE_START_MS, Math.trunc(claimed)));
}

/** Why the worker refuses `e` from `origin` (null: accept). `binding` is the interaction's, if issued. */
export function refusal(e: LogEvent, origin: string | null, binding: Binding | undefined, now: number): string | null {
  if (!binding) return 'unknown interaction (not issued by the extension)';
  if (origin !== null && binding.origin !== origin) return 'interaction belongs to another site';
  if (e.at > now + CLOCK_SKEW_MS) return 'time is in the future';
  if (e.at < EARLIEST_EVENT) return 'time is before 2020';
  if (e.at < binding.startedAt - CLOCK_SKEW_MS) return 'time is before the interaction started';
  if (e.type === 'interaction-started' && e.at !== binding.startedAt) return 'start time differs from the one the extension recorded';
  return null;
}

/** The worker's stamp on a start event: its own rep id, whatever the page wrote. */
export function stampRep<T>(raw: T, repId: string): T {
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== 'interaction-started') return raw;
  return { ...raw, repId };
}
