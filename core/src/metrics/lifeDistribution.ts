import { note, type Note } from '../i18n/note.js';
import { normalQuantile } from '../stats/quantiles.js';

/**
 * Maximum-likelihood fits of life distributions to complete (uncensored) samples, used for the
 * pseudo-failure times of the Id indicator (Meeker & Escobar 1998, ch. 13: pseudo-failure times
 * are analysed as ordinary failure times).
 */

export interface WeibullFit {
  ok: true;
  /** Shape β (> 0). */
  shape: number;
  /** Scale α (> 0), the 63.2 % life. */
  scale: number;
  /** Maximised log-likelihood Σ ln f(tᵢ; α, β). */
  logLik: number;
  n: number;
}

export interface LognormalFit {
  ok: true;
  /** Mean of ln t. */
  mu: number;
  /** Standard deviation of ln t, MLE (divisor n). */
  sigma: number;
  /** Maximised log-likelihood Σ ln f(tᵢ; μ, σ). */
  logLik: number;
  n: number;
  /** Median life e^μ. */
  median: number;
}

/** A fit that could not be made, with the reason. */
export interface NoLifeFit {
  ok: false;
  n: number;
  reason: Note;
}

export type WeibullResult = WeibullFit | NoLifeFit;
export type LognormalResult = LognormalFit | NoLifeFit;

function checkSample(times: readonly number[], what: string): NoLifeFit | null {
  const n = times.length;
  if (n < 2) {
    return {
      ok: false,
      n,
      reason: note(
        'life.tooFewTimes',
        `${what}分布拟合至少需要 2 个寿命数据，现有 ${n} 个。`,
        `a ${what === '威布尔' ? 'Weibull' : 'lognormal'} fit needs at least 2 times; got ${n}.`,
      ),
    };
  }
  if (!times.every((t) => Number.isFinite(t) && t > 0)) {
    return {
      ok: false,
      n,
      reason: note('life.nonPositiveTime', '寿命数据必须是大于 0 的有限数值。', 'life times must be finite numbers greater than 0.'),
    };
  }
  if (times.every((t) => t === times[0])) {
    return {
      ok: false,
      n,
      reason: note(
        'life.identicalTimes',
        '所有寿命数据相同，分散程度为 0，最大似然估计不存在（形状参数趋于无穷）。',
        'all times are identical; with zero spread the maximum-likelihood estimate does not exist.',
      ),
    };
  }
  return null;
}

/** Largest Weibull shape searched; beyond it the times are treated as numerically identical. */
const MAX_SHAPE = 1e12;

/**
 * Weibull maximum-likelihood fit of a complete sample (Lawless 2003, *Statistical Models and
 * Methods for Lifetime Data*, 2nd ed., §5.2.2): the shape β̂ is the root of the profile score
 *   g(β) = Σ tᵢ^β ln tᵢ / Σ tᵢ^β − 1/β − (1/n) Σ ln tᵢ = 0,
 * which is strictly increasing in β, so the root is unique; it is found by Newton's method
 * safeguarded by bisection on a bracket. The scale follows as α̂ = (Σ tᵢ^β̂ / n)^(1/β̂).
 * g is invariant to rescaling t, so it is evaluated with uᵢ = ln tᵢ − max ln t ≤ 0 and weights
 * e^(β·uᵢ) ∈ (0, 1], which cannot overflow.
 */
export function fitWeibull(times: readonly number[]): WeibullResult {
  const bad = checkSample(times, '威布尔');
  if (bad) return bad;
  const n = times.length;
  const x = times.map(Math.log);
  const xMax = x.reduce((m, v) => Math.max(m, v), -Infinity);
  const u = x.map((v) => v - xMax);
  const uMean = u.reduce((s, v) => s + v, 0) / n;

  // g(β) and g'(β) = weighted variance of u + 1/β² (> 0).
  const score = (beta: number): { g: number; dg: number; sw: number } => {
    let sw = 0;
    let swu = 0;
    let swu2 = 0;
    for (const ui of u) {
      const w = Math.exp(beta * ui);
      sw += w;
      swu += w * ui;
      swu2 += w * ui * ui;
    }
    const m = swu / sw;
    return { g: m - 1 / beta - uMean, dg: Math.max(swu2 / sw - m * m, 0) + 1 / (beta * beta), sw };
  };

  // Bracket the root: g → −∞ as β → 0⁺ and g → −ū > 0 as β → ∞.
  let lo = 1;
  while (score(lo).g > 0 && lo > 1e-12) lo /= 2;
  let hi = 1;
  while (score(hi).g < 0) {
    hi *= 2;
    if (hi > MAX_SHAPE) {
      return {
        ok: false,
        n,
        reason: note(
          'life.weibullShapeUnbounded',
          '寿命数据几乎完全相同，威布尔形状参数的最大似然估计超出可计算范围。',
          'the times are almost identical; the Weibull shape estimate is beyond the computable range.',
        ),
      };
    }
  }

  // Newton–Raphson safeguarded by bisection (Press et al., *Numerical Recipes*, §9.4 rtsafe).
  let beta = (lo + hi) / 2;
  for (let iter = 0; iter < 200; iter++) {
    const { g, dg } = score(beta);
    if (g === 0) break;
    if (g < 0) lo = beta;
    else hi = beta;
    let next = beta - g / dg;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - beta) <= 1e-15 * beta || hi - lo <= 1e-15 * hi) {
      beta = next;
      break;
    }
    beta = next;
  }

  const { sw } = score(beta);
  // α̂ = (Σ tᵢ^β / n)^(1/β) = e^(max ln t) · (Σ e^(β·uᵢ) / n)^(1/β)
  const scale = Math.exp(xMax) * (sw / n) ** (1 / beta);
  // ln L = Σ [ln β − β ln α + (β − 1) ln tᵢ − (tᵢ/α)^β]  (Lawless 2003 eq. 5.2.3)
  const lnAlpha = Math.log(scale);
  let logLik = 0;
  for (const xi of x) {
    logLik += Math.log(beta) - beta * lnAlpha + (beta - 1) * xi - Math.exp(beta * (xi - lnAlpha));
  }
  if (!Number.isFinite(beta) || !Number.isFinite(scale) || !(scale > 0) || !Number.isFinite(logLik)) {
    return {
      ok: false,
      n,
      reason: note('life.weibullNumeric', '威布尔拟合的结果超出可表示的数值范围。', 'the Weibull fit is outside the representable number range.'),
    };
  }
  return { ok: true, shape: beta, scale, logLik, n };
}

/**
 * Lognormal maximum-likelihood fit of a complete sample, closed form (Lawless 2003 §5.3;
 * Meeker & Escobar 1998 §8.2): μ̂ = mean of ln tᵢ, σ̂² = Σ(ln tᵢ − μ̂)²/n (the MLE divisor n,
 * not n − 1). ln L = −Σ ln tᵢ − n ln σ̂ − (n/2) ln 2π − n/2 at the maximum.
 */
export function fitLognormal(times: readonly number[]): LognormalResult {
  const bad = checkSample(times, '对数正态');
  if (bad) return bad;
  const n = times.length;
  const x = times.map(Math.log);
  const mu = x.reduce((s, v) => s + v, 0) / n;
  const sigma = Math.sqrt(x.reduce((s, v) => s + (v - mu) * (v - mu), 0) / n);
  if (!(sigma > 0)) {
    return {
      ok: false,
      n,
      reason: note(
        'life.identicalTimes',
        '所有寿命数据相同，分散程度为 0，最大似然估计不存在。',
        'all times are identical; with zero spread the maximum-likelihood estimate does not exist.',
      ),
    };
  }
  const sumX = x.reduce((s, v) => s + v, 0);
  const logLik = -sumX - n * Math.log(sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2;
  const median = Math.exp(mu);
  if (!Number.isFinite(logLik) || !Number.isFinite(median)) {
    return {
      ok: false,
      n,
      reason: note('life.lognormalNumeric', '对数正态拟合的结果超出可表示的数值范围。', 'the lognormal fit is outside the representable number range.'),
    };
  }
  return { ok: true, mu, sigma, logLik, n, median };
}

/**
 * Weibull p-quantile t_p = α·(−ln(1 − p))^(1/β) (Lawless 2003 §1.3.2). Null for p outside (0, 1)
 * or when the result is not representable.
 */
export function weibullQuantile(p: number, fit: Pick<WeibullFit, 'shape' | 'scale'>): number | null {
  if (!(p > 0 && p < 1) || !(fit.shape > 0) || !(fit.scale > 0)) return null;
  const q = fit.scale * (-Math.log1p(-p)) ** (1 / fit.shape);
  return Number.isFinite(q) ? q : null;
}

/** B10 life: the time by which 10 % of units have failed, the Weibull 0.1-quantile. */
export function b10Life(fit: Pick<WeibullFit, 'shape' | 'scale'>): number | null {
  return weibullQuantile(0.1, fit);
}

/**
 * Lognormal p-quantile t_p = exp(μ + σ·z_p), z_p the standard normal quantile (Meeker & Escobar
 * 1998 §4.6). Null for p outside (0, 1) or when the result is not representable.
 */
export function lognormalQuantile(p: number, fit: Pick<LognormalFit, 'mu' | 'sigma'>): number | null {
  if (!(p > 0 && p < 1) || !Number.isFinite(fit.mu) || !(fit.sigma > 0) || !Number.isFinite(fit.sigma)) return null;
  const q = Math.exp(fit.mu + fit.sigma * normalQuantile(p));
  return Number.isFinite(q) ? q : null;
}
