import { fitLine } from './leastSquaresLine.js';
import { originalScaleR2 } from './originalScaleR2.js';
import { constantTime, MIN_PATH_POINTS, notApplicable, orNull, overflow, tooFewPoints, type PathFitResult } from './pathFit.js';
import type { PathPoints } from './pathPoints.js';

/**
 * Linear path y = a + b·t: y regressed on t by least squares (Meeker & Escobar 1998 §13.2).
 * Inverse: t = (y − a)/b.
 */
export function fitLinear(points: PathPoints): PathFitResult {
  const { t, values } = points;
  const times = t.values;
  if (times.length < MIN_PATH_POINTS) return notApplicable('linear', tooFewPoints('linear', times.length));
  const line = fitLine(t, values);
  if (line === 'flat-x') return notApplicable('linear', constantTime());
  if (line === null) return notApplicable('linear', overflow());
  const a = line.intercept;
  const b = line.slope;
  const fit = originalScaleR2(values, times, line, false);
  return {
    model: 'linear',
    applicable: true,
    a,
    b,
    r2: fit.r2,
    // On its own scale the linear form's R² is the original-scale one.
    r2Linearised: fit.r2,
    n: times.length,
    excluded: 0,
    notes: fit.note ? [fit.note] : [],
    predict: (t) => (Number.isFinite(t) ? orNull(a + b * t) : null),
    solveTime: (y) => (Number.isFinite(y) && b !== 0 ? orNull((y - a) / b) : null),
  };
}
