import { note, type Note } from '../../i18n/note.js';
import { fitExponential } from './exponential.js';
import { fitLinear } from './linear.js';
import { fitLogarithmic } from './logarithmic.js';
import { notApplicable, type PathFit, type PathFitResult, type PathModel } from './pathFit.js';
import { fitPower } from './power.js';
import { inspectionTimes, pathPoints, sameTimes, type InspectionTimes } from './pathPoints.js';

/**
 * Degradation path models for the Id indicator (docs/architecture.md §3), each fitted by ordinary least
 * squares on its linearised form (Meeker & Escobar 1998, *Statistical Methods for Reliability
 * Data*, §13.2–13.3, simple degradation paths; Montgomery, Peck & Vining, *Introduction to Linear
 * Regression Analysis*, §5.3):
 *
 * | model        | path             | regression               | requirement      | file            |
 * |--------------|------------------|--------------------------|------------------|-----------------|
 * | linear       | y = a + b·t      | y on t                   | —                | linear.ts       |
 * | exponential  | y = a·e^(b·t)    | ln y on t  (a = e^c)     | every y > 0      | exponential.ts  |
 * | power        | y = a·t^b        | ln y on ln t (a = e^c)   | t > 0 and y > 0  | power.ts        |
 * | logarithmic  | y = a + b·ln t   | y on ln t                | t > 0            | logarithmic.ts  |
 *
 * Points with t ≤ 0 are left out (with a note) of the power and logarithmic fits; the series each
 * form regresses are taken once per unit, and what depends on the times alone once per
 * inspection schedule (pathPoints.ts). Goodness of fit:
 * `r2` on the original scale (originalScaleR2.ts) so the forms compare fairly, `r2Linearised` on
 * the transformed scale (leastSquaresLine.ts).
 */

function allFinite(v: readonly number[]): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Why a unit's measurements cannot be fitted by any form, or null when they can. */
function unusableInput(times: readonly number[], values: readonly number[]): Note | null {
  if (times.length !== values.length) {
    return note(
      'path.lengthMismatch',
      `时间与测量值的个数不同（${times.length} 与 ${values.length}）。`,
      `times and values differ in length (${times.length} vs ${values.length}).`,
    );
  }
  if (!allFinite(times) || !allFinite(values)) {
    return note('path.nonFinite', '时间或测量值中含有非有限数值。', 'times or values contain a non-finite number.');
  }
  return null;
}

/** Fits one path form to a unit's (time, value) measurements. */
export function fitPath(times: readonly number[], values: readonly number[], model: PathModel): PathFitResult {
  const unusable = unusableInput(times, values);
  if (unusable) return notApplicable(model, unusable);
  const points = pathPoints(inspectionTimes(times), values);
  switch (model) {
    case 'linear':
      return fitLinear(points);
    case 'exponential':
      return fitExponential(points);
    case 'power':
      return fitPower(points);
    case 'logarithmic':
      return fitLogarithmic(points);
  }
}

/**
 * All four path forms fitted to one unit (the model selection compares them); the input is checked
 * once. `schedule` is the unit's inspection times, when already taken for another unit measured
 * at the same times.
 */
export function fitAllPaths(times: readonly number[], values: readonly number[], schedule?: InspectionTimes): Record<PathModel, PathFitResult> {
  const unusable = unusableInput(times, values);
  if (unusable) {
    return {
      linear: notApplicable('linear', unusable),
      exponential: notApplicable('exponential', unusable),
      power: notApplicable('power', unusable),
      logarithmic: notApplicable('logarithmic', unusable),
    };
  }
  const points = pathPoints(schedule ?? inspectionTimes(times), values);
  return {
    linear: fitLinear(points),
    exponential: fitExponential(points),
    power: fitPower(points),
    logarithmic: fitLogarithmic(points),
  };
}

/**
 * `fitAllPaths` for each unit of a parameter. Units are usually all measured on one schedule:
 * a unit measured at the same times as the one before it shares that unit's ln t and sums.
 */
export function fitAllUnits(units: ReadonlyArray<{ times: readonly number[]; values: readonly number[] }>): Record<PathModel, PathFitResult>[] {
  let schedule: InspectionTimes | undefined;
  return units.map((u) => {
    if (schedule === undefined || !sameTimes(schedule.times, u.times)) schedule = inspectionTimes(u.times);
    return fitAllPaths(u.times, u.values, schedule);
  });
}

/** True when the fitted path increases with t (all four forms are monotone in t). */
export function pathIncreasing(fit: PathFit): boolean {
  // linear/logarithmic: sign of b; exponential/power: a > 0 by construction, so also sign of b.
  return fit.model === 'linear' || fit.model === 'logarithmic' ? fit.b > 0 : fit.a * fit.b > 0;
}
