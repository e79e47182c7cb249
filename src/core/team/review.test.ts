import { describe, expect, it } from 'vitest';
import { decodeReview, encodeReview, latestReviews, repFromReviewSubject } from './review';

const review = { attemptId: 'i1:m1', resolutionFirst: true, fit: false, tone: null, note: 'Offer after the fix, not before.', reviewedAt: 5 };

describe('reviews on the team stream', () => {
  it('round-trips, the reviewer taken from the subject', () => {
    expect(decodeReview(encodeReview(review), repFromReviewSubject('rp.events', 'rp.events.li.review'))).toEqual({ ok: true, reviewer: 'li', review });
  });

  it('refuses hostile reviews with a reason', () => {
    const good = JSON.parse(encodeReview(review)) as Record<string, unknown>;
    for (const bad of [
      '[]',
      JSON.stringify({ ...good, reviewer: 'someone-else' }),
      JSON.stringify({ ...good, note: 'x'.repeat(2_001) }),
      JSON.stringify({ ...good, kind: 'site-health' }),
      JSON.stringify({ ...good, reviewedAt: -1 }),
      JSON.stringify({ ...good, fit: 'yes' }),
    ])
      expect(decodeReview(bad, 'li').ok).toBe(false);
    expect(decodeReview(encodeReview(review), null).ok).toBe(false);
    expect(repFromReviewSubject('rp.events', 'rp.events.li.health')).toBeNull();
    expect(repFromReviewSubject('rp.events', 'rp.events.a.b.review')).toBeNull();
  });

  it('shows the newest first, a few only', () => {
    expect(latestReviews([{ reviewedAt: 1 }, { reviewedAt: 3 }, { reviewedAt: 2 }], 2)).toEqual([{ reviewedAt: 3 }, { reviewedAt: 2 }]);
  });
});
