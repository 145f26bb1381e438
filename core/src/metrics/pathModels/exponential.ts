import { fitLine } from './leastSquaresLine.js';
import { originalScaleR2 } from './originalScaleR2.js';
import { constantTime, MIN_PATH_POINTS, nonPositiveValue, notApplicable, orNull, overflow, tooFewPoints, type PathFitResult } from './pathFit.js';
import type { PathPoints } from './pathPoints.js';

/**
 * Exponential path y = a·e^(b·t): ln y = ln a + b·t is regressed on t by least squares, so every
 * y must be > 0; a = e^c (Meeker & Escobar 1998 §13.2; Montgomery, Peck & Vining, *Introduction to
 * Linear Regression Analysis*, §5.3 "transformations to a straight line").
 * Inverse: t = (ln y − ln a)/b, for y > 0.
 */
export function fitExponential(points: PathPoints): PathFitResult {
  const { t, values, lnValues } = points;
  const times = t.values;
  if (times.length < MIN_PATH_POINTS) return notApplicable('exponential', tooFewPoints('exponential', times.length));
  if (lnValues === null) return notApplicable('exponential', nonPositiveValue('exponential'));
  const line = fitLine(t, lnValues);
  if (line === 'flat-x') return notApplicable('exponential', constantTime());
  if (line === null) return notApplicable('exponential', overflow());
  const c = line.intercept;
  const b = line.slope;
  const a = Math.exp(c);
  if (!Number.isFinite(a) || a === 0) return notApplicable('exponential', overflow());
  const fit = originalScaleR2(values, times, line, true);
  return {
    model: 'exponential',
    applicable: true,
    a,
    b,
    r2: fit.r2,
    r2Linearised: line.r2,
    n: times.length,
    excluded: 0,
    notes: fit.note ? [fit.note] : [],
    predict: (t) => {
      if (!Number.isFinite(t)) return null;
      // a·e^(b·t); if that product over- or underflows, e^(c + b·t) may still be representable.
      const direct = a * Math.exp(b * t);
      return Number.isFinite(direct) && direct !== 0 ? direct : orNull(Math.exp(c + b * t));
    },
    solveTime: (y) => (Number.isFinite(y) && b !== 0 && y > 0 ? orNull((Math.log(y) - c) / b) : null),
  };
}
