/**
 * A lead's review on the team stream (README "Team mode: the event schema", kind `review`), so the rep
 * sees the lead's notes in the popup. Published by a lead's worker on `<subjectPrefix>.<leadId>.review`
 * — a subject only a lead user may publish to (see permissions.ts) — and kept by a rep's worker only
 * for attempts of its own (stored locally, not pulled from the team). The reviewer is the subject's
 * rep id, never a body field. The note is the lead's words about the attempt, bounded and shown as text.
 */
import type { Review } from '../log/types';
import * as v from 'valibot';
import { WIRE_SCHEMA_VERSION } from './wire';

export const REVIEW_KIND = 'review';
export const REVIEW_TOKEN = 'review';
export const MAX_REVIEW_NOTE = 2_000;
export const MAX_REVIEW_BYTES = 4 * 1024;

const REP = /^[A-Za-z0-9_-]{1,64}$/;

/** On the stream a review is the log's own `Review` (src/core/log/types.ts), nothing added. */
export type TeamReview = Review;

/** A review as a rep keeps it: who wrote it (from the subject) and what was reviewed. */
export interface ReceivedReview extends TeamReview {
  readonly reviewer: string;
  readonly moveTitle: string;
  readonly ticketId: string;
}

export const reviewSubject = (c: { subjectPrefix: string; repId: string }) => `${c.subjectPrefix}.${c.repId}.${REVIEW_TOKEN}`;

export function repFromReviewSubject(prefix: string, subject: string): string | null {
  const suffix = `.${REVIEW_TOKEN}`;
  if (!subject.startsWith(`${prefix}.`) || !subject.endsWith(suffix)) return null;
  const rep = subject.slice(prefix.length + 1, subject.length - suffix.length);
  return REP.test(rep) ? rep : null;
}

const tri = v.nullable(v.boolean());
const reviewSchema = v.strictObject({
  schemaVersion: v.literal(WIRE_SCHEMA_VERSION),
  kind: v.literal(REVIEW_KIND),
  attemptId: v.pipe(v.string(), v.minLength(1), v.maxLength(201)),
  resolutionFirst: tri,
  fit: tri,
  tone: tri,
  note: v.pipe(v.string(), v.maxLength(MAX_REVIEW_NOTE)),
  reviewedAt: v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0)),
});

export function encodeReview(r: TeamReview): string {
  return JSON.stringify({
  schemaVersion: WIRE_SCHEMA_VERSION,
  kind: REVIEW_KIND,
  attemptId: r.attemptId,
  resolutionFirst: r.resolutionFirst,
  fit: r.fit,
  tone: r.tone,
  note: r.note,
  reviewedAt: r.reviewedAt,
  });
}

export type DecodedReview = { ok: true; reviewer: string; review: TeamReview } | { ok: false; reason: string };

export function decodeReview(data: string, subjectRep: string | null): DecodedReview {
  if (subjectRep === null) return { ok: false, reason: 'subject is not <prefix>.<leadId>.review' };
  if (data.length > MAX_REVIEW_BYTES) return { ok: false, reason: `review larger than ${MAX_REVIEW_BYTES} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = v.safeParse(reviewSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `review ${path}: ${issue?.message ?? 'invalid'}` };
  }
  const { schemaVersion: _s, kind: _k, ...review } = parsed.output;
  return { ok: true, reviewer: subjectRep, review };
}

/** The newest reviews first, at most `n`: what the popup shows. */
export function latestReviews<T extends { readonly reviewedAt: number }>(reviews: readonly T[], n: number): T[] {
  return [...reviews].sort((a, b) => b.reviewedAt - a.reviewedAt).slice(0, n);
}
