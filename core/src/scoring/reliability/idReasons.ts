import { note, type Note } from '../../i18n/note.js';
import { num, pct } from '../../i18n/numberText.js';
import { PATH_MODEL_LABELS } from '../../metrics/degradationPath.js';
import type { ParameterDegradation } from '../../metrics/degradation.js';
import type { BandPolicy } from '../bandPolicy.js';
import { LEVEL_RANGE } from '../bandSuggestion.js';
import type { Level } from '../bandSuggestion.js';

/**
 * The sentences of the Id band rule (idBand.ts), each naming the figure it rests on. A share of the
 * allowed drift is printed only when it is positive; a path moving away from its limit is said in
 * words ("退化方向与限值相反"), never as a negative percentage.
 */

const limitWords = (p: ParameterDegradation) =>
  p.direction === 'max'
    ? { zh: `不得高于 ${num(p.limit)}`, en: `must stay at or below ${num(p.limit)}` }
    : { zh: `不得低于 ${num(p.limit)}`, en: `must stay at or above ${num(p.limit)}` };

function idList(ids: readonly string[]): string {
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} …`;
}

/** Units within spec at the start and measured at or beyond the limit before the rated life → 0–40. */
export function measuredExceedanceReason(p: ParameterDegradation): Note {
  const m = p.measuredExceedances;
  const ids = idList(m.units.map((u) => u.id));
  return note(
    'id.rule.measuredExceedance',
    `参数“${p.name}”：${m.count}/${m.unitCount} 个样品在额定寿命 ${num(p.ratedLife)} 前实测已超出限值（${limitWords(p).zh}；样品 ${ids}），寿命期内失效，无论声明何种退化模型（很大）→ 0~40`,
    `Parameter "${p.name}": ${m.count}/${m.unitCount} units were measured beyond the limit (${limitWords(p).en}; units ${ids}) before the rated life ${num(p.ratedLife)}: failed within life whatever path model is declared → 0–40`,
  );
}

/** Units that start at or beyond the limit: the real cause, and what to check. */
export function baselineBeyondLimitReason(p: ParameterDegradation): Note {
  const b = p.baselineBeyondLimit;
  const first = p.units.find((u) => u.baselineBeyondLimit && u.baseline !== null);
  const shown = first ? num(first.baseline!) : '—';
  return note(
    'id.baselineBeyondLimit',
    `参数“${p.name}”：${b.count}/${b.unitCount} 个样品的基准值（如 ${shown}）在开始时已达到或超出限值（${limitWords(p).zh}），不是退化所致；允许退化量为 0 或为负，退化量占比无法计算。请核对限值与方向（max/min）是否填写正确 → 0~40`,
    `Parameter "${p.name}": ${b.count}/${b.unitCount} units start at or beyond the limit (baseline e.g. ${shown}; ${limitWords(p).en}), before any degradation; no drift is allowed and the drift share cannot be computed. Check the limit and the direction (max/min) → 0–40`,
  );
}

/** Why no drift share exists when nothing was measured beyond the limit. */
export function noShareReason(p: ParameterDegradation): Note {
  return note(
    'id.noShare',
    `参数“${p.name}”无法计算寿命期内退化量（所选模型无法拟合任何样品或预测值无法计算）→ 0~40`,
    `Parameter "${p.name}": drift over the life cannot be computed (the chosen form fits no unit, or no projection is computable) → 0–40`,
  );
}

/** The rule that gave the level from the worst share (share defined, no measured exceedance). */
export function shareReason(p: ParameterDegradation, share: number, level: Level, policy: BandPolicy): Note {
  const label = PATH_MODEL_LABELS[p.model];
  if (share <= 0) {
    const effective = level === 'excellent';
    return note(
      effective ? 'id.rule.verySmall' : 'id.rule.small',
      `参数“${p.name}”所有样品的拟合路径都朝远离限值的方向变化（退化方向与限值相反），额定寿命时未消耗允许退化量${effective ? `，且${label.zh}模型对所有样品 R² ≥ ${policy.id.minR2}（有效退化模型）` : '，但未建立有效的退化模型'} → ${LEVEL_RANGE[level].zh}；请核对方向（max/min）是否填写正确`,
      `Parameter "${p.name}": every unit's fitted path moves away from the limit (the drift runs opposite to the limit), so none of the allowed drift is used at rated life${effective ? ` and the ${label.en} form fits every unit with R² ≥ ${policy.id.minR2} (effective model)` : ', but there is no effective degradation model'} → ${LEVEL_RANGE[level].en}; check the direction (max/min)`,
    );
  }
  if (level === 'poor') {
    return note(
      'id.rule.outOfSpec',
      `参数“${p.name}”在额定寿命 ${num(p.ratedLife)} 时退化量达到允许退化量的 ${pct(share, 0)}，寿命期内超出规范（很大）→ 0~40`,
      `Parameter "${p.name}" uses ${pct(share, 0)} of the allowed drift at rated life: out of spec → 0–40`,
    );
  }
  if (level === 'fair') {
    return note(
      'id.rule.large',
      `参数“${p.name}”在额定寿命时消耗允许退化量的 ${pct(share, 0)}（> ${pct(policy.id.smallShare, 0)}，较大）→ 41~70`,
      `Parameter "${p.name}" uses ${pct(share, 0)} of the allowed drift (> ${pct(policy.id.smallShare, 0)}: large) → 41–70`,
    );
  }
  if (level === 'good') {
    const why =
      share > policy.id.verySmallShare
        ? { zh: `消耗允许退化量的 ${pct(share, 0)}（较小）`, en: `uses ${pct(share, 0)} of the allowed drift (small)` }
        : { zh: `退化量很小（${pct(share, 0)}）但未建立有效的退化模型`, en: `drift is very small (${pct(share, 0)}) but no effective degradation model` };
    return note('id.rule.small', `参数“${p.name}”${why.zh} → 71~90`, `Parameter "${p.name}" ${why.en} → 71–90`);
  }
  return note(
    'id.rule.verySmall',
    `参数“${p.name}”在额定寿命时仅消耗允许退化量的 ${pct(share, 0)}（很小），且${label.zh}模型对所有样品 R² ≥ ${policy.id.minR2}（有效退化模型）→ 91~100`,
    `Parameter "${p.name}" uses only ${pct(share, 0)} of the allowed drift and the ${label.en} model fits every unit with R² ≥ ${policy.id.minR2} (effective model) → 91–100`,
  );
}

/** The declared form fits clearly worse than another: say so and what the other would give. */
export function betterModelWarning(p: ParameterDegradation, altLevel: Level): Note | null {
  const b = p.betterModel;
  if (!b) return null;
  const own = PATH_MODEL_LABELS[p.model];
  const alt = PATH_MODEL_LABELS[b.model];
  const ownR2 = b.declaredMeanR2 === null ? '—' : b.declaredMeanR2.toFixed(3);
  const share = b.worstDriftShare;
  const shareZh = share === null ? '退化量占比无法计算' : share <= 0 ? '拟合路径朝远离限值方向变化（退化方向与限值相反）' : `最大退化量占比 ${pct(share, 0)}`;
  const shareEn = share === null ? 'no drift share' : share <= 0 ? 'paths move away from the limit' : `worst drift share ${pct(share, 0)}`;
  return note(
    'id.betterModel',
    `参数“${p.name}”：声明的${own.zh}模型拟合明显较差（平均 R² ${ownR2}，${alt.zh}模型 ${b.meanR2.toFixed(3)}；判据：平均 R² 低 0.05 以上，或有样品 R² < 0.8 而另一模型所有样品 ≥ 0.8）。按${alt.zh}模型（${alt.formula}）：${shareZh}，${b.outOfSpecAtRatedLife}/${p.units.length} 个样品在额定寿命时超出限值，建议分档 ${LEVEL_RANGE[altLevel].zh}。由评审专家判断采用哪种模型。`,
    `Parameter "${p.name}": the declared ${own.en} form fits clearly worse (mean R² ${ownR2}, ${alt.en} ${b.meanR2.toFixed(3)}; rule: mean R² lower by more than 0.05, or a unit R² below 0.8 where the other form reaches 0.8 on every unit). Under the ${alt.en} form (${alt.formula}): ${shareEn}, ${b.outOfSpecAtRatedLife}/${p.units.length} units beyond the limit at rated life, suggested band ${LEVEL_RANGE[altLevel].en}. The reviewer decides which form to use.`,
  );
}
