import { regularizedGammaQ } from '../../stats/incompleteGamma.js';

/**
 * The two standardised location-scale distributions of log life (Meeker & Escobar 1998, §4.6–4.8;
 * Lawless 2003 §1.3): ln T = μ + σ·Z with
 *   - Z smallest extreme value (SEV) ⇔ T Weibull, shape β = 1/σ, scale α = e^μ;
 *   - Z standard normal            ⇔ T lognormal.
 * Each gives ln g(z) (density), ln F(z), ln S(z) = ln(1 − F(z)) and d ln g/dz, evaluated without
 * cancellation in either tail, which the censored likelihood (censoredLifeFit.ts) needs.
 */
export interface StandardLogLife {
  logDensity(z: number): number;
  /** d/dz ln g(z). */
  logDensitySlope(z: number): number;
  logCdf(z: number): number;
  logSurvival(z: number): number;
  /** ln(F(zu) − F(zl)) for zl < zu. */
  logProbabilityBetween(zl: number, zu: number): number;
}

/** SEV: F(z) = 1 − exp(−e^z), g(z) = exp(z − e^z) (Meeker & Escobar 1998 §4.8). */
export const smallestExtremeValue: StandardLogLife = {
  logDensity: (z) => z - Math.exp(z),
  logDensitySlope: (z) => 1 - Math.exp(z),
  logCdf: (z) => Math.log(-Math.expm1(-Math.exp(z))),
  logSurvival: (z) => -Math.exp(z),
  // F(zu) − F(zl) = S(zl) − S(zu) = S(zl)·(1 − exp(−(e^zu − e^zl))).
  logProbabilityBetween: (zl, zu) => -Math.exp(zl) + Math.log(-Math.expm1(-(Math.exp(zu) - Math.exp(zl)))),
};

const LOG_SQRT_TWO_PI = 0.9189385332046727;

/**
 * ln Φ(z) for z ≤ 0 through Φ(z) = ½·erfc(−z/√2) = ½·Q(½, z²/2) (A&S 7.1.2, 6.5.17), accurate in
 * the far tail; below z = −37 Q underflows and the asymptotic series
 * ln Φ(z) ≈ −z²/2 − ln(−z√(2π)) + ln(1 − 1/z² + 3/z⁴) (A&S 26.2.12) takes over.
 */
function logLowerTail(z: number): number {
  if (z > -37) return Math.log(0.5 * regularizedGammaQ(0.5, (z * z) / 2));
  const r = 1 / (z * z);
  return -(z * z) / 2 - Math.log(-z) - LOG_SQRT_TWO_PI + Math.log1p(-r + 3 * r * r);
}

/** Φ(z) for any z. */
function normalCdf(z: number): number {
  return z <= 0 ? Math.exp(logLowerTail(z)) : 1 - Math.exp(logLowerTail(-z));
}

export const standardNormal: StandardLogLife = {
  logDensity: (z) => -(z * z) / 2 - LOG_SQRT_TWO_PI,
  logDensitySlope: (z) => -z,
  logCdf: (z) => (z <= 0 ? logLowerTail(z) : Math.log1p(-Math.exp(logLowerTail(-z)))),
  logSurvival: (z) => (z >= 0 ? logLowerTail(-z) : Math.log1p(-Math.exp(logLowerTail(z)))),
  logProbabilityBetween: (zl, zu) => {
    // Subtract in the tail the interval lies in, where both probabilities are small and exact.
    if (zl >= 0) return Math.log(Math.exp(logLowerTail(-zl)) - Math.exp(logLowerTail(-zu)));
    if (zu <= 0) return Math.log(Math.exp(logLowerTail(zu)) - Math.exp(logLowerTail(zl)));
    return Math.log(normalCdf(zu) - normalCdf(zl));
  },
};
