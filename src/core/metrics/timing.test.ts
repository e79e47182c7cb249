import { describe, expect, it } from 'vitest';
import { makeAttempt, offered, T0 } from './fixtures';
import { medianSecondsResolutionToOffer, resolutionFirstAdherence } from './timing';

const after = offered('accepted', { interactionId: 'a' }, T0, 30_000);
const atResolution = offered('declined', { interactionId: 'b' }, T0, 0);
const before = offered('offered', { interactionId: 'c' }, T0, -10_000);
const unresolved = offered('accepted', { interactionId: 'd', resolutionConfirmedAt: null });
// Offered, then corrected to not-a-fit: not an offer any more.
const corrected = makeAttempt({ interactionId: 'e', offeredAt: T0 - 5_000, resolutionConfirmedAt: T0, outcome: 'not-a-fit', outcomeAt: T0, skipReason: 'other' });

describe('resolutionFirstAdherence', () => {
  it('is the share of offers made at or after resolution', () => {
    expect(resolutionFirstAdherence([after, atResolution, before, unresolved, corrected, makeAttempt()])).toEqual({
      offers: 4,
      afterResolution: 2,
      beforeResolution: 1,
      unresolved: 1,
      share: 0.5,
    });
  });

  it('is null without offers', () => {
    expect(resolutionFirstAdherence([makeAttempt()]).share).toBeNull();
  });
});

describe('medianSecondsResolutionToOffer', () => {
  it('takes the middle value, negative offsets included', () => {
    expect(medianSecondsResolutionToOffer([after, atResolution, before, unresolved, corrected])).toBe(0);
  });

  it('averages the two middle values for an even count', () => {
    const late = offered('accepted', { interactionId: 'f' }, T0, 90_500);
    expect(medianSecondsResolutionToOffer([late, after, before, atResolution])).toBe(15);
  });

  it('is null without timed offers', () => {
    expect(medianSecondsResolutionToOffer([unresolved, makeAttempt()])).toBeNull();
    expect(medianSecondsResolutionToOffer([])).toBeNull();
  });
});
