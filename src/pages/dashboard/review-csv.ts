/**
 * The review queue's CSV: one row per saved review, with enough of its attempt to read it without the
 * attempts export. Written by the same `csvChunks` as the other exports, so the formula guard applies.
 */
import { type Column, isoTime } from '../../core/csv/columns';
import type { Attempt } from '../../core/log/types';
import type { Review } from '../../storage/schema';

export type ReviewRow = Review & { readonly attempt: Attempt | undefined };

const yesNo = (b: boolean | null) => (b === null ? null : b ? 'yes' : 'no');

export const REVIEW_COLUMNS: readonly Column<ReviewRow>[] = [
  { name: 'attempt_id', get: (r) => r.attemptId },
  { name: 'reviewed_at', get: (r) => isoTime(r.reviewedAt) },
  { name: 'rep_id', get: (r) => r.attempt?.repId ?? null },
  { name: 'helpdesk', get: (r) => r.attempt?.helpdesk ?? null },
  { name: 'ticket_id', get: (r) => r.attempt?.ticketId ?? null },
  { name: 'move_id', get: (r) => r.attempt?.moveId ?? null },
  { name: 'move_title', get: (r) => r.attempt?.moveTitle ?? null },
  { name: 'outcome', get: (r) => r.attempt?.outcome ?? null },
  { name: 'resolution_first', get: (r) => yesNo(r.resolutionFirst) },
  { name: 'fit', get: (r) => yesNo(r.fit) },
  { name: 'tone', get: (r) => yesNo(r.tone) },
  { name: 'note', get: (r) => r.note },
];

export function reviewRows(reviews: Iterable<Review>, attemptsById: ReadonlyMap<string, Attempt>): ReviewRow[] {
  return [...reviews].sort((a, b) => a.reviewedAt - b.reviewedAt).map((r) => ({ ...r, attempt: attemptsById.get(r.attemptId) }));
}
