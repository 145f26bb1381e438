import { note, type Note } from '../i18n/note.js';
import { chiSquareQuantile } from '../stats/quantiles.js';

/**
 * Confidence interval for a coefficient of variation.
 *
 * Method: Vangel's modified McKay interval — M. G. Vangel, "Confidence intervals for a normal
 * coefficient of variation", The American Statistician 50(1), 1996, pp. 21–26. With ν = n − 1,
 * K the sample CV, α = 1 − confidence,
 *   u1 = χ²_ν quantile at 1 − α/2 (upper),   u2 = χ²_ν quantile at α/2 (lower),
 *   lower = K / √( ((u1 + 2)/n − 1)·K² + u1/ν ),
 *   upper = K / √( ((u2 + 2)/n − 1)·K² + u2/ν ).
 * It assumes normally distributed data and a positive mean; it is accurate for CV up to about 0.33.
 *
 * The lower radicand is always positive ((u1 + 2)/n > 1). The upper radicand is ≤ 0 when K is
 * large for the sample size: the upper bound is then unbounded and reported as `null` with a
 * reason. For n = 2 (where (u2 + 2)/n − 1 > 0) and a very large K, or for confidence levels far
 * below 0.5, the formulas can return a bound on the wrong side of K; such a bound is reported as
 * `null` with a reason too, so a returned interval always contains the estimate.
 */
export interface CvInterval {
  lower: number | null;
  upper: number | null;
  reason?: Note;
}

export function vangelCvInterval(cv: number, n: number, confidence = 0.95): CvInterval {
  if (!(confidence > 0 && confidence < 1)) {
    return {
      lower: null,
      upper: null,
      reason: note(
        'cvInterval.invalidConfidence',
        `置信水平须在 0 与 1 之间（例如 0.95），收到 ${confidence}`,
        `The confidence level must be between 0 and 1 (e.g. 0.95); got ${confidence}`,
      ),
    };
  }
  if (!Number.isInteger(n) || n < 2) {
    return {
      lower: null,
      upper: null,
      reason: note(
        'cvInterval.tooFewValues',
        '至少需要 2 个测量值才能计算变异系数的置信区间',
        'At least 2 values are needed for a confidence interval of the CV',
      ),
    };
  }
  if (!Number.isFinite(cv) || cv < 0) {
    return {
      lower: null,
      upper: null,
      reason: note('cvInterval.invalidCv', '变异系数须为非负有限数值，无法计算置信区间', 'The CV must be a finite non-negative number; no confidence interval'),
    };
  }

  const nu = n - 1;
  const alpha = 1 - confidence;
  const u1 = chiSquareQuantile(1 - alpha / 2, nu);
  const u2 = chiSquareQuantile(alpha / 2, nu);
  const cv2 = cv * cv;

  const lowerRadicand = ((u1 + 2) / n - 1) * cv2 + u1 / nu;
  const upperRadicand = ((u2 + 2) / n - 1) * cv2 + u2 / nu;
  const lower = cv / Math.sqrt(lowerRadicand);
  const upper = upperRadicand > 0 ? cv / Math.sqrt(upperRadicand) : Infinity;

  if (!Number.isFinite(upper)) {
    return {
      lower: lower <= cv ? lower : null,
      upper: null,
      reason: note(
        'cvInterval.upperUnbounded',
        '变异系数相对样本量过大，Vangel 区间的上限无界（无法给出上限）',
        "The CV is too large for the sample size: the upper bound of Vangel's interval is unbounded",
      ),
    };
  }
  // Outside the approximation's range (very large CV with n = 2, or a confidence far below 0.5),
  // the formulas can put a bound on the wrong side of the estimate: report no bound there.
  if (upper < cv || lower > cv) {
    return {
      lower: lower <= cv ? lower : null,
      upper: upper >= cv ? upper : null,
      reason: note(
        'cvInterval.outsideValidity',
        'Vangel 近似超出适用范围（区间未包含变异系数估计值），无法给出该侧置信限',
        "Vangel's approximation is outside its range here (the interval would exclude the estimate): no bound on that side",
      ),
    };
  }
  return { lower, upper };
}
