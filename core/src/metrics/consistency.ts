import { note, type Note } from '../i18n/note.js';
import { sampleMoments, type SampleMoments } from '../stats/moments.js';
import type { IcParameter } from '../submission/reliabilitySubmission.js';
import { vangelCvInterval } from './cvInterval.js';

/**
 * Ic — 一致性 (consistency) of a key parameter, per measurement stage: t0 (出厂时) and t > 0
 * (使用一段时间后), rubric reliability-2024 indicator Ic.
 *
 * Per stage: n, mean, sample SD (n − 1 denominator, `sampleMoments`), the coefficient of variation
 * CV = SD / mean, and Vangel's (1996) modified McKay confidence interval for the CV
 * (`vangelCvInterval`).
 *
 * When the CV is undefined (cv, cvLower, cvUpper all null, with `undefinedReason`):
 *   - n < 2 (no sample SD);
 *   - a value is not finite, or the SD exceeds the double range;
 *   - mean ≤ 0 (a CV is only meaningful on a ratio scale with a positive level);
 *   - the mean is negligible against the SD. Rule: mean < 1e-6 · SD, i.e. the CV would exceed
 *     10⁶ — a level that small is zero within rounding of the data and the ratio says nothing.
 */

/** Above this CV the mean counts as negligible against the SD (see the rule above). */
export const MAX_MEANINGFUL_CV = 1e6;

export interface CoefficientOfVariation {
  cv: number | null;
  reason?: Note;
}

export interface StageConsistency {
  stage: string;
  /** True for the 出厂时 (t = 0) stage: the label `t0` (case and spaces ignored, `t=0` accepted). */
  isInitial: boolean;
  /** Usage before the measurement as declared; 0 for an initial stage that declares none. */
  usageHours: number | null;
  n: number;
  mean: number | null;
  sd: number | null;
  cv: number | null;
  cvLower: number | null;
  cvUpper: number | null;
  confidence: number;
  /** Why `cv`, or one of its bounds, is null. */
  undefinedReason?: Note;
}

export interface ParameterConsistency {
  name: string;
  unit: string | null;
  stages: StageConsistency[];
}

export interface IcStageInput {
  stage: string;
  usageHours?: number;
  values: readonly number[];
}

/** CV = s / x̄ from already computed moments, with the undefined cases named. */
function cvFromMoments(m: SampleMoments): CoefficientOfVariation {
  if (m.n < 2) {
    return {
      cv: null,
      reason: note(
        'cv.tooFewValues',
        `至少需要 2 个测量值才能计算变异系数（当前 ${m.n} 个）`,
        `At least 2 values are needed for a coefficient of variation (got ${m.n})`,
      ),
    };
  }
  if (m.mean === null) {
    return {
      cv: null,
      reason: note('cv.nonFinite', '数据中含有非有限数值，无法计算变异系数', 'The data contain a non-finite value; no CV'),
    };
  }
  if (m.sd === null) {
    return {
      cv: null,
      reason: note('cv.sdOutOfRange', '标准差超出双精度数值范围，无法计算变异系数', 'The standard deviation exceeds the double-precision range; no CV'),
    };
  }
  if (m.mean <= 0) {
    return {
      cv: null,
      reason: note(
        'cv.nonPositiveMean',
        '均值不大于 0，变异系数无意义（CV 仅适用于均值为正的比率尺度数据）',
        'The mean is not positive: a CV is only meaningful for data with a positive mean',
      ),
    };
  }
  // Negligible-mean rule: mean < SD / 10⁶ ⇔ CV > 10⁶ (compared without dividing, so no overflow).
  if (m.mean * MAX_MEANINGFUL_CV < m.sd) {
    return {
      cv: null,
      reason: note(
        'cv.negligibleMean',
        '均值相对标准差可忽略（接近 0，CV 将超过 10⁶），变异系数无意义',
        'The mean is negligible against the standard deviation (near 0; the CV would exceed 10⁶): no CV',
      ),
    };
  }
  return { cv: m.sd / m.mean };
}

/** Coefficient of variation s / x̄ of a sample (sample SD with n − 1), or null with the reason. */
export function coefficientOfVariation(values: readonly number[]): CoefficientOfVariation {
  return cvFromMoments(sampleMoments(values));
}

function isInitialStage(label: string): boolean {
  const normalized = label.replace(/\s+/g, '').toLowerCase();
  return normalized === 't0' || normalized === 't=0';
}

export function stageConsistency(stage: IcStageInput, confidence = 0.95): StageConsistency {
  const isInitial = isInitialStage(stage.stage);
  const moments = sampleMoments(stage.values);
  const { cv, reason } = cvFromMoments(moments);
  const base = {
    stage: stage.stage,
    isInitial,
    usageHours: stage.usageHours ?? (isInitial ? 0 : null),
    n: moments.n,
    mean: moments.mean,
    sd: moments.sd,
    confidence,
  };
  if (cv === null) return { ...base, cv: null, cvLower: null, cvUpper: null, undefinedReason: reason };

  const interval = vangelCvInterval(cv, moments.n, confidence);
  const result: StageConsistency = { ...base, cv, cvLower: interval.lower, cvUpper: interval.upper };
  if (interval.reason) result.undefinedReason = interval.reason;
  return result;
}

export function parameterConsistency(param: IcParameter, confidence = 0.95): ParameterConsistency {
  return {
    name: param.name,
    unit: param.unit ?? null,
    stages: param.stages.map((s) => stageConsistency(s, confidence)),
  };
}
