/**
 * Hand-made records for tests of the log, CSV and metrics code: valid by the schemas in
 * `../log/validate`, with every field overridable so a test states only what it is about.
 */
import type { Attempt, Interaction, LogEvent, Wrapup } from '../log/types';

/** Monday 2024-05-06 09:00 UTC — weekly buckets in tests start on a known Monday. */
export const T0 = Date.UTC(2024, 4, 6, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

type AttemptOverrides = Partial<Omit<Attempt, 'id'>> & { readonly id?: string };

export function makeAttempt(over: AttemptOverrides = {}): Attempt {
  const interactionId = over.interactionId ?? 'i1';
  const moveId = over.moveId ?? 'm1';
  return {
    helpdesk: 'zendesk',
    ticketId: '1001',
    customerKey: '',
    channel: 'chat',
    repId: 'rep-a',
    playbookId: 'pb',
    playbookVersion: 1,
    variant: 'A',
    moveKind: 'usage-tip',
    moveTitle: 'Try saved replies',
    shownAt: T0,
    offeredAt: null,
    outcome: null,
    skipReason: null,
    outcomeAt: null,
    resolutionConfirmedAt: null,
    loggedAt: T0,
    source: 'local',
    ...over,
    interactionId,
    moveId,
    id: over.id ?? `${interactionId}:${moveId}`,
  };
}

/** An attempt offered `offsetMs` after resolution at `at`, then given `outcome` a minute later. */
export function offered(
  outcome: 'offered' | 'accepted' | 'declined',
  over: AttemptOverrides = {},
  at = T0,
  offsetMs = 30_000,
): Attempt {
  return makeAttempt({
    resolutionConfirmedAt: at,
    shownAt: at,
    offeredAt: at + offsetMs,
    outcome,
    outcomeAt: outcome === 'offered' ? at + offsetMs : at + offsetMs + MINUTE,
    loggedAt: at + offsetMs + MINUTE,
    ...over,
  });
}

export function makeInteraction(over: Partial<Interaction> = {}): Interaction {
  return {
    id: 'i1',
    helpdesk: 'zendesk',
    ticketId: '1001',
    customerKey: 'a'.repeat(64),
    channel: 'chat',
    repId: 'rep-a',
    playbookId: 'pb',
    playbookVersion: 1,
    variant: 'A',
    startedAt: T0 - 10 * MINUTE,
    resolvedAt: T0,
    endedAt: T0 + 5 * MINUTE,
    endReason: 'closed',
    steps: { verify: T0 - 5 * MINUTE },
    source: 'local',
    ...over,
  };
}

export function makeWrapup(over: Partial<Wrapup> = {}): Wrapup {
  return { interactionId: 'i1', vesAchieveMore: 4, vesConfidence: 5, effort: 6, at: T0 + 4 * MINUTE, ...over };
}

/** One valid event of every type, in the order they happen. */
export function sampleEvents(interactionId = 'i1'): LogEvent[] {
  const base = (n: number) => ({ id: `${interactionId}-e${n}`, at: T0 + n * 1000, interactionId });
  return [
    {
      ...base(0),
      type: 'interaction-started',
      helpdesk: 'zendesk',
      ticketId: '1001',
      customerKey: 'b'.repeat(64),
      channel: 'email',
      repId: 'José Müller',
      playbookId: 'pb',
      playbookVersion: 3,
      variant: 'B',
    },
    { ...base(1), type: 'step-completed', stepId: 'verify', auto: false },
    { ...base(2), type: 'step-undone', stepId: 'verify' },
    { ...base(3), type: 'resolution-confirmed' },
    { ...base(4), type: 'move-shown', moveId: 'm1', moveKind: 'usage-tip', moveTitle: 'Saved replies' },
    { ...base(5), type: 'move-offered', via: 'insert', moveId: 'm1', moveKind: 'usage-tip', moveTitle: 'Saved replies' },
    { ...base(6), type: 'move-outcome', outcome: 'accepted', skipReason: null, moveId: 'm1', moveKind: 'usage-tip', moveTitle: 'Saved replies' },
    { ...base(7), type: 'move-outcome', outcome: 'not-a-fit', skipReason: 'time-pressure', moveId: 'm2', moveKind: 'confidence', moveTitle: 'You did it' },
    { ...base(8), type: 'wrapup', vesAchieveMore: 5, vesConfidence: null, effort: 7 },
    { ...base(9), type: 'interaction-ended', reason: 'closed' },
  ];
}
