/**
 * Every quantile and CDF kekao uses, in one place. The chi-square and normal quantiles are kekao's
 * own (gammaQuantile.ts: the @stdlib incomplete gamma function is wrong for arguments above about
 * 1000, and its normal quantile fails in the far tails); the others are typed wrappers over @stdlib packages (which ship their own type
 * declarations in docs/types, `export =`). All five are checked against an mpmath table to 1e-10
 * relative (core/test/distributions.test.ts).
 *
 * Contract: the functions return a number for valid arguments and throw a `RangeError` for invalid
 * ones (probability outside [0, 1], non-positive degrees of freedom or shape, non-integer counts),
 * where @stdlib would silently return `NaN`. Callers validate user data first and turn a
 * would-be-invalid case into `null` plus a `Note`; a thrown error here is a programming error.
 * At p = 0 or p = 1 a quantile is the end of the support, which may be ±Infinity; callers pass
 * p strictly inside (0, 1) whenever they need a finite value.
 */
import stdlibTQuantile from '@stdlib/stats-base-dists-t-quantile';
import stdlibBetaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import stdlibBinomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import { gammaQuantile, gammaUpperQuantile } from './gammaQuantile.js';

function checked(value: number, what: string): number {
  if (Number.isNaN(value)) throw new RangeError(`${what}: invalid arguments`);
  return value;
}

function checkProbability(p: number, what: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${what}: p must be within [0, 1], got ${p}`);
}

/**
 * Chi-square quantiles already computed. The inverse incomplete gamma is costly, and a
 * submission asks for the same few (p, df) pairs again and again (one per stage of equal n).
 */
const chiSquareCache = new Map<string, number>();
const CHI_SQUARE_CACHE_MAX = 4096;

/**
 * Quantile of the chi-square distribution with `df` > 0 degrees of freedom: x with P(X ≤ x) = p.
 * X/2 is gamma-distributed with shape df/2 (A&S 26.4.1), so x = 2·gammaQuantile(p, df/2).
 */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability(p, 'chiSquareQuantile');
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`chiSquareQuantile: df must be > 0, got ${df}`);
  const key = `${p}|${df}`;
  const hit = chiSquareCache.get(key);
  if (hit !== undefined) return hit;
  const value = checked(2 * gammaQuantile(p, df / 2), 'chiSquareQuantile');
  if (chiSquareCache.size >= CHI_SQUARE_CACHE_MAX) chiSquareCache.clear();
  chiSquareCache.set(key, value);
  return value;
}

/** Quantile of Student's t distribution with `df` > 0 degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  checkProbability(p, 'tQuantile');
  if (!(df > 0) || !Number.isFinite(df)) throw new RangeError(`tQuantile: df must be > 0, got ${df}`);
  return checked(stdlibTQuantile(p, df), 'tQuantile');
}

/**
 * Quantile of the standard normal distribution N(0, 1). Z²/2 is gamma-distributed with shape ½
 * (A&S 26.4.1 with 26.2.x), so P(|Z| > |z|) = Q(½, z²/2) and, for p < ½,
 * z = −√(2·x) with Q(½, x) = 2p — through the upper-tail gamma quantile, which keeps tails down to
 * 1e-300 exact (the @stdlib normal quantile was infinite below about 1e-17 and off by 7e-3 in places).
 */
export function normalQuantile(p: number): number {
  checkProbability(p, 'normalQuantile');
  if (p === 0.5) return 0;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const tail = p < 0.5 ? p : 1 - p;
  const z = Math.sqrt(2 * gammaUpperQuantile(2 * tail, 0.5));
  return p < 0.5 ? -z : z;
}

/** Quantile of the beta distribution with shapes `a` > 0 and `b` > 0. */
export function betaQuantile(p: number, a: number, b: number): number {
  checkProbability(p, 'betaQuantile');
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`betaQuantile: shapes must be > 0, got a=${a}, b=${b}`);
  }
  return checked(stdlibBetaQuantile(p, a, b), 'betaQuantile');
}

/** P(X ≤ k) for X ~ Binomial(n, p), n a non-negative integer, p in [0, 1]. */
export function binomialCdf(k: number, n: number, p: number): number {
  checkProbability(p, 'binomialCdf');
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomialCdf: n must be a non-negative integer, got ${n}`);
  if (Number.isNaN(k)) throw new RangeError('binomialCdf: k must be a number');
  return checked(stdlibBinomialCdf(k, n, p), 'binomialCdf');
}
