import { note } from '../../i18n/note.js';
import type { Note } from '../../i18n/note.js';
import { parameterConsistency, type ParameterConsistency, type StageConsistency } from '../../metrics/consistency.js';
import type { IcParameter } from '../../submission/reliabilitySubmission.js';
import type { BandPolicy } from '../bandPolicy.js';
import { LEVEL_LABEL, worseLevel, type BandSuggestion, type Level } from '../bandSuggestion.js';
import { pct } from '../../i18n/numberText.js';

/**
 * Ic band rule. The rubric's matrix (附表, 关键性能一致性): 91–100 when both t=0 and t>0 are 很好;
 * 71–90 when both are 较好; 41–70 when t=0 is 较好; 0–40 when t=0 is 较差. "很好/较好" are
 * judged from the CV against the policy's thresholds (建议值（非官方）); a stage's level is the
 * worst over its parameters, because every key parameter must be consistent.
 */
export function icBand(parameters: readonly IcParameter[], policy: BandPolicy): BandSuggestion {
  const reasons: Note[] = [];
  const warnings: Note[] = [];
  const computed: ParameterConsistency[] = parameters.map((p) => parameterConsistency(p, policy.confidence));
  const metrics = { parameters: computed };
  if (computed.length === 0) {
    reasons.push(
      note('ic.noData', '未提供关键性能一致性数据，t=0 一致性无法证明，按“较差”建议', 'No Ic data: t=0 consistency is not shown, suggested as poor'),
    );
    return { level: 'poor', reasons, warnings, metrics };
  }

  let initial: Level | null = null;
  let later: Level | null = null;
  for (const p of computed) {
    const initialStages = p.stages.filter((s) => s.isInitial);
    const laterStages = p.stages.filter((s) => !s.isInitial);
    if (initialStages.length === 0) {
      warnings.push(
        note('ic.noInitialStage', `参数“${p.name}”缺少出厂时（t=0）数据（评价通用要求要求至少提供）`, `Parameter "${p.name}" has no t=0 data (required)`),
      );
      initial = 'poor';
    }
    for (const s of initialStages) initial = worseLevel(initial ?? 'excellent', stageLevel(p, s, policy, warnings));
    const usable = laterStages.filter((s) => (s.usageHours ?? 0) >= policy.ic.minUsageHours);
    for (const s of laterStages) {
      if ((s.usageHours ?? 0) < policy.ic.minUsageHours) {
        warnings.push(
          note(
            'ic.shortUsage',
            `参数“${p.name}”阶段 ${s.stage} 的使用时间 ${s.usageHours ?? 0} h 少于 ${policy.ic.minUsageHours} h，不计为 t>0 阶段`,
            `Parameter "${p.name}" stage ${s.stage}: usage ${s.usageHours ?? 0} h is below ${policy.ic.minUsageHours} h and does not count as t>0`,
          ),
        );
      }
    }
    if (usable.length === 0) {
      warnings.push(note('ic.noLaterStage', `参数“${p.name}”没有使用一段时间后（t>0）的数据`, `Parameter "${p.name}" has no t>0 data`));
      later = 'poor';
    }
    for (const s of usable) later = worseLevel(later ?? 'excellent', stageLevel(p, s, policy, warnings));
  }
  const t0 = initial ?? 'poor';
  const t1 = later ?? 'poor';
  reasons.push(
    note(
      'ic.stageLevels',
      `出厂时（t=0）一致性：${LEVEL_LABEL[t0].zh}；使用一段时间后（t>0）一致性：${LEVEL_LABEL[t1].zh}（CV 阈值：很好 ≤ ${pct(policy.ic.excellentCv)}，较好 ≤ ${pct(policy.ic.goodCv)}，建议值（非官方））`,
      `t=0 consistency: ${LEVEL_LABEL[t0].en}; t>0 consistency: ${LEVEL_LABEL[t1].en} (CV thresholds: excellent ≤ ${pct(policy.ic.excellentCv)}, good ≤ ${pct(policy.ic.goodCv)}, unofficial)`,
    ),
  );

  const rule = icMatrix(t0, t1);
  reasons.push(rule.reason);
  return { level: rule.level, reasons, warnings, metrics };
}

/**
 * The rubric's Ic matrix over the two stages' levels (附表, 关键性能一致性).
 */
export function icMatrix(t0: Level, t1: Level): { level: Level; reason: Note } {
  if (t0 === 'excellent' && t1 === 'excellent') {
    return { level: 'excellent', reason: note('ic.rule.bothExcellent', '两个阶段的关键性能一致性都很好 → 91~100', 'Both stages excellent → 91–100') };
  }
  if ((t0 === 'excellent' || t0 === 'good') && (t1 === 'excellent' || t1 === 'good')) {
    return { level: 'good', reason: note('ic.rule.bothGood', '两个阶段的关键性能一致性都较好 → 71~90', 'Both stages at least good → 71–90') };
  }
  if (t0 === 'excellent' || t0 === 'good') {
    return { level: 'fair', reason: note('ic.rule.initialGood', '仅出厂时（t=0）关键性能一致性较好 → 41~70', 'Only t=0 consistency is good → 41–70') };
  }
  return { level: 'poor', reason: note('ic.rule.initialPoor', '出厂时（t=0）关键性能一致性较差 → 0~40', 't=0 consistency is poor → 0–40') };
}

/** Level of a CV against the policy (很好 ≤ excellentCv, 较好 ≤ goodCv, else 较差). */
export function cvLevel(cv: number, policy: BandPolicy): Level {
  return cv <= policy.ic.excellentCv ? 'excellent' : cv <= policy.ic.goodCv ? 'good' : 'poor';
}

/** Level of one stage of one parameter from its CV; small samples and wide intervals warn. */
function stageLevel(p: ParameterConsistency, s: StageConsistency, policy: BandPolicy, warnings: Note[]): Level {
  const where = `参数“${p.name}”阶段 ${s.stage}`;
  const whereEn = `parameter "${p.name}" stage ${s.stage}`;
  if (s.n < policy.ic.minSamples) {
    warnings.push(
      note(
        'ic.smallSample',
        `${where} 只有 ${s.n} 个样品（建议至少 ${policy.ic.minSamples} 个）`,
        `${whereEn} has only ${s.n} samples (at least ${policy.ic.minSamples} suggested)`,
      ),
    );
  }
  if (s.cv === null) {
    if (s.undefinedReason) warnings.push(note('ic.cvUndefined', `${where}：${s.undefinedReason.zh}`, `${whereEn}: ${s.undefinedReason.en}`));
    return 'poor';
  }
  const level = cvLevel(s.cv, policy);
  if (level !== 'poor' && s.cvUpper !== null) {
    const limit = level === 'excellent' ? policy.ic.excellentCv : policy.ic.goodCv;
    if (s.cvUpper > limit) {
      warnings.push(
        note(
          'ic.wideInterval',
          `${where} 的 CV = ${pct(s.cv)}，但其 ${Math.round(s.confidence * 100)}% 置信上限 ${pct(s.cvUpper)} 超过阈值 ${pct(limit)}：样本量不足以确认`,
          `${whereEn}: CV ${pct(s.cv)} but its upper confidence bound ${pct(s.cvUpper)} exceeds ${pct(limit)}: the sample does not confirm it`,
        ),
      );
    }
  }
  return level;
}
