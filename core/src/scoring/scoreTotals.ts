import type { Assessment, IndicatorAssessment } from './assessment.js';

/**
 * The total of an assessment, alike for every rubric: the sum of the weighted scores given so far
 * (a points rubric's "weighted score" is its points), and the indicators still without one.
 * Fields in the order of `Assessment`, so JSON output reads the same for every rubric.
 */
export function scoreTotals(
  indicators: readonly IndicatorAssessment[],
  maxTotal: number,
): Pick<Assessment, 'total' | 'maxTotal' | 'complete' | 'missingScores'> {
  const total = indicators.reduce((sum, i) => sum + (i.weightedScore ?? 0), 0);
  const missingScores = indicators.filter((i) => i.weightedScore === null).map((i) => i.code);
  return { total, maxTotal, complete: missingScores.length === 0, missingScores };
}
