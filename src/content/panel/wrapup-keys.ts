/** Which wrap-up question the digit keys answer (App.tsx) and which one the view marks as next (WrapupBody.tsx). */
import type { WrapupAnswers } from '../ticket-state';

/** The next question digits answer, with its scale's top; null when all three are answered. */
export function nextQuestion(a: WrapupAnswers): { field: keyof WrapupAnswers; max: number } | null {
  if (a.vesAchieveMore === null) return { field: 'vesAchieveMore', max: 5 };
  if (a.vesConfidence === null) return { field: 'vesConfidence', max: 5 };
  if (a.effort === null) return { field: 'effort', max: 7 };
  return null;
}
