import { describe, expect, it } from 'vitest';
import { makeWrapup } from './fixtures';
import { wrapupAverages } from './wrapup';

describe('wrapupAverages', () => {
  it('averages answered questions only', () => {
    const result = wrapupAverages([
      makeWrapup({ vesAchieveMore: 4, vesConfidence: 5, effort: 6 }),
      makeWrapup({ interactionId: 'i2', vesAchieveMore: 2, vesConfidence: null, effort: 7 }),
      makeWrapup({ interactionId: 'i3', vesAchieveMore: null, vesConfidence: null, effort: null }),
    ]);
    expect(result).toEqual({
      wrapups: 3,
      vesAchieveMore: { mean: 3, count: 2 },
      vesConfidence: { mean: 5, count: 1 },
      effort: { mean: 6.5, count: 2 },
    });
  });

  it('has null means when nobody answered', () => {
    expect(wrapupAverages([])).toEqual({
      wrapups: 0,
      vesAchieveMore: { mean: null, count: 0 },
      vesConfidence: { mean: null, count: 0 },
      effort: { mean: null, count: 0 },
    });
  });
});
