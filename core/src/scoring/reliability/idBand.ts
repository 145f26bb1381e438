import { note } from '../../i18n/note.js';
import type { Note } from '../../i18n/note.js';
import { parameterDegradation, type ParameterDegradation } from '../../metrics/degradation.js';
import type { IdParameter } from '../../submission/reliabilitySubmission.js';
import type { BandPolicy } from '../bandPolicy.js';
import { worseLevel, type BandSuggestion, type Level } from '../bandSuggestion.js';
import { num, pct } from '../../i18n/numberText.js';

/**
 * Id band rule (附表, 关键性能退化量). The rubric's words map to the share of the allowed drift
 * (limit − baseline) the fitted path consumes at the rated life (建议值（非官方）):
 * 很小 and an effective degradation model → 91–100; 较小 (within spec, share ≤ smallShare) → 71–90;
 * 较大 (still within spec at rated life) → 41–70; 很大 (out of spec before the rated life) → 0–40.
 * The parameter level is the worst over parameters.
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
    const source = parameters[i]!;
    for (const w of p.warnings) warnings.push(w);
    if (p.units.length < policy.id.minUnits) {
      warnings.push(note('id.fewUnits', `参数“${p.name}”只有 ${p.units.length} 个样品（建议至少 ${policy.id.minUnits} 个）`, `Parameter "${p.name}" has only ${p.units.length} units (at least ${policy.id.minUnits} suggested)`));
    }
    let longest = 0;
    for (const u of source.units) for (const t of u.times) if (t > longest) longest = t;
    if (longest < policy.id.minDurationShare * p.ratedLife) {
      warnings.push(note('id.shortTest', `参数“${p.name}”的试验时长 ${num(longest)} 不到额定寿命 ${num(p.ratedLife)} 的 ${pct(policy.id.minDurationShare, 0)}，外推可信度低`, `Parameter "${p.name}": test duration ${num(longest)} is below ${pct(policy.id.minDurationShare, 0)} of the rated life ${num(p.ratedLife)}; extrapolation is weak`));
    }
    const share = p.worstDriftShare;
    const pl = idShareLevel(share, p.effectiveModel, policy);
    if (share === null) {
      reasons.push(note('id.noShare', `参数“${p.name}”无法计算寿命期内退化量（拟合不可用）`, `Parameter "${p.name}": drift over the life cannot be computed (no usable fit)`));
    } else if (pl === 'poor') {
      reasons.push(note('id.rule.outOfSpec', `参数“${p.name}”在额定寿命 ${num(p.ratedLife)} 时退化量达到允许退化量的 ${pct(share, 0)}，寿命期内超出规范（很大）→ 0~40`, `Parameter "${p.name}" uses ${pct(share, 0)} of the allowed drift at rated life: out of spec → 0–40`));
    } else if (pl === 'fair') {
      reasons.push(note('id.rule.large', `参数“${p.name}”在额定寿命时消耗允许退化量的 ${pct(share, 0)}（> ${pct(policy.id.smallShare, 0)}，较大）→ 41~70`, `Parameter "${p.name}" uses ${pct(share, 0)} of the allowed drift (> ${pct(policy.id.smallShare, 0)}: large) → 41–70`));
    } else if (pl === 'good') {
      const why = share > policy.id.verySmallShare
        ? { zh: `消耗允许退化量的 ${pct(share, 0)}（较小）`, en: `uses ${pct(share, 0)} of the allowed drift (small)` }
        : { zh: `退化量很小（${pct(share, 0)}）但未建立有效的退化模型`, en: `drift is very small (${pct(share, 0)}) but no effective degradation model` };
      reasons.push(note('id.rule.small', `参数“${p.name}”${why.zh} → 71~90`, `Parameter "${p.name}" ${why.en} → 71–90`));
      for (const r of p.effectiveModelReasons) warnings.push(r);
    } else {
      reasons.push(note('id.rule.verySmall', `参数“${p.name}”在额定寿命时仅消耗允许退化量的 ${pct(share, 0)}（很小），且${p.model}模型对所有样品 R² ≥ ${policy.id.minR2}（有效退化模型）→ 91~100`, `Parameter "${p.name}" uses only ${pct(share, 0)} of the allowed drift and the ${p.model} model fits every unit with R² ≥ ${policy.id.minR2} (effective model) → 91–100`));
    }
    level = worseLevel(level, pl);
  }
  return { level, reasons, warnings, metrics };
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
