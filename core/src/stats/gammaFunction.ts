/**
 * The logarithm of the gamma function and the two helpers the incomplete gamma function needs to
 * keep full relative accuracy for large shapes.
 *
 * Sources: Abramowitz & Stegun (1964) 6.1.40–6.1.41 (Stirling's series with Bernoulli numbers);
 * DiDonato & Morris (1986), "Computation of the incomplete gamma function ratios and their
 * inverse", ACM TOMS 12(4):377–393, §2 (the factor x^a e^(−x)/Γ(a+1) written through
 * Γ*(a) = Γ(a)/(√(2π) a^(a−½) e^(−a)) and ln(1 + t) − t, so that no large, nearly cancelling
 * logarithms are subtracted).
 */

const HALF_LOG_TWO_PI = 0.9189385332046727; // ½ ln(2π)

/**
 * Coefficients of Stirling's series for ln Γ*(x) = Σ B₂ₖ / (2k(2k − 1) x^(2k−1)), k = 1 … 8
 * (A&S 6.1.41): 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360, 1/156, −3617/122400.
 */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** Below this the series above is not used directly; the argument is first shifted up. */
const STIRLING_FROM = 10;

/**
 * ln Γ*(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10: the Stirling series, whose
 * truncation error after eight terms is below the ninth term, 3617/(122400·…)·x^(−17) ≈ 1e-18 at x = 10.
 */
export function logGammaStar(x: number): number {
  if (!(x >= STIRLING_FROM)) throw new RangeError(`logGammaStar: x must be ≥ ${STIRLING_FROM}, got ${x}`);
  const r = 1 / x;
  const r2 = r * r;
  let sum = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) sum = sum * r2 + STIRLING[k]!;
  return sum * r;
}

/**
 * ln Γ(x) for x > 0. For x ≥ 10 Stirling's series; below, the recurrence
 * ln Γ(x) = ln Γ(x + n) − ln(x (x + 1) … (x + n − 1)) with x + n ≥ 10 (A&S 6.1.15).
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma: x must be a positive finite number, got ${x}`);
  let product = 1;
  let shifted = x;
  while (shifted < STIRLING_FROM) {
    product *= shifted;
    shifted += 1;
  }
  const stirling = (shifted - 0.5) * Math.log(shifted) - shifted + HALF_LOG_TWO_PI + logGammaStar(shifted);
  return stirling - Math.log(product);
}

/**
 * ln(1 + t) − t for t > −1, without the cancellation of the direct formula near t = 0:
 * for |t| < ½ the series −t²/2 + t³/3 − t⁴/4 + … (A&S 4.1.24), summed until the terms no
 * longer change the sum (at most about 55 terms at |t| = ½).
 */
export function log1pMinusX(t: number): number {
  if (!(t > -1)) throw new RangeError(`log1pMinusX: t must be > −1, got ${t}`);
  if (Math.abs(t) >= 0.5) return Math.log1p(t) - t;
  let power = -t * t; // (−1)^(k+1) t^k for k = 2, with the sign of the series folded in
  let sum = power / 2;
  for (let k = 3; k < 200; k++) {
    power *= -t;
    const term = power / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}
