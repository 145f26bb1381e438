import type { Note } from '../../i18n/note.js';
import { regressor, type Regressor } from './leastSquaresLine.js';
import { excludedNonPositiveTime, type PathModel } from './pathFit.js';

/**
 * A unit's points as the four path forms regress them (fitPath.ts), each series taken once per
 * unit and shared by the forms that use it:
 *  - linear and exponential use every point: t as regressor, y and ln y;
 *  - power and logarithmic need ln t, undefined at t ≤ 0, so those points — typically the initial
 *    value at t = 0 — are left out (the forms add a note saying how many): ln t as regressor, and
 *    y and ln y at the points with t > 0.
 * What depends on the times alone (`InspectionTimes`: the t > 0 points, ln t and the regressors'
 * sums) is the same for every unit measured at the same times, and is shared between them.
 */
export interface InspectionTimes {
  readonly times: readonly number[];
  /** t, over every point. */
  readonly t: Regressor;
  /** Whether each point has t > 0. */
  readonly positive: readonly boolean[];
  /** ln t, over the points with t > 0. */
  readonly lnT: Regressor;
  /** Points left out of the ln-time forms (t ≤ 0). */
  readonly excluded: number;
  /** The points left out are the first ones (as the initial value at t = 0 usually is). */
  readonly excludedFirst: boolean;
}

export interface PathPoints {
  readonly t: Regressor;
  readonly values: readonly number[];
  /** ln y of every point; null when some y ≤ 0 (the exponential form is then not applicable). */
  readonly lnValues: readonly number[] | null;
  /** The points with t > 0, for the power and logarithmic forms. */
  readonly positiveTime: {
    readonly lnT: Regressor;
    readonly values: readonly number[];
    /** null when some y ≤ 0 among these points (the power form is then not applicable). */
    readonly lnValues: readonly number[] | null;
    readonly excluded: number;
  };
}

export function inspectionTimes(times: readonly number[]): InspectionTimes {
  const positive = times.map((t) => t > 0);
  const lnT: number[] = [];
  for (let i = 0; i < times.length; i++) if (positive[i]) lnT.push(Math.log(times[i]!));
  const excluded = times.length - lnT.length;
  return { times, t: regressor(times), positive, lnT: regressor(lnT), excluded, excludedFirst: positive.every((p, i) => p === i >= excluded) };
}

/** True when both units were measured at the same times (same order; 0 and −0 count as equal). */
export function sameTimes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function pathPoints(schedule: InspectionTimes, values: readonly number[]): PathPoints {
  const lnValues = logarithmsIfPositive(values);
  if (schedule.excluded === 0) {
    return { t: schedule.t, values, lnValues, positiveTime: { lnT: schedule.lnT, values, lnValues, excluded: 0 } };
  }
  const positiveValues = atPositiveTime(schedule, values);
  return {
    t: schedule.t,
    values,
    lnValues,
    positiveTime: {
      lnT: schedule.lnT,
      values: positiveValues,
      lnValues: lnValues ? atPositiveTime(schedule, lnValues) : logarithmsIfPositive(positiveValues),
      excluded: schedule.excluded,
    },
  };
}

/** ln vᵢ for every i, or null when some vᵢ ≤ 0. */
function logarithmsIfPositive(v: readonly number[]): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (!(v[i]! > 0)) return null;
    out.push(Math.log(v[i]!));
  }
  return out;
}

/** The entries of v at the points with t > 0, in order. */
function atPositiveTime(schedule: InspectionTimes, v: readonly number[]): number[] {
  if (schedule.excludedFirst) return v.slice(schedule.excluded);
  const out: number[] = [];
  for (let i = 0; i < v.length; i++) if (schedule.positive[i]) out.push(v[i]!);
  return out;
}

export function exclusionNotes(model: PathModel, excluded: number): Note[] {
  return excluded > 0 ? [excludedNonPositiveTime(model, excluded)] : [];
}

/** A time from an exp() that underflowed to 0 or overflowed is not representable. */
export function positiveTime(t: number): number | null {
  return t > 0 && Number.isFinite(t) ? t : null;
}
