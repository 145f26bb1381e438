import { note, type Note } from '../i18n/note.js';
import { betaQuantile, binomialCdf, chiSquareQuantile } from '../stats/quantiles.js';
import type { FailurePeriod } from '../submission/reliabilitySubmission.js';

/**
 * W — 故障率 (failure rate) before and after an improvement, rubric reliability-2024 indicator W.
 *
 * Failures are counted against an exposure (units sold, unit-hours or unit-years) and modelled as
 * Poisson counts: x ~ Poisson(λ·E).
 *   - Rate λ̂ = x / E with the exact (Garwood 1936, Biometrika 28:437) chi-square bounds
 *       lower = χ²(α/2; 2x) / (2E)   (0 when x = 0),   upper = χ²(1 − α/2; 2x + 2) / (2E).
 *   - Reduction = 1 − λ̂_after / λ̂_before.
 *   - Rate ratio R = λ_after / λ_before by the exact conditional method (Przyborowski & Wilenski
 *     1940; the method of R's `poisson.test` for two samples): given the total x = x_a + x_b,
 *     X_a ~ Binomial(x, π) with π = R·E_a / (R·E_a + E_b). The Clopper–Pearson (1934) bounds on π,
 *       π_L = Beta(α/2; x_a, x − x_a + 1) (0 when x_a = 0),
 *       π_U = Beta(1 − α/2; x_a + 1, x − x_a) (1 when x_a = x),
 *     map to R = π / (1 − π) · E_b / E_a.
 *   - p-value of H0: R = 1, two-sided by doubling the smaller tail (the "central" method, so it
 *     agrees with the interval: p < α exactly when 1 lies outside it):
 *       p = min(1, 2·min(P(X ≤ x_a), P(X ≥ x_a))), X ~ Binomial(x, π0), π0 = E_a / (E_a + E_b).
 *     (R's `poisson.test` reports `binom.test`'s minimum-likelihood p-value instead, which can
 *     disagree with its own interval.)
 * Subscript a = after, b = before.
 */

export type ExposureUnit = FailurePeriod['exposureUnit'];

/** A period as submitted; `exposureUnit` defaults to 'units' as in the submission schema. */
export interface FailurePeriodInput {
  label?: string;
  failures: number;
  exposure: number;
  exposureUnit?: ExposureUnit;
}

export interface PeriodFailureRate {
  label: string | null;
  failures: number;
  exposure: number;
  exposureUnit: ExposureUnit;
  rate: number | null;
  rateLower: number | null;
  rateUpper: number | null;
  reason?: Note;
}

export interface FailureRateComparison {
  before: PeriodFailureRate;
  after: PeriodFailureRate;
  confidence: number;
  /** 1 − after.rate / before.rate (share of the failure rate removed). */
  reduction: number | null;
  /** Bounds of the reduction: 1 − rateRatioUpper, 1 − rateRatioLower. */
  reductionLower: number | null;
  reductionUpper: number | null;
  /** after.rate / before.rate. */
  rateRatio: number | null;
  rateRatioLower: number | null;
  rateRatioUpper: number | null;
  /** Exact conditional test of equal rates (R = 1), two-sided. */
  pValue: number | null;
  /** Why any of the comparison figures is null. */
  reasons: Note[];
}

function invalidPeriod(period: FailurePeriodInput): Note | null {
  if (!Number.isInteger(period.failures) || period.failures < 0) {
    return note(
      'failureRate.invalidFailures',
      `故障数须为非负整数，收到 ${period.failures}`,
      `The number of failures must be a non-negative integer; got ${period.failures}`,
    );
  }
  if (!(period.exposure > 0) || !Number.isFinite(period.exposure)) {
    return note(
      'failureRate.invalidExposure',
      `暴露量（销量或运行时间）须为正的有限数值，收到 ${period.exposure}`,
      `The exposure (units or operating time) must be a positive finite number; got ${period.exposure}`,
    );
  }
  return null;
}

/** Rate x/E with Garwood's exact Poisson bounds. */
export function periodFailureRate(period: FailurePeriodInput, confidence = 0.95): PeriodFailureRate {
  const base = {
    label: period.label ?? null,
    failures: period.failures,
    exposure: period.exposure,
    exposureUnit: period.exposureUnit ?? 'units',
  };
  const invalid = invalidPeriod(period) ?? invalidConfidence(confidence);
  if (invalid) return { ...base, rate: null, rateLower: null, rateUpper: null, reason: invalid };

  const x = period.failures;
  const e = period.exposure;
  const alpha = 1 - confidence;
  // Garwood (1936): exact central interval for a Poisson mean via chi-square quantiles.
  const lower = x === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * x) / (2 * e);
  const upper = chiSquareQuantile(1 - alpha / 2, 2 * x + 2) / (2 * e);
  const rate = x / e;
  if (!Number.isFinite(rate) || !Number.isFinite(upper)) {
    return { ...base, rate: null, rateLower: null, rateUpper: null, reason: outOfRange() };
  }
  return { ...base, rate, rateLower: lower, rateUpper: upper };
}

function outOfRange(): Note {
  return note(
    'failureRate.outOfRange',
    '故障数与暴露量的比值超出数值范围，请检查单位',
    'The ratio of failures to exposure is outside the numeric range; check the units',
  );
}

function invalidConfidence(confidence: number): Note | null {
  if (confidence > 0 && confidence < 1) return null;
  return note(
    'failureRate.invalidConfidence',
    `置信水平须在 0 与 1 之间（例如 0.95），收到 ${confidence}`,
    `The confidence level must be between 0 and 1 (e.g. 0.95); got ${confidence}`,
  );
}

/** π/(1 − π)·E_b/E_a, the rate ratio that makes the conditional binomial probability π. */
function ratioFromProportion(pi: number, exposureAfter: number, exposureBefore: number): number | null {
  if (pi >= 1) return null;
  const r = (pi / (1 - pi)) * (exposureBefore / exposureAfter);
  return Number.isFinite(r) ? r : null;
}

export function compareFailureRates(before: FailurePeriodInput, after: FailurePeriodInput, confidence = 0.95): FailureRateComparison {
  const b = periodFailureRate(before, confidence);
  const a = periodFailureRate(after, confidence);
  const result: FailureRateComparison = {
    before: b,
    after: a,
    confidence,
    reduction: null,
    reductionLower: null,
    reductionUpper: null,
    rateRatio: null,
    rateRatioLower: null,
    rateRatioUpper: null,
    pValue: null,
    reasons: [],
  };

  if (b.rate === null || a.rate === null) {
    const reason = b.reason ?? a.reason;
    if (reason) result.reasons.push(reason);
    return result;
  }
  if (a.exposureUnit !== b.exposureUnit) {
    result.reasons.push(
      note(
        'failureRate.unitMismatch',
        `改进前后的暴露量单位不同（${b.exposureUnit} 与 ${a.exposureUnit}），故障率不可比较`,
        `The exposure units differ before and after (${b.exposureUnit} vs ${a.exposureUnit}): the rates are not comparable`,
      ),
    );
    return result;
  }

  const xa = a.failures;
  const xb = b.failures;
  const x = xa + xb;
  const ea = a.exposure;
  const eb = b.exposure;
  const alpha = 1 - confidence;

  if (x === 0) {
    result.reasons.push(
      note(
        'failureRate.noFailures',
        '改进前后均无故障，故障率比、降低幅度及其检验均无定义',
        'No failures in either period: the rate ratio, the reduction and the test are undefined',
      ),
    );
    return result;
  }

  if (xb === 0) {
    result.reasons.push(
      note(
        'failureRate.zeroBaseline',
        '改进前故障率为 0，无法计算降低幅度和故障率比（比值的上限无界）',
        'The failure rate before improvement is 0: no reduction or rate ratio (its upper bound is unbounded)',
      ),
    );
  } else {
    // Point estimates: R̂ = (x_a/E_a) / (x_b/E_b), reduction = 1 − R̂.
    const ratio = a.rate / b.rate;
    if (Number.isFinite(ratio)) {
      result.rateRatio = ratio;
      result.reduction = 1 - ratio;
    } else {
      result.reasons.push(outOfRange());
    }
  }

  // Clopper–Pearson bounds on π, mapped to R (exact conditional method).
  const piLower = xa === 0 ? 0 : betaQuantile(alpha / 2, xa, x - xa + 1);
  const piUpper = xa === x ? 1 : betaQuantile(1 - alpha / 2, xa + 1, x - xa);
  result.rateRatioLower = ratioFromProportion(piLower, ea, eb);
  result.rateRatioUpper = ratioFromProportion(piUpper, ea, eb);
  if (result.rateRatioLower !== null) result.reductionUpper = 1 - result.rateRatioLower;
  if (result.rateRatioUpper !== null) result.reductionLower = 1 - result.rateRatioUpper;

  // Exact conditional test of R = 1. P(X ≥ x_a) is taken as P(Y ≤ x − x_a), Y ~ Bin(x, 1 − π0),
  // which keeps small upper tails accurate (no 1 − cdf cancellation).
  const pi0 = ea / (ea + eb);
  const lowerTail = binomialCdf(xa, x, pi0);
  const upperTail = binomialCdf(x - xa, x, 1 - pi0);
  result.pValue = Math.min(1, 2 * Math.min(lowerTail, upperTail));
  return result;
}
