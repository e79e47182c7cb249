/** Averages of the customer's wrap-up answers; unanswered questions (null) are left out, not counted as 0. */
import type { Wrapup } from '../log/types';

export interface Average {
  /** Null when nobody answered. */
  readonly mean: number | null;
  /** How many answered. */
  readonly count: number;
}

export interface WrapupAverages {
  readonly wrapups: number;
  /** VES "helped me achieve more", 1–5. */
  readonly vesAchieveMore: Average;
  /** VES "more confident", 1–5. */
  readonly vesConfidence: Average;
  /** Customer Effort, 1–7 (7 = easy). */
  readonly effort: Average;
}

export function wrapupAverages(wrapups: readonly Wrapup[]): WrapupAverages {
  const sum = { vesAchieveMore: 0, vesConfidence: 0, effort: 0 };
  const count = { vesAchieveMore: 0, vesConfidence: 0, effort: 0 };
  for (const w of wrapups) {
    if (w.vesAchieveMore !== null) {
      sum.vesAchieveMore += w.vesAchieveMore;
      count.vesAchieveMore++;
    }
    if (w.vesConfidence !== null) {
      sum.vesConfidence += w.vesConfidence;
      count.vesConfidence++;
    }
    if (w.effort !== null) {
      sum.effort += w.effort;
      count.effort++;
    }
  }
  const avg = (k: keyof typeof sum): Average => ({ mean: count[k] > 0 ? sum[k] / count[k] : null, count: count[k] });
  return { wrapups: wrapups.length, vesAchieveMore: avg('vesAchieveMore'), vesConfidence: avg('vesConfidence'), effort: avg('effort') };
}
