/**
 * The derived records (`Interaction`, `Attempt`, `Wrapup`) as a pure function of the event log.
 *
 * `project(events)` depends only on the *set* of events: it de-duplicates by id and orders each
 * interaction's events by (time, id), so any arrival order, any retry or any merged copy gives identical
 * records. The worker's live path, JSON merges, team-pulled events and "Rebuild from log" all re-project
 * the touched interactions from every stored event of those interactions — there is no incremental
 * reducer that could disagree with a rebuild.
 *
 * Rules, each because the log is written by several tabs, retried and merged:
 * - The *earliest* `interaction-started` (by time, then id) gives the interaction its fields; a later
 *   start for the same id cannot rewrite its rep, customer or date.
 * - Steps, resolution, end and moves are applied after the start whatever their time, so a step logged
 *   "before" its start (clock skew, a start that arrived late) is kept, not dropped. Without any start
 *   there is no interaction record yet; its events wait in the log until the start arrives.
 * - The latest outcome *in time* wins (a rep corrects "offered" to "accepted"), not the latest to arrive.
 * - A `closed` end beats an `abandoned` guess made by the worker for a closed tab.
 * - `steps-missed` (logged when the rep finishes) names required steps left unticked; the latest report
 *   counts, minus any step ticked after it.
 */
import type { Attempt, Interaction, InteractionStart, LogEvent, Wrapup } from './types';

export interface Projection {
  readonly interactions: Interaction[];
  readonly attempts: Attempt[];
  readonly wrapups: Wrapup[];
}

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

export function attemptId(interactionId: string, moveId: string): string {
  return `${interactionId}:${moveId}`;
}

/** Total order on events: time, then id (ids are unique, so ties never depend on arrival). */
export function compareEvents(a: LogEvent, b: LogEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * One event per id. Two different bodies under one id never come from our own code; pick one by content
 * (not by arrival) so the result stays order-independent.
 */
function uniqueById(events: readonly LogEvent[]): LogEvent[] {
  const byId = new Map<string, LogEvent>();
  for (const e of events) {
    const seen = byId.get(e.id);
    if (seen === undefined) byId.set(e.id, e);
    else if (seen !== e && JSON.stringify(e) < JSON.stringify(seen)) byId.set(e.id, e);
  }
  return [...byId.values()];
}

/**
 * Projects every interaction the events mention. `sourceOf` names where an interaction's records came
 * from ('local', a merged file's name, 'team'); the projection keeps whatever the caller says.
 */
export function project(events: readonly LogEvent[], sourceOf: (interactionId: string) => string = () => 'local'): Projection {
  const groups = new Map<string, LogEvent[]>();
  for (const e of uniqueById(events)) {
    const g = groups.get(e.interactionId);
    if (g) g.push(e);
    else groups.set(e.interactionId, [e]);
  }
  const out: Projection = { interactions: [], attempts: [], wrapups: [] };
  for (const [interactionId, group] of groups) {
    group.sort(compareEvents);
    const source = sourceOf(interactionId);
    const interaction = projectInteraction(interactionId, group, source);
    if (interaction) out.interactions.push(interaction);
    out.attempts.push(...projectAttempts(interactionId, group, interaction, source));
    const wrapup = projectWrapup(interactionId, group);
    if (wrapup) out.wrapups.push(wrapup);
  }
  return out;
}

/** `group` is one interaction's events, sorted by `compareEvents`. */
function projectInteraction(id: string, group: readonly LogEvent[], source: string): Interaction | undefined {
  const first = group.find((e) => e.type === 'interaction-started');
  if (first?.type !== 'interaction-started') return undefined;
  const { id: _id, at, interactionId: _i, type: _t, ...start } = first;
  let steps: Record<string, number> = {};
  let resolvedAt: number | null = null;
  let endedAt: number | null = null;
  let endReason: Interaction['endReason'] = null;
  let missed: readonly string[] | null = null;
  for (const e of group) {
    if (e.type === 'step-completed') steps = { ...steps, [e.stepId]: e.at };
    else if (e.type === 'step-undone') {
      const { [e.stepId]: _gone, ...rest } = steps;
      steps = rest;
    } else if (e.type === 'resolution-confirmed') resolvedAt ??= e.at;
    else if (e.type === 'interaction-ended' && endReason !== 'closed') {
      endedAt = e.at;
      endReason = e.reason;
    } else if (e.type === 'steps-missed') missed = e.stepIds;
  }
  const record: Interaction = { ...start, id, startedAt: at, resolvedAt, endedAt, endReason, steps, source };
  // A step ticked after the report (the rep went back to it) is no longer missed.
  return missed === null ? record : { ...record, requiredMissed: [...new Set(missed)].filter((s) => !Object.hasOwn(steps, s)).sort() };
}

function projectAttempts(interactionId: string, group: readonly LogEvent[], interaction: Interaction | undefined, source: string): Attempt[] {
  const start = interaction ? startOf(interaction) : EMPTY_START;
  const byMove = new Map<string, Attempt>();
  for (const e of group) {
    if (e.type !== 'move-shown' && e.type !== 'move-offered' && e.type !== 'move-outcome') continue;
    const base: Attempt = byMove.get(e.moveId) ?? {
      ...start,
      id: attemptId(interactionId, e.moveId),
      interactionId,
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
    let next: Attempt;
    if (e.type === 'move-shown') next = { ...base, shownAt: base.shownAt ?? e.at, loggedAt };
    else if (e.type === 'move-offered') {
      next = { ...base, offeredAt: base.offeredAt ?? e.at, outcome: base.outcome ?? 'offered', outcomeAt: base.outcomeAt ?? e.at, loggedAt };
    } else {
      const offeredAt = e.outcome === 'not-a-fit' ? base.offeredAt : (base.offeredAt ?? e.at);
      next = { ...base, outcome: e.outcome, skipReason: e.skipReason, outcomeAt: e.at, offeredAt, loggedAt };
    }
    byMove.set(e.moveId, next);
  }
  return [...byMove.values()];
}

function projectWrapup(interactionId: string, group: readonly LogEvent[]): Wrapup | undefined {
  let w: Wrapup | undefined;
  for (const e of group) {
    if (e.type !== 'wrapup') continue;
    // Answers are captured one click at a time; a null answer keeps the earlier one.
    w = {
      interactionId,
      vesAchieveMore: e.vesAchieveMore ?? w?.vesAchieveMore ?? null,
      vesConfidence: e.vesConfidence ?? w?.vesConfidence ?? null,
      effort: e.effort ?? w?.effort ?? null,
      at: e.at,
    };
  }
  return w;
}

export function startOf(i: Interaction): InteractionStart {
  const { helpdesk, ticketId, customerKey, channel, repId, playbookId, playbookVersion, variant } = i;
  return { helpdesk, ticketId, customerKey, channel, repId, playbookId, playbookVersion, variant };
}
