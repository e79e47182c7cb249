/**
 * The CSV export's columns. Names and order are a contract with every spreadsheet and script a team
 * lead has built on an export: later versions only append columns, never rename, remove or reorder.
 * Times are ISO 8601 in UTC (`toISOString()`), empty when unknown; numbers are plain decimals.
 */
import { secondsResolutionToOffer } from '../metrics/facts';
import type { OutcomeCounts } from '../metrics/facts';
import type { Attempt, Interaction, Wrapup } from '../log/types';

/** What a column yields: numbers are written as numbers, strings as (guarded) text, null as empty. */
export type CellValue = string | number | null;

export interface Column<Row> {
  readonly name: string;
  readonly get: (row: Row) => CellValue;
}

/** An attempt with its interaction's wrap-up answers (null when the customer gave none). */
export type AttemptRow = Attempt & { readonly wrapup?: Wrapup | null };

/** An interaction with the tallies of its attempts and its wrap-up. */
export type InteractionRow = Interaction & { readonly counts: OutcomeCounts; readonly wrapup: Wrapup | null };

/** ISO 8601 UTC, or null for a missing (or unrepresentable) time, so the cell stays empty. */
export function isoTime(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}

export const ATTEMPT_COLUMN_NAMES = [
  'attempt_id',
  'logged_at',
  'rep_id',
  'helpdesk',
  'ticket_id',
  'channel',
  'customer_key',
  'playbook_id',
  'playbook_version',
  'variant',
  'move_id',
  'move_kind',
  'move_title',
  'resolution_confirmed_at',
  'offered_at',
  'outcome',
  'skip_reason',
  'outcome_at',
  'seconds_resolution_to_offer',
  'ves_achieve_more',
  'ves_confidence',
  'effort',
  'source',
] as const;
export type AttemptColumnName = (typeof ATTEMPT_COLUMN_NAMES)[number];

// A mapped type, so a name added to the list without a getter (or the reverse) does not compile.
const ATTEMPT_GETTERS: { readonly [K in AttemptColumnName]: (r: AttemptRow) => CellValue } = {
  attempt_id: (r) => r.id,
  logged_at: (r) => isoTime(r.loggedAt),
  rep_id: (r) => r.repId,
  helpdesk: (r) => r.helpdesk,
  ticket_id: (r) => r.ticketId,
  channel: (r) => r.channel,
  customer_key: (r) => r.customerKey,
  playbook_id: (r) => r.playbookId,
  playbook_version: (r) => r.playbookVersion,
  variant: (r) => r.variant,
  move_id: (r) => r.moveId,
  move_kind: (r) => r.moveKind,
  move_title: (r) => r.moveTitle,
  resolution_confirmed_at: (r) => isoTime(r.resolutionConfirmedAt),
  offered_at: (r) => isoTime(r.offeredAt),
  outcome: (r) => r.outcome,
  skip_reason: (r) => r.skipReason,
  outcome_at: (r) => isoTime(r.outcomeAt),
  seconds_resolution_to_offer: secondsResolutionToOffer,
  ves_achieve_more: (r) => r.wrapup?.vesAchieveMore ?? null,
  ves_confidence: (r) => r.wrapup?.vesConfidence ?? null,
  effort: (r) => r.wrapup?.effort ?? null,
  source: (r) => r.source,
};

export const ATTEMPT_COLUMNS: readonly Column<AttemptRow>[] = ATTEMPT_COLUMN_NAMES.map((name) => ({
  name,
  get: ATTEMPT_GETTERS[name],
}));

export const INTERACTION_COLUMN_NAMES = [
  'interaction_id',
  'started_at',
  'resolved_at',
  'ended_at',
  'end_reason',
  'rep_id',
  'helpdesk',
  'ticket_id',
  'channel',
  'customer_key',
  'playbook_id',
  'playbook_version',
  'variant',
  'steps_done',
  'attempts',
  'offered',
  'accepted',
  'declined',
  'not_a_fit',
  'ves_achieve_more',
  'ves_confidence',
  'effort',
  'source',
] as const;
export type InteractionColumnName = (typeof INTERACTION_COLUMN_NAMES)[number];

const INTERACTION_GETTERS: { readonly [K in InteractionColumnName]: (r: InteractionRow) => CellValue } = {
  interaction_id: (r) => r.id,
  started_at: (r) => isoTime(r.startedAt),
  resolved_at: (r) => isoTime(r.resolvedAt),
  ended_at: (r) => isoTime(r.endedAt),
  end_reason: (r) => r.endReason,
  rep_id: (r) => r.repId,
  helpdesk: (r) => r.helpdesk,
  ticket_id: (r) => r.ticketId,
  channel: (r) => r.channel,
  customer_key: (r) => r.customerKey,
  playbook_id: (r) => r.playbookId,
  playbook_version: (r) => r.playbookVersion,
  variant: (r) => r.variant,
  steps_done: (r) => Object.keys(r.steps).length,
  attempts: (r) => r.counts.attempts,
  // Reached the customer (awaiting + accepted + declined), as in the dashboard's funnel.
  offered: (r) => r.counts.offered,
  accepted: (r) => r.counts.accepted,
  declined: (r) => r.counts.declined,
  not_a_fit: (r) => r.counts.notAFit,
  ves_achieve_more: (r) => r.wrapup?.vesAchieveMore ?? null,
  ves_confidence: (r) => r.wrapup?.vesConfidence ?? null,
  effort: (r) => r.wrapup?.effort ?? null,
  source: (r) => r.source,
};

export const INTERACTION_COLUMNS: readonly Column<InteractionRow>[] = INTERACTION_COLUMN_NAMES.map((name) => ({
  name,
  get: INTERACTION_GETTERS[name],
}));
