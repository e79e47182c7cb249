import { describe, expect, it } from 'vitest';
import { DAY, makeAttempt, makeWrapup, offered, T0 } from './fixtures';
import { moveResults, RARELY_LANDS } from './move-results';

describe('move results for the playbook editor', () => {
  const now = T0 + 40 * DAY;
  it('counts offers and acceptance in the last 30 days only, with the VES share of those customers', () => {
    const attempts = [
      offered('accepted', { interactionId: 'i1', moveId: 'tip' }, now - DAY),
      offered('declined', { interactionId: 'i2', moveId: 'tip' }, now - 2 * DAY),
      offered('accepted', { interactionId: 'old', moveId: 'tip' }, now - 31 * DAY),
      makeAttempt({ interactionId: 'i3', moveId: 'tip', outcome: 'not-a-fit', skipReason: 'other', outcomeAt: now - DAY }),
    ];
    const wrapups = [makeWrapup({ interactionId: 'i1', vesAchieveMore: 5, vesConfidence: 4 }), makeWrapup({ interactionId: 'i2', vesAchieveMore: 1, vesConfidence: 1 })];
    const tip = moveResults(attempts, wrapups, now).get('tip')!;
    expect(tip).toMatchObject({ offered: 2, accepted: 1, acceptance: 0.5, rarelyLands: false });
    expect(tip.ves).toEqual({ yes: 1, answered: 2, share: 0.5 });
  });

  it('flags a move that rarely lands only once it has been offered enough', () => {
    const many = (n: number, accepted: number) =>
      Array.from({ length: n }, (_, i) => offered(i < accepted ? 'accepted' : 'declined', { interactionId: `i${i}`, moveId: 'm' }, now - DAY));
    expect(moveResults(many(RARELY_LANDS.minOffers, 1), [], now).get('m')!.rarelyLands).toBe(true);
    expect(moveResults(many(RARELY_LANDS.minOffers - 1, 0), [], now).get('m')!.rarelyLands).toBe(false);
    expect(moveResults(many(10, 2), [], now).get('m')!.rarelyLands).toBe(false);
  });
});
