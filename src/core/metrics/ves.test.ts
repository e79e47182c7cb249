import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWrapup, offered } from './fixtures';
import { customerScores, offeredInteractionIds, scoresByOffer } from './ves';

describe('customer scores (VES and CES shares)', () => {
  it('counts VES only when the customer agrees (4–5) with both statements, and CES 5–7 as easy', () => {
    const s = customerScores([
      makeWrapup({ interactionId: 'a', vesAchieveMore: 4, vesConfidence: 5, effort: 5 }),
      makeWrapup({ interactionId: 'b', vesAchieveMore: 5, vesConfidence: 3, effort: 4 }),
      makeWrapup({ interactionId: 'c', vesAchieveMore: 5, vesConfidence: null, effort: null }),
      makeWrapup({ interactionId: 'd', vesAchieveMore: 3, vesConfidence: 3, effort: 7 }),
    ]);
    // c answered one statement only: not counted for VES at all.
    expect(s.ves).toEqual({ yes: 1, answered: 3, share: 1 / 3 });
    expect(s.ces).toEqual({ yes: 2, answered: 3, share: 2 / 3 });
    expect(customerScores([]).ves.share).toBeNull();
  });

  it('splits between interactions with a VE offer and without', () => {
    const wrapups = [
      makeWrapup({ interactionId: 'with', vesAchieveMore: 5, vesConfidence: 5, effort: 6 }),
      makeWrapup({ interactionId: 'shown-only', vesAchieveMore: 2, vesConfidence: 4, effort: 6 }),
      makeWrapup({ interactionId: 'dismissed', vesAchieveMore: 4, vesConfidence: 4, effort: 2 }),
    ];
    const attempts = [
      offered('declined', { interactionId: 'with' }),
      { ...offered('offered', { interactionId: 'dismissed' }), outcome: 'not-a-fit' as const },
      { interactionId: 'shown-only', outcome: null },
    ];
    const split = scoresByOffer(wrapups, offeredInteractionIds(attempts));
    expect(split.withOffer.ves).toEqual({ yes: 1, answered: 1, share: 1 });
    expect(split.withoutOffer.ves).toEqual({ yes: 1, answered: 2, share: 0.5 });
    expect(split.withoutOffer.ces).toEqual({ yes: 1, answered: 2, share: 0.5 });
    expect(split.all.ves.answered).toBe(3);
  });

  it('with + without always add up to all, whatever the answers', () => {
    const answer = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(answer(5), answer(5), answer(7), fc.boolean()), { maxLength: 40 }), (rows) => {
        const wrapups = rows.map(([v1, v2, e], i) => makeWrapup({ interactionId: `i${i}`, vesAchieveMore: v1, vesConfidence: v2, effort: e }));
        const attempts = rows.flatMap(([, , , o], i) => (o ? [offered('accepted', { interactionId: `i${i}` })] : []));
        const s = scoresByOffer(wrapups, offeredInteractionIds(attempts));
        for (const k of ['ves', 'ces'] as const) {
          expect(s.withOffer[k].yes + s.withoutOffer[k].yes).toBe(s.all[k].yes);
          expect(s.withOffer[k].answered + s.withoutOffer[k].answered).toBe(s.all[k].answered);
          expect(s.all[k].yes).toBeLessThanOrEqual(s.all[k].answered);
        }
      }),
    );
  });
});
