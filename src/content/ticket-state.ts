/**
 * Per-conversation panel state (checklist ticks, moves shown/offered, wrap-up answers), persisted in
 * `storage.local` under `ticket:<helpdesk>:<ticketId>` so switching tickets or tabs shows each ticket's
 * own state and reopening a ticket resumes it. Holds ids and times only — never conversation text.
 */
import { browser } from '../shared/ext';
import type { TicketState } from '../core/session/types';
import type { HelpdeskId } from '../core/ticket/types';
import { KEYS } from '../shared/storage-keys';

export type { MoveState, TicketState, WrapupAnswers } from '../core/session/types';

export const ticketKey = (helpdesk: HelpdeskId, ticketId: string) => `${KEYS.ticketPrefix}${helpdesk}:${ticketId}`;

export function newTicketState(now: number, customerKey: string, variant: string): TicketState {
  return {
    interactionId: crypto.randomUUID(),
    startedAt: now,
    touchedAt: now,
    checklist: {},
    suppressedAuto: [],
    resolvedAt: null,
    moves: {},
    wrapup: { vesAchieveMore: null, vesConfidence: null, effort: null },
    ended: false,
    customerKey,
    variant,
  };
}

export async function loadTicketState(helpdesk: HelpdeskId, ticketId: string): Promise<TicketState | null> {
  const key = ticketKey(helpdesk, ticketId);
  const stored = (await browser.storage.local.get(key))[key] as TicketState | undefined;
  return stored && typeof stored.interactionId === 'string' ? stored : null;
}

export async function saveTicketState(helpdesk: HelpdeskId, ticketId: string, state: TicketState): Promise<void> {
  await browser.storage.local.set({ [ticketKey(helpdesk, ticketId)]: { ...state, touchedAt: Date.now() } });
}
