import { note, type Note } from '../../i18n/note.js';
import { significant } from '../../i18n/numberText.js';
import type { IdParameter, IdUnit } from '../../submission/reliabilitySubmission.js';
import { fitPath, type PathFitResult, type PathModel } from '../degradationPath.js';
import { firstMeasuredExceedance, lastTime, reaches, unitBaseline, type MeasuredExceedance } from './measurements.js';
import { pseudoFailure } from './pseudoFailure.js';

export interface UnitDegradation {
  id: string;
  model: PathModel;
  /** False when the path form cannot be fitted to this unit (see `fitReason`). */
  applicable: boolean;
  fitReason?: Note;
  /** Points used in the fit. */
  n: number;
  a: number | null;
  b: number | null;
  /** R² on the original scale (see pathModels/originalScaleR2.ts). */
  r2: number | null;
  r2Linearised: number | null;
  /** The value drift is measured from: `param.baseline`, else the unit's value at its earliest time. */
  baseline: number | null;
  /** The baseline itself is at or beyond the limit: the unit was out of spec before any drift. */
  baselineBeyondLimit: boolean;
  /** The first measurement at or beyond the limit (at any time), or null. */
  measuredExceedance: MeasuredExceedance | null;
  /** The fitted path at the rated life. */
  predictedAtRatedLife: number | null;
  /** Smallest t ≥ 0 at which the fitted path reaches the limit in the limit's direction. */
  pseudoFailureTime: number | null;
  pseudoFailureReason?: Note;
  /**
   * Drift at the rated life, predicted(ratedLife) − baseline, signed so that a positive drift
   * moves toward the limit ('max': upward, 'min': downward).
   */
  driftAtRatedLife: number | null;
  /** |limit − baseline|: the drift the spec allows. */
  allowedDrift: number | null;
  /**
   * Share of the allowed drift consumed at the rated life,
   * (predicted(ratedLife) − baseline) / (limit − baseline); > 1 means out of spec at rated life,
   * < 0 means the path moves away from the limit.
   */
  driftShare: number | null;
  /**
   * Within spec at the rated life: no measurement at or beyond the limit up to the rated life, and
   * predicted(ratedLife) ≤ limit ('max') or ≥ limit ('min'); false when unknown.
   */
  withinSpecAtRatedLife: boolean;
  warnings: Note[];
}

function orNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Degradation of one unit under one path form: what was measured (baseline, first exceedance),
 * the fit, the pseudo-failure time, the projection to the rated life and the share of the allowed
 * drift consumed (Meeker & Escobar 1998 §13.7).
 */
export function unitDegradation(param: IdParameter, unit: IdUnit, model: PathModel, precomputed?: PathFitResult): UnitDegradation {
  const { limit, direction, ratedLife } = param;
  const warnings: Note[] = [];
  const baseline = unitBaseline(param, unit);
  const baselineBeyondLimit = baseline !== null && reaches(baseline, limit, direction);
  const measuredExceedance = firstMeasuredExceedance(unit, limit, direction);
  const measuredOutWithinLife = measuredExceedance !== null && measuredExceedance.time <= ratedLife;
  // The model selection already fitted every form to every unit; reuse that fit when given.
  const fit = precomputed && precomputed.model === model ? precomputed : fitPath(unit.times, unit.values, model);
  const allowedDrift = baseline === null ? null : orNull(Math.abs(limit - baseline));
  const measured = { baseline, baselineBeyondLimit, measuredExceedance, allowedDrift };

  if (!fit.applicable) {
    return {
      id: unit.id,
      model,
      applicable: false,
      fitReason: fit.reason,
      n: unit.times.length,
      a: null,
      b: null,
      r2: null,
      r2Linearised: null,
      ...measured,
      predictedAtRatedLife: null,
      pseudoFailureTime: null,
      pseudoFailureReason: fit.reason,
      driftAtRatedLife: null,
      driftShare: null,
      withinSpecAtRatedLife: false,
      warnings: [fit.reason],
    };
  }
  warnings.push(...fit.notes);

  const pf = pseudoFailure(fit, limit, direction, ratedLife);
  if (pf.warning) warnings.push(pf.warning);
  const last = lastTime(unit) ?? -Infinity;
  if (pf.time !== null && pf.time > last) {
    const time = significant(pf.time);
    const lastMeasured = significant(last);
    warnings.push(
      note(
        'id.pseudoFailureExtrapolated',
        `伪失效时间 ${time} 超出最后一次测量时间 ${lastMeasured}，是外推值。`,
        `the pseudo-failure time ${time} lies beyond the last measurement at ${lastMeasured}; it is extrapolated.`,
      ),
    );
  }
  if (measuredOutWithinLife) {
    warnings.push(
      note(
        'id.measuredBeyondLimit',
        `在 t = ${significant(measuredExceedance.time)} 实测值 ${significant(measuredExceedance.value)} 已达到或超出限值 ${significant(limit)}（额定寿命 ${significant(ratedLife)} 之内），无论拟合路径如何，该样品按寿命期内失效计。`,
        `measured ${significant(measuredExceedance.value)} at t = ${significant(measuredExceedance.time)}, at or beyond the limit ${significant(limit)} within the rated life ${significant(ratedLife)}: the unit counts as failed within life whatever the fitted path says.`,
      ),
    );
  }

  const predicted = fit.predict(ratedLife);
  if (predicted === null) {
    warnings.push(
      note(
        'id.predictionUndefined',
        '拟合路径在额定寿命处的预测值超出可表示的数值范围。',
        'the fitted path at the rated life is outside the representable range.',
      ),
    );
  }
  const withinSpec = !measuredOutWithinLife && predicted !== null && !(direction === 'max' ? predicted > limit : predicted < limit);

  let drift: number | null = null;
  let driftShare: number | null = null;
  if (baseline === null) {
    warnings.push(note('id.noBaseline', '无法确定基准值（没有测量数据）。', 'no baseline could be determined (no measurements).'));
  } else {
    // Drift signed toward the limit: 'max' → upward is positive, 'min' → downward is positive.
    if (predicted !== null) drift = orNull(direction === 'max' ? predicted - baseline : baseline - predicted);
    if (limit === baseline) {
      warnings.push(
        note(
          'id.noAllowedDrift',
          '基准值等于规格限，允许漂移量为 0，漂移占比无定义。',
          'the baseline equals the limit; the allowed drift is 0 and the drift share is undefined.',
        ),
      );
    } else if (baselineBeyondLimit) {
      warnings.push(
        note(
          'id.baselineOutOfSpec',
          `基准值 ${significant(baseline)} 已超出规格限 ${significant(limit)}，漂移占比无意义。`,
          `the baseline ${significant(baseline)} is already beyond the limit ${significant(limit)}; the drift share is not meaningful.`,
        ),
      );
    } else if (predicted !== null) {
      // Share of allowed drift consumed = (ŷ(ratedLife) − baseline)/(limit − baseline).
      driftShare = orNull((predicted - baseline) / (limit - baseline));
    }
  }

  return {
    id: unit.id,
    model,
    applicable: true,
    n: fit.n,
    a: fit.a,
    b: fit.b,
    r2: fit.r2,
    r2Linearised: fit.r2Linearised,
    ...measured,
    predictedAtRatedLife: predicted,
    pseudoFailureTime: pf.time,
    ...(pf.reason ? { pseudoFailureReason: pf.reason } : {}),
    driftAtRatedLife: drift,
    driftShare,
    withinSpecAtRatedLife: withinSpec,
    warnings,
  };
}
