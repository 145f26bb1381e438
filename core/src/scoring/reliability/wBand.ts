import { note } from '../../i18n/note.js';
import type { Note } from '../../i18n/note.js';
import { compareFailureRates } from '../../metrics/failureRate.js';
import type { FailurePeriod } from '../../submission/reliabilitySubmission.js';
import type { BandPolicy } from '../bandPolicy.js';
import type { BandSuggestion, Level } from '../bandSuggestion.js';
import { num, pct, reductionText } from '../../i18n/numberText.js';

/**
 * W band rule (附表, 售后责任故障数（率）). The rubric recommends before/after data; kekao judges the
 * reduction of the exposure-based failure rate and whether the exact rate-ratio test shows it is
 * real (建议值（非官方）): reduction ≥ excellentReduction and significant, or the after-rate at or
 * below a declared target → 很少 (91–100); reduction ≥ goodReduction → 较少 (71–90); any reduction →
 * 41–70; no reduction → 0–40.
 */
export function wBand(w: { before: FailurePeriod; after: FailurePeriod; targetRate?: number } | undefined, policy: BandPolicy): BandSuggestion {
  const reasons: Note[] = [];
  const warnings: Note[] = [];
  if (!w) {
    reasons.push(
      note(
        'w.noData',
        '未提供提升前后的售后责任故障数据，无法计算建议分档，由评审专家根据材料判断',
        'No before/after field-failure data: no band is suggested; the reviewer judges from the materials',
      ),
    );
    warnings.push(
      note(
        'w.missing',
        '缺少售后责任故障对比数据（评价通用要求推荐提供提升前后对比）',
        'Before/after field-failure data are missing (recommended by the rubric)',
      ),
    );
    return { level: null, reasons, warnings, metrics: {} };
  }
  const cmp = compareFailureRates(w.before, w.after, policy.confidence);
  const metrics: Record<string, unknown> = { ...cmp };
  for (const r of cmp.reasons) warnings.push(r);
  const afterRate = cmp.after.rate;
  if (w.targetRate !== undefined && afterRate !== null) {
    metrics.targetRate = w.targetRate;
    if (afterRate <= w.targetRate) {
      reasons.push(
        note(
          'w.rule.target',
          `提升后故障率 ${num(afterRate)} 不高于目标值 ${num(w.targetRate)}（很低）→ 91~100`,
          `After-rate ${num(afterRate)} is at or below the target ${num(w.targetRate)} → 91–100`,
        ),
      );
      return { level: 'excellent', reasons, warnings, metrics };
    }
  }
  if (cmp.reduction === null) {
    reasons.push(
      note('w.noReduction', '无法计算故障率降幅（提升前无故障或数据不可比）', 'The reduction cannot be computed (no failures before, or incomparable data)'),
    );
    return { level: null, reasons, warnings, metrics };
  }
  const significant = cmp.pValue !== null && cmp.pValue < policy.w.alpha && cmp.rateRatioUpper !== null && cmp.rateRatioUpper < 1;
  const pText = cmp.pValue === null ? '—' : num(cmp.pValue, 3);
  const change = reductionText(cmp.reduction);
  reasons.push(
    note(
      'w.reduction',
      `故障率由 ${num(cmp.before.rate ?? 0)} ${cmp.reduction >= 0 ? '降至' : '升至'} ${num(afterRate ?? 0)}，${change.zh}；率比 ${cmp.rateRatio === null ? '—' : num(cmp.rateRatio)}，精确检验 p = ${pText}${significant ? '（显著）' : '（不显著）'}`,
      `Failure rate ${num(cmp.before.rate ?? 0)} → ${num(afterRate ?? 0)}, ${change.en}; rate ratio ${cmp.rateRatio === null ? '—' : num(cmp.rateRatio)}, exact test p = ${pText}${significant ? ' (significant)' : ' (not significant)'}`,
    ),
  );
  const level = wReductionLevel(cmp.reduction, significant, policy);
  if (level === 'excellent') {
    reasons.push(
      note(
        'w.rule.excellent',
        `降幅 ≥ ${pct(policy.w.excellentReduction, 0)} 且统计显著（α = ${policy.w.alpha}）→ 91~100`,
        `Reduction ≥ ${pct(policy.w.excellentReduction, 0)} and significant → 91–100`,
      ),
    );
  } else if (level === 'good') {
    reasons.push(note('w.rule.good', `降幅 ≥ ${pct(policy.w.goodReduction, 0)} → 71~90`, `Reduction ≥ ${pct(policy.w.goodReduction, 0)} → 71–90`));
    if (!significant)
      warnings.push(
        note('w.notSignificant', `故障率降低在统计上不显著（p = ${pText}），数据量可能不足`, `The reduction is not statistically significant (p = ${pText})`),
      );
  } else if (level === 'fair') {
    reasons.push(note('w.rule.fair', '故障率有所降低但降幅有限 → 41~70', 'Some reduction, but limited → 41–70'));
  } else {
    reasons.push(note('w.rule.poor', '提升后故障率未降低 → 0~40', 'No reduction of the failure rate → 0–40'));
  }
  return { level, reasons, warnings, metrics };
}

/** Level from the failure-rate reduction and whether the exact test shows it (建议值（非官方）). */
export function wReductionLevel(reduction: number, significant: boolean, policy: BandPolicy): Level {
  if (reduction >= policy.w.excellentReduction && significant) return 'excellent';
  if (reduction >= policy.w.goodReduction) return 'good';
  if (reduction > 0) return 'fair';
  return 'poor';
}
