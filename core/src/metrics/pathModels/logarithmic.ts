import { fitLine } from './leastSquaresLine.js';
import { originalScaleR2 } from './originalScaleR2.js';
import { constantTime, MIN_PATH_POINTS, notApplicable, orNull, overflow, tooFewPoints, type PathFitResult } from './pathFit.js';
import { exclusionNotes, positiveTime, type PathPoints } from './pathPoints.js';

/**
 * Logarithmic path y = a + b·ln t: y is regressed on ln t by least squares over the points with
 * t > 0 (Meeker & Escobar 1998 §13.2; Montgomery, Peck & Vining §5.3). Undefined at t ≤ 0.
 * Inverse: t = e^((y − a)/b).
 */
export function fitLogarithmic(points: PathPoints): PathFitResult {
  const used = points.positiveTime;
  const n = used.values.length;
  if (n < MIN_PATH_POINTS) return notApplicable('logarithmic', tooFewPoints('logarithmic', n));
  const lnT = used.lnT.values;
  const line = fitLine(used.lnT, used.values);
  if (line === 'flat-x') return notApplicable('logarithmic', constantTime());
  if (line === null) return notApplicable('logarithmic', overflow());
  const a = line.intercept;
  const b = line.slope;
  const fit = originalScaleR2(used.values, lnT, line, false);
  return {
    model: 'logarithmic',
    applicable: true,
    a,
    b,
    r2: fit.r2,
    r2Linearised: line.r2,
    n,
    excluded: used.excluded,
    notes: fit.note ? [...exclusionNotes('logarithmic', used.excluded), fit.note] : exclusionNotes('logarithmic', used.excluded),
    predict: (t) => (Number.isFinite(t) && t > 0 ? orNull(a + b * Math.log(t)) : null),
    solveTime: (y) => (Number.isFinite(y) && b !== 0 ? positiveTime(Math.exp((y - a) / b)) : null),
  };
}
