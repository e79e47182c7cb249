/**
 * Checklist adherence: of the interactions the rep finished in the panel, how many had every required
 * step ticked. VE does not wait for required steps (only resolution gates it), so this figure is where
 * a skipped required step shows. Interactions never finished in the panel (tab closed) are not judged.
 */
import type { Interaction } from '../log/types';

export interface RequiredStepAdherence {
  /** Interactions finished in the panel (their finish recorded which required steps were open, maybe none). */
  readonly judged: number;
  /** …of which every required step was ticked. */
  readonly complete: number;
  /** Required steps left open, summed over interactions. */
  readonly missedSteps: number;
  /** complete / judged; null when nothing was judged. */
  readonly share: number | null;
}

export function requiredStepAdherence(interactions: readonly Pick<Interaction, 'requiredMissed'>[]): RequiredStepAdherence {
  let judged = 0;
  let complete = 0;
  let missedSteps = 0;
  for (const i of interactions) {
    if (i.requiredMissed === undefined) continue;
    judged++;
    if (i.requiredMissed.length === 0) complete++;
    missedSteps += i.requiredMissed.length;
  }
  return { judged, complete, missedSteps, share: judged === 0 ? null : complete / judged };
}
