/**
 * Derives the stored records from the append-only event log. Pure: the service worker feeds it the
 * current records and one event at a time, and a rebuild feeds it every event in time order.
 * Order-tolerant: a move event that arrives before its interaction's start (retries can reorder) still
 * makes an attempt; `interaction-started` then fills in the interaction's fields on those attempts.
 */
import type { Attempt, Interaction, InteractionStart, LogEvent, Wrapup } from './types';

const EMPTY_START: InteractionStart = {
  helpdesk: 'custom',
  ticketId: '',
  customerKey: '',
  channel: 'other',
  repId: '',
  playbookId: '',
  playbookVersion: 0,
  variant: '',
};

export function startOf(i: Interaction | undefined): InteractionStart {
  if (!i) return EMPTY_START;
  const { helpdesk, ticketId, customerKey, channel, repId, playbookId, playbookVersion, variant } = i;
  return { helpdesk, ticketId, customerKey, channel, repId, playbookId, playbookVersion, variant };
}

export function attemptId(interactionId: string, moveId: string): string {
  return `${interactionId}:${moveId}`;
}

export function reduceInteraction(prev: Interaction | undefined, e: LogEvent, source: string): Interaction | undefined {
  switch (e.type) {
    case 'interaction-started': {
      const { id: _id, at, interactionId, type: _t, ...start } = e;
      return {
        ...start,
        id: interactionId,
        startedAt: Math.min(at, prev?.startedAt ?? at),
        resolvedAt: prev?.resolvedAt ?? null,
        endedAt: prev?.endedAt ?? null,
        endReason: prev?.endReason ?? null,
        steps: prev?.steps ?? {},
        source: prev?.source ?? source,
      };
    }
    case 'step-completed':
      return prev && { ...prev, steps: { ...prev.steps, [e.stepId]: e.at } };
    case 'step-undone': {
      if (!prev) return prev;
      const { [e.stepId]: _gone, ...steps } = prev.steps;
      return { ...prev, steps };
    }
    case 'resolution-confirmed':
      return prev && { ...prev, resolvedAt: prev.resolvedAt ?? e.at };
    case 'interaction-ended':
      // A later "closed" beats an earlier "abandoned" guess made by the worker for a closed tab.
      if (!prev) return prev;
      if (prev.endReason === 'closed') return prev;
      return { ...prev, endedAt: e.at, endReason: e.reason };
    default:
      return prev;
  }
}

export function reduceAttempt(
  prev: Attempt | undefined,
  interaction: Interaction | undefined,
  e: LogEvent,
  source: string,
): Attempt | undefined {
  if (e.type !== 'move-shown' && e.type !== 'move-offered' && e.type !== 'move-outcome') return prev;
  const base: Attempt = prev ?? {
    ...startOf(interaction),
    id: attemptId(e.interactionId, e.moveId),
    interactionId: e.interactionId,
    moveId: e.moveId,
    moveKind: e.moveKind,
    moveTitle: e.moveTitle,
    shownAt: null,
    offeredAt: null,
    outcome: null,
    skipReason: null,
    outcomeAt: null,
    resolutionConfirmedAt: interaction?.resolvedAt ?? null,
    loggedAt: e.at,
    source,
  };
  const loggedAt = Math.max(base.loggedAt, e.at);
  const resolutionConfirmedAt = base.resolutionConfirmedAt ?? interaction?.resolvedAt ?? null;
  if (e.type === 'move-shown') return { ...base, shownAt: base.shownAt ?? e.at, loggedAt, resolutionConfirmedAt };
  if (e.type === 'move-offered') return { ...base, offeredAt: base.offeredAt ?? e.at, outcome: base.outcome ?? 'offered', outcomeAt: base.outcomeAt ?? e.at, loggedAt, resolutionConfirmedAt };
  // The latest recorded outcome wins (a rep may correct "offered" to "accepted").
  const offeredAt = e.outcome === 'not-a-fit' ? base.offeredAt : (base.offeredAt ?? e.at);
  return { ...base, outcome: e.outcome, skipReason: e.skipReason, outcomeAt: e.at, offeredAt, loggedAt, resolutionConfirmedAt };
}

/** Attempts recorded before their interaction's start event take its fields once it arrives. */
export function backfillAttempt(a: Attempt, interaction: Interaction): Attempt {
  if (a.ticketId) return a;
  return { ...a, ...startOf(interaction), resolutionConfirmedAt: a.resolutionConfirmedAt ?? interaction.resolvedAt };
}

export function reduceWrapup(prev: Wrapup | undefined, e: LogEvent): Wrapup | undefined {
  if (e.type !== 'wrapup') return prev;
  // Answers are captured one click at a time; a null answer keeps the earlier one.
  return {
    interactionId: e.interactionId,
    vesAchieveMore: e.vesAchieveMore ?? prev?.vesAchieveMore ?? null,
    vesConfidence: e.vesConfidence ?? prev?.vesConfidence ?? null,
    effort: e.effort ?? prev?.effort ?? null,
    at: Math.max(e.at, prev?.at ?? 0),
  };
}
