/**
 * Per-conversation panel state (checklist ticks, moves shown/offered, wrap-up answers), persisted in
 * `storage.local` under `ticket:<origin>:<helpdesk>:<ticketId>` so switching tickets or tabs shows each
 * ticket's own state and reopening a ticket resumes it. Keyed by origin: ticket 4521 on
 * evil.zendesk.com is not ticket 4521 on acme.zendesk.com. Written only once the rep acted on a ticket,
 * and at most `MAX_TICKETS_PER_ORIGIN` per site (the oldest touched are dropped), so a page cannot fill
 * the storage. Holds ids and times only — never conversation text.
 */
import { browser } from '../shared/ext';
import { freshTicketState, type TicketState } from '../core/session/types';
import type { HelpdeskId } from '../core/ticket/types';
import { KEYS } from '../shared/storage-keys';

export type { MoveState, TicketState, WrapupAnswers } from '../core/session/types';

export const MAX_TICKETS_PER_ORIGIN = 200;

export const ticketKey = (origin: string, helpdesk: HelpdeskId, ticketId: string) => `${KEYS.ticketPrefix}${origin}:${helpdesk}:${ticketId}`;

export function newTicketState(now: number, customerKey: string, variant: string): TicketState {
  return freshTicketState(crypto.randomUUID(), now, customerKey, variant);
}

export async function loadTicketState(origin: string, helpdesk: HelpdeskId, ticketId: string): Promise<TicketState | null> {
  const key = ticketKey(origin, helpdesk, ticketId);
  const stored = (await browser.storage.local.get(key))[key] as TicketState | undefined;
  return stored && typeof stored.interactionId === 'string' ? stored : null;
}

export async function saveTicketState(origin: string, helpdesk: HelpdeskId, ticketId: string, state: TicketState): Promise<void> {
  const key = ticketKey(origin, helpdesk, ticketId);
  const isNew = (await browser.storage.local.get(key))[key] === undefined;
  await browser.storage.local.set({ [key]: { ...state, touchedAt: Date.now() } });
  if (isNew) await dropOldest(origin);
}

/** Keeps this site's newest `MAX_TICKETS_PER_ORIGIN` ticket states (by last touch). */
async function dropOldest(origin: string): Promise<void> {
  const prefix = `${KEYS.ticketPrefix}${origin}:`;
  const mine = Object.entries(await browser.storage.local.get(null))
    .filter(([k]) => k.startsWith(prefix))
    .map(([k, v]) => [k, typeof (v as { touchedAt?: unknown })?.touchedAt === 'number' ? (v as { touchedAt: number }).touchedAt : 0] as const);
  if (mine.length <= MAX_TICKETS_PER_ORIGIN) return;
  mine.sort((a, b) => a[1] - b[1]);
  await browser.storage.local.remove(mine.slice(0, mine.length - MAX_TICKETS_PER_ORIGIN).map(([k]) => k));
}
