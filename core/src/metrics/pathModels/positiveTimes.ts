import { excludedNonPositiveTime, type PathModel } from './pathFit.js';
import type { Note } from '../../i18n/note.js';

/**
 * The points the ln-time forms (power, logarithmic) can use: ln t is undefined at t ≤ 0, so those
 * points — typically the initial value at t = 0 — are left out, with a note saying how many.
 */
export function positiveTimePoints(
  model: PathModel,
  times: readonly number[],
  values: readonly number[],
): { times: number[]; values: number[]; excluded: number; notes: Note[] } {
  const kept = { times: [] as number[], values: [] as number[] };
  for (let i = 0; i < times.length; i++) {
    if (times[i]! > 0) {
      kept.times.push(times[i]!);
      kept.values.push(values[i]!);
    }
  }
  const excluded = times.length - kept.times.length;
  return { ...kept, excluded, notes: excluded > 0 ? [excludedNonPositiveTime(model, excluded)] : [] };
}

/** A time from an exp() that underflowed to 0 or overflowed is not representable. */
export function positiveTime(t: number): number | null {
  return t > 0 && Number.isFinite(t) ? t : null;
}
