import { note, type Note } from '../../i18n/note.js';
import { significant } from '../../i18n/numberText.js';
import type { IdParameter } from '../../submission/reliabilitySubmission.js';
import { PATH_MODEL_LABELS, type PathModel } from '../degradationPath.js';
import type { UnitDegradation } from './unitDegradation.js';

/**
 * 有效退化模型 (docs/architecture.md §3): the form fits every unit with R² ≥ minR2 and every unit is within
 * spec at the rated life (no measured exceedance before it, and the projection within the limit).
 * Returns why not, at most one note per unit and cause (empty when the model is effective).
 */
export function effectiveModelReasons(units: readonly UnitDegradation[], model: PathModel, param: IdParameter, minR2: number): Note[] {
  const reasons: Note[] = [];
  const label = PATH_MODEL_LABELS[model];
  for (const u of units) {
    if (!u.applicable) {
      reasons.push(
        note(
          'id.unitNotFitted',
          `样品 ${u.id}：无法拟合${label.zh}模型（${u.fitReason?.zh ?? ''}）`,
          `unit ${u.id}: the ${model} form cannot be fitted (${u.fitReason?.en ?? ''})`,
        ),
      );
      continue;
    }
    if (u.r2 === null) {
      reasons.push(note('id.unitR2Undefined', `样品 ${u.id}：R² 无定义。`, `unit ${u.id}: R² is undefined.`));
    } else if (u.r2 < minR2) {
      reasons.push(
        note(
          'id.unitR2Low',
          `样品 ${u.id}：R² = ${u.r2.toFixed(3)}，低于要求的 ${minR2}。`,
          `unit ${u.id}: R² = ${u.r2.toFixed(3)} is below the required ${minR2}.`,
        ),
      );
    }
    if (u.withinSpecAtRatedLife) continue;
    const p = u.predictedAtRatedLife;
    const projectedOut = p === null || (param.direction === 'max' ? p > param.limit : p < param.limit);
    const e = u.measuredExceedance;
    // A measurement beyond the limit is named when the fitted path says the unit is within spec
    // at the rated life (the data contradict the form); otherwise the projection says it already.
    if (!projectedOut && e !== null && e.time <= param.ratedLife) {
      reasons.push(
        note(
          'id.unitMeasuredBeyondLimit',
          `样品 ${u.id}：在 t = ${significant(e.time)} 实测值 ${significant(e.value)} 已达到或超出限值 ${significant(param.limit)}（额定寿命 ${significant(param.ratedLife)} 之前）。`,
          `unit ${u.id}: measured ${significant(e.value)} at t = ${significant(e.time)}, at or beyond the limit ${significant(param.limit)} before the rated life ${significant(param.ratedLife)}.`,
        ),
      );
    }
    if (projectedOut) {
      reasons.push(
        note(
          'id.unitOutOfSpecAtRatedLife',
          u.predictedAtRatedLife === null
            ? `样品 ${u.id}：无法预测额定寿命 ${significant(param.ratedLife)} 处的值。`
            : `样品 ${u.id}：额定寿命 ${significant(param.ratedLife)} 处预测值 ${significant(u.predictedAtRatedLife)} 超出规格限 ${significant(param.limit)}。`,
          u.predictedAtRatedLife === null
            ? `unit ${u.id}: the value at the rated life ${significant(param.ratedLife)} cannot be predicted.`
            : `unit ${u.id}: the projected value ${significant(u.predictedAtRatedLife)} at the rated life ${significant(param.ratedLife)} is beyond the limit ${significant(param.limit)}.`,
        ),
      );
    }
  }
  return reasons;
}

/** Largest drift share over the units; null when none is defined. */
export function worstDriftShare(units: readonly UnitDegradation[]): number | null {
  const shares = units.map((u) => u.driftShare).filter((v): v is number => v !== null);
  return shares.length > 0 ? Math.max(...shares) : null;
}
