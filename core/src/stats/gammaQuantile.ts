import { logGamma } from './gammaFunction.js';
import { gammaDensity, incompleteGamma } from './incompleteGamma.js';

/**
 * Quantile of the gamma distribution with shape a > 0 and scale 1: the x with P(a, x) = p.
 *
 * Method: DiDonato & Morris (1986), ACM TOMS 12(4):377–393, §3–4 — a first approximation, then
 * Halley's iteration on the incomplete gamma function — with a bracket kept from the iterates so
 * that a step leaving it is replaced by bisection (Press et al., Numerical Recipes, §9.4):
 *  - the equation is solved in the tail the probability lies in: P(a, x) = p for p ≤ ½ and
 *    Q(a, x) = 1 − p otherwise (1 − p is exact for p ≥ ½), so upper quantiles such as
 *    p = 1 − 1e-10 keep their accuracy;
 *  - first approximation: Wilson & Hilferty (1931), x ≈ a·(1 − 1/(9a) + z/√(9a))³ with z the normal
 *    quantile, replaced in the lower tail of small shapes by x ≈ (p·Γ(a + 1))^(1/a) (the leading
 *    term of the series, DiDonato & Morris eq. 21) and in the upper tail by
 *    x ≈ −ln(q·Γ(a)) + (a − 1)·ln(−ln(q·Γ(a))) when Wilson–Hilferty is not positive;
 *  - Halley step for f(x) = P(a, x) − p (or p-side Q): f′ = ±x^(a−1)e^(−x)/Γ(a), f″/f′ = (a − 1)/x − 1;
 *  - stop when a step changes x by less than 4 ulp, relatively.
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`gammaQuantile: p must be within [0, 1], got ${p}`);
  return p > 0.5 ? gammaUpperQuantile(1 - p, a) : solve(p, a, false);
}

/**
 * The x with Q(a, x) = q, the upper tail given directly, so that tails far below 1e-16 (which
 * 1 − q would round away) keep their accuracy.
 */
export function gammaUpperQuantile(q: number, a: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`gammaUpperQuantile: q must be within [0, 1], got ${q}`);
  return q > 0.5 ? solve(1 - q, a, false) : solve(q, a, true);
}

/** Solves P(a, x) = target (upper false) or Q(a, x) = target (upper true), target ≤ ½. */
function solve(target: number, a: number, upper: boolean): number {
  if (!(a > 0) || !Number.isFinite(a)) throw new RangeError(`gammaQuantile: a must be a positive finite number, got ${a}`);
  if (target === 0) return upper ? Infinity : 0;
  const p = upper ? 1 - target : target;

  let x = firstApproximation(p, a, upper, target);
  // Bracket: P(a, lo) < p < P(a, hi) (in x; the tail function is monotone).
  let lo = 0;
  let hi = Infinity;
  for (let iter = 0; iter < 200; iter++) {
    const { p: P, q: Q } = incompleteGamma(a, x);
    // f > 0 means x is above the quantile, for either tail.
    const f = upper ? target - Q : P - target;
    if (f === 0) return x;
    if (f > 0) hi = x;
    else lo = x;
    const density = gammaDensity(a, x);
    let next: number;
    if (density > 0 && Number.isFinite(density)) {
      const newton = f / density;
      const curvature = (a - 1) / x - 1; // f″/f′, the same for both tails
      const halley = newton / (1 - 0.5 * newton * curvature);
      next = x - (Number.isFinite(halley) && Math.abs(0.5 * newton * curvature) < 0.5 ? halley : newton);
    } else {
      next = Number.NaN;
    }
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * x, x + 1) : lo === 0 ? hi / 16 : Math.sqrt(lo * hi);
    if (Math.abs(next - x) <= 4 * Number.EPSILON * x) return next;
    x = next;
  }
  return x;
}

/** Starting point of the iteration (see the method notes above). */
function firstApproximation(p: number, a: number, upper: boolean, target: number): number {
  const z = normalQuantileApprox(p);
  const c = 1 / (9 * a);
  const wilsonHilferty = a * (1 - c + z * Math.sqrt(c)) ** 3;
  if (!upper && a < 5) {
    // Leading term of the series: P ≈ x^a / Γ(a + 1).
    const series = Math.exp((Math.log(target) + logGamma(a + 1)) / a);
    if (series < a || !(wilsonHilferty > 0)) return series;
  }
  if (wilsonHilferty > 0 && Number.isFinite(wilsonHilferty)) return wilsonHilferty;
  const t = -(Math.log(target) + logGamma(a));
  return Math.max(t + (a - 1) * Math.log(Math.max(t, 1)), Number.MIN_VALUE);
}

/**
 * Normal quantile, only as a starting value (about 4.5e-4 absolute): Abramowitz & Stegun 26.2.23.
 * The exact quantile is `normalQuantile` in quantiles.ts.
 */
function normalQuantileApprox(p: number): number {
  const tail = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(tail));
  const z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  return p < 0.5 ? -z : z;
}
