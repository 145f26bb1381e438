import { excludedNonPositiveTime, type PathModel } from './pathFit.js';
import type { Note } from '../../i18n/note.js';

/**
 * The points the ln-time forms (power, logarithmic) can use, with ln t: ln t is undefined at t ≤ 0,
 * so those points — typically the initial value at t = 0 — are left out (the forms add a note
 * saying how many). Taken once per unit and shared by both forms.
 */
export interface PositiveTimePoints {
  times: number[];
  values: number[];
  lnTimes: number[];
  /** Points left out (t ≤ 0). */
  excluded: number;
}

export function positiveTimePoints(times: readonly number[], values: readonly number[]): PositiveTimePoints {
  const kept: PositiveTimePoints = { times: [], values: [], lnTimes: [], excluded: 0 };
  for (let i = 0; i < times.length; i++) {
    if (times[i]! > 0) {
      kept.times.push(times[i]!);
      kept.values.push(values[i]!);
      kept.lnTimes.push(Math.log(times[i]!));
    } else kept.excluded++;
  }
  return kept;
}

export function exclusionNotes(model: PathModel, points: PositiveTimePoints): Note[] {
  return points.excluded > 0 ? [excludedNonPositiveTime(model, points.excluded)] : [];
}

/** A time from an exp() that underflowed to 0 or overflowed is not representable. */
export function positiveTime(t: number): number | null {
  return t > 0 && Number.isFinite(t) ? t : null;
}
