import { fitLine } from './leastSquaresLine.js';
import { originalScaleR2 } from './originalScaleR2.js';
import { constantTime, MIN_PATH_POINTS, nonPositiveValue, notApplicable, orNull, overflow, tooFewPoints, type PathFitResult } from './pathFit.js';
import { exclusionNotes, positiveTime, type PathPoints } from './pathPoints.js';

/**
 * Power path y = a·t^b: ln y = ln a + b·ln t is regressed on ln t by least squares over the points
 * with t > 0 (pathPoints.ts), whose values must be > 0; a = e^c (Meeker & Escobar 1998 §13.2; Montgomery, Peck &
 * Vining §5.3). At t = 0 the path is 0 for b > 0 and a for b = 0; it is undefined for t < 0.
 * Inverse: t = e^((ln y − ln a)/b), for y > 0.
 */
export function fitPower(points: PathPoints): PathFitResult {
  const used = points.positiveTime;
  const n = used.values.length;
  if (n < MIN_PATH_POINTS) return notApplicable('power', tooFewPoints('power', n));
  if (used.lnValues === null) return notApplicable('power', nonPositiveValue('power'));
  const lnT = used.lnT.values;
  const line = fitLine(used.lnT, used.lnValues);
  if (line === 'flat-x') return notApplicable('power', constantTime());
  if (line === null) return notApplicable('power', overflow());
  const c = line.intercept;
  const b = line.slope;
  const a = Math.exp(c);
  if (!Number.isFinite(a) || a === 0) return notApplicable('power', overflow());
  const fit = originalScaleR2(used.values, lnT, line, true);
  return {
    model: 'power',
    applicable: true,
    a,
    b,
    r2: fit.r2,
    r2Linearised: line.r2,
    n,
    excluded: used.excluded,
    notes: fit.note ? [...exclusionNotes('power', used.excluded), fit.note] : exclusionNotes('power', used.excluded),
    predict: (t) => {
      if (!Number.isFinite(t) || t < 0) return null;
      if (t === 0) return b > 0 ? 0 : b === 0 ? a : null;
      const direct = a * t ** b;
      return Number.isFinite(direct) && direct !== 0 ? direct : orNull(Math.exp(c + b * Math.log(t)));
    },
    solveTime: (y) => (Number.isFinite(y) && b !== 0 && y > 0 ? positiveTime(Math.exp((Math.log(y) - c) / b)) : null),
  };
}
