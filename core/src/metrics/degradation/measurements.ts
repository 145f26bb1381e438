import type { Direction, IdParameter, IdUnit } from '../../submission/reliabilitySubmission.js';

/**
 * What a unit's measurements say by themselves, before any path is fitted: the baseline, the last
 * time measured, and the first measurement at or beyond the limit. A measured exceedance is a
 * fact: whatever path form is declared, the unit was out of spec from that inspection on.
 */

/** Does value v reach or cross the limit in its direction ('max': v ≥ limit; 'min': v ≤ limit)? */
export function reaches(v: number, limit: number, direction: Direction): boolean {
  return direction === 'max' ? v >= limit : v <= limit;
}

/** Baseline: the declared one, else the mean of the unit's values at its earliest time. */
export function unitBaseline(param: IdParameter, unit: IdUnit): number | null {
  if (param.baseline !== undefined) return param.baseline;
  const { times, values } = unit;
  if (times.length === 0) return null;
  let t0 = times[0]!;
  for (let i = 1; i < times.length; i++) if (times[i]! < t0) t0 = times[i]!;
  let count = 0;
  for (const t of times) if (t === t0) count++;
  // Mean as Σ (vᵢ / count), in order (no overflow for values near the largest double).
  let mean = 0;
  for (let i = 0; i < values.length; i++) if (times[i] === t0) mean += values[i]! / count;
  return Number.isFinite(mean) ? mean : null;
}

export function lastTime(unit: IdUnit): number | null {
  const { times } = unit;
  if (times.length === 0) return null;
  let last = times[0]!;
  for (let i = 1; i < times.length; i++) if (times[i]! > last) last = times[i]!;
  return last;
}

export interface MeasuredExceedance {
  /** The first inspection (in time order) at which the value was at or beyond the limit. */
  time: number;
  value: number;
  /** The latest earlier inspection, at which the value was still within the limit (null: none). */
  previousTime: number | null;
}

/** The first measurement at or beyond the limit, in time order; null when the unit never reached it. */
export function firstMeasuredExceedance(unit: IdUnit, limit: number, direction: Direction): MeasuredExceedance | null {
  const { times } = unit;
  let ascending = true;
  for (let i = 1; i < times.length && ascending; i++) ascending = times[i]! >= times[i - 1]!;
  // Inspections are usually listed in time order; sort the indices only when they are not.
  const order = ascending ? null : times.map((_, i) => i).sort((i, j) => times[i]! - times[j]!);
  let previousTime: number | null = null;
  for (let k = 0; k < times.length; k++) {
    const i = order === null ? k : order[k]!;
    const t = unit.times[i]!;
    if (reaches(unit.values[i]!, limit, direction))
      return { time: t, value: unit.values[i]!, previousTime: previousTime !== null && previousTime < t ? previousTime : null };
    previousTime = t;
  }
  return null;
}
