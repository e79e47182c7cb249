import { describe, expect, it } from 'vitest';
import { requiredStepAdherence } from './required-steps';

describe('requiredStepAdherence', () => {
  it('judges only interactions finished in the panel and counts the steps left open', () => {
    expect(requiredStepAdherence([{ requiredMissed: [] }, { requiredMissed: ['verify', 'note'] }, { requiredMissed: [] }, {}])).toEqual({
      judged: 3,
      complete: 2,
      missedSteps: 2,
      share: 2 / 3,
    });
    expect(requiredStepAdherence([{}]).share).toBeNull();
  });
});
