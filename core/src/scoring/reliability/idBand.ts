import { note } from '../../i18n/note.js';
import type { Note } from '../../i18n/note.js';
import { parameterDegradation, type ParameterDegradation } from '../../metrics/degradation.js';
import type { IdParameter } from '../../submission/reliabilitySubmission.js';
import type { BandPolicy } from '../bandPolicy.js';
import { worseLevel, type BandSuggestion, type Level } from '../bandSuggestion.js';
import { num, pct } from '../../i18n/numberText.js';
import { baselineBeyondLimitReason, betterModelWarning, measuredExceedanceReason, noShareReason, shareReason } from './idReasons.js';

/**
 * Id band rule (附表, 关键性能退化量). Measurements come first: a unit that starts at or beyond its
 * limit (the cause is the start — often a wrong limit or direction), or is measured at or beyond it
 * before the rated life, has failed within life, whatever path form is declared → 很大, 0–40.
 * Otherwise the rubric's words map to the share of the allowed drift (limit − baseline) the fitted
 * path consumes at the rated life (建议值（非官方）): 很小 and an effective degradation model →
 * 91–100; 较小 (within spec, share ≤ smallShare) → 71–90; 较大 (still within spec at rated life) →
 * 41–70; 很大 (out of spec before the rated life, or no share computable) → 0–40. The parameter
 * level is the worst over parameters. A clearly better fitting form is shown as a warning with the
 * band it would give; the reviewer decides.
 */
export function idBand(parameters: readonly IdParameter[], policy: BandPolicy): BandSuggestion {
  const reasons: Note[] = [];
  const warnings: Note[] = [];
  const computed: ParameterDegradation[] = parameters.map((p) => parameterDegradation(p, { minR2: policy.id.minR2 }));
  const metrics = { parameters: computed };
  if (computed.length === 0) {
    reasons.push(note('id.noData', '未提供关键性能退化数据，退化程度无法证明，按“很大”建议', 'No Id data: degradation is not shown, suggested as poor'));
    return { level: 'poor', reasons, warnings, metrics };
  }
  let level: Level = 'excellent';
  for (let i = 0; i < computed.length; i++) {
    const p = computed[i]!;
    for (const w of p.warnings) warnings.push(w);
    if (p.units.length < policy.id.minUnits) {
      warnings.push(
        note(
          'id.fewUnits',
          `参数“${p.name}”只有 ${p.units.length} 个样品（建议至少 ${policy.id.minUnits} 个）`,
          `Parameter "${p.name}" has only ${p.units.length} units (at least ${policy.id.minUnits} suggested)`,
        ),
      );
    }
    let longest = 0;
    for (const u of parameters[i]!.units) for (const t of u.times) if (t > longest) longest = t;
    if (longest < policy.id.minDurationShare * p.ratedLife) {
      warnings.push(
        note(
          'id.shortTest',
          `参数“${p.name}”的试验时长 ${num(longest)} 不到额定寿命 ${num(p.ratedLife)} 的 ${pct(policy.id.minDurationShare, 0)}，外推可信度低`,
          `Parameter "${p.name}": test duration ${num(longest)} is below ${pct(policy.id.minDurationShare, 0)} of the rated life ${num(p.ratedLife)}; extrapolation is weak`,
        ),
      );
    }
    const pl = parameterLevel(p, policy);
    // What was measured first: units that start beyond the limit, units that crossed it in test.
    if (p.baselineBeyondLimit.count > 0) reasons.push(baselineBeyondLimitReason(p));
    if (p.measuredExceedances.count > 0) reasons.push(measuredExceedanceReason(p));
    if (p.baselineBeyondLimit.count > 0 || p.measuredExceedances.count > 0) {
      // the level is poor; the drift share is beside the point
    } else if (p.worstDriftShare === null) {
      reasons.push(noShareReason(p));
    } else {
      reasons.push(shareReason(p, p.worstDriftShare, pl, policy));
      if (pl === 'good') for (const r of p.effectiveModelReasons) warnings.push(r);
    }
    const better = betterModelWarning(p, alternativeLevel(p, policy));
    if (better) warnings.push(better);
    for (const w of p.lifeDistribution?.warnings ?? []) warnings.push(w);
    level = worseLevel(level, pl);
  }
  return { level, reasons, warnings, metrics };
}

/** A parameter's level: poor on a measured exceedance, else from the worst drift share. */
export function parameterLevel(p: ParameterDegradation, policy: BandPolicy): Level {
  if (p.measuredExceedances.count > 0 || p.baselineBeyondLimit.count > 0) return 'poor';
  return idShareLevel(p.worstDriftShare, p.effectiveModel, policy);
}

/** The level the clearly better form would give (measured exceedances hold under any form). */
function alternativeLevel(p: ParameterDegradation, policy: BandPolicy): Level {
  if (!p.betterModel || p.measuredExceedances.count > 0 || p.baselineBeyondLimit.count > 0) return 'poor';
  return idShareLevel(p.betterModel.worstDriftShare, p.betterModel.effectiveModel, policy);
}

/**
 * Level from the worst share of the allowed drift consumed at rated life (建议值（非官方）):
 * > 1 out of spec (很大); > smallShare 较大; > verySmallShare, or no effective model, 较小; else 很小.
 */
export function idShareLevel(share: number | null, effectiveModel: boolean, policy: BandPolicy): Level {
  if (share === null || share > 1) return 'poor';
  if (share > policy.id.smallShare) return 'fair';
  if (share > policy.id.verySmallShare || !effectiveModel) return 'good';
  return 'excellent';
}
