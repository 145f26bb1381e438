import { smallestExtremeValue, standardNormal, type StandardLogLife } from './locationScale.js';

/**
 * Maximum-likelihood fit of a Weibull or lognormal life distribution to failure times of which
 * some are censored (Meeker & Escobar 1998, §2.2 and §8.2–8.4; Lawless 2003, §2.2 and §5.3–5.4):
 * with z = (ln t − μ)/σ and g, F, S the standardised density, CDF and survival function of ln T,
 *
 *   ln L(μ, σ) = Σ_exact [ln g(zᵢ) − ln σ − ln tᵢ] + Σ_right ln S(zᵢ) + Σ_left ln F(zᵢ)
 *              + Σ_interval ln(F(z_uᵢ) − F(z_lᵢ)).
 *
 * It is maximised over (μ, ln σ) by Newton's method with the analytic gradient, a Hessian from
 * central differences of that gradient, and a backtracking line search (Nocedal & Wright 2006,
 * *Numerical Optimization*, §3.1, §8.1); a direction that does not ascend is replaced by the
 * gradient. Used for the Id life fit when some units enter as censored observations; complete
 * samples keep the closed-form / profile fits of lifeDistribution.ts.
 */
export type LifeObservation =
  /** Failed at this time. */
  | { kind: 'exact'; time: number }
  /** Still working at this time (failure later): right-censored. */
  | { kind: 'right'; time: number }
  /** Already failed at this time (failure earlier): left-censored. */
  | { kind: 'left'; time: number }
  /** Failed between two inspections: interval-censored. */
  | { kind: 'interval'; lower: number; upper: number };

export interface LocationScaleFit {
  mu: number;
  sigma: number;
  /** Maximised ln L, exact failures on the time scale (comparable between Weibull and lognormal). */
  logLik: number;
}

interface Evaluation {
  logLik: number;
  /** ∂ ln L/∂μ and ∂ ln L/∂(ln σ). */
  gradient: [number, number];
}

function evaluate(obs: readonly LifeObservation[], d: StandardLogLife, mu: number, logSigma: number): Evaluation {
  const sigma = Math.exp(logSigma);
  let logLik = 0;
  let gMu = 0;
  let gTheta = 0;
  for (const o of obs) {
    if (o.kind === 'interval') {
      const zl = (Math.log(o.lower) - mu) / sigma;
      const zu = (Math.log(o.upper) - mu) / sigma;
      const logD = d.logProbabilityBetween(zl, zu);
      const gu = Math.exp(d.logDensity(zu) - logD);
      const gl = Math.exp(d.logDensity(zl) - logD);
      logLik += logD;
      gMu -= (gu - gl) / sigma;
      gTheta -= zu * gu - zl * gl;
      continue;
    }
    const y = Math.log(o.time);
    const z = (y - mu) / sigma;
    if (o.kind === 'exact') {
      const s = d.logDensitySlope(z);
      logLik += d.logDensity(z) - logSigma - y;
      gMu -= s / sigma;
      gTheta -= s * z + 1;
    } else if (o.kind === 'right') {
      const logS = d.logSurvival(z);
      const h = Math.exp(d.logDensity(z) - logS);
      logLik += logS;
      gMu += h / sigma;
      gTheta += h * z;
    } else {
      const logF = d.logCdf(z);
      const k = Math.exp(d.logDensity(z) - logF);
      logLik += logF;
      gMu -= k / sigma;
      gTheta -= k * z;
    }
  }
  return { logLik, gradient: [gMu, gTheta] };
}

/** Starting point: mean and SD of ln t over every observation (interval: its geometric middle). */
function start(obs: readonly LifeObservation[], d: StandardLogLife): [number, number] {
  const y = obs.map((o) => (o.kind === 'interval' ? (Math.log(o.lower) + Math.log(o.upper)) / 2 : Math.log(o.time)));
  const m = y.reduce((s, v) => s + v, 0) / y.length;
  const sd = Math.sqrt(y.reduce((s, v) => s + (v - m) * (v - m), 0) / y.length) || 1;
  if (d === smallestExtremeValue) {
    // SEV: mean = μ − 0.5772σ, SD = πσ/√6.
    const sigma = (sd * Math.sqrt(6)) / Math.PI;
    return [m + 0.5772156649015329 * sigma, Math.log(sigma)];
  }
  return [m, Math.log(sd)];
}

const MAX_ITERATIONS = 200;

function maximise(obs: readonly LifeObservation[], d: StandardLogLife): LocationScaleFit | null {
  let [mu, theta] = start(obs, d);
  let current = evaluate(obs, d, mu, theta);
  if (!Number.isFinite(current.logLik)) return null;
  let converged = false;
  for (let iter = 0; iter < MAX_ITERATIONS && !converged; iter++) {
    const [g0, g1] = current.gradient;
    // Hessian by central differences of the analytic gradient.
    const hMu = 1e-5 * Math.max(1, Math.abs(mu));
    const hTheta = 1e-5;
    const a = evaluate(obs, d, mu + hMu, theta).gradient;
    const b = evaluate(obs, d, mu - hMu, theta).gradient;
    const c = evaluate(obs, d, mu, theta + hTheta).gradient;
    const e = evaluate(obs, d, mu, theta - hTheta).gradient;
    const h00 = (a[0] - b[0]) / (2 * hMu);
    const h11 = (c[1] - e[1]) / (2 * hTheta);
    const h01 = ((a[1] - b[1]) / (2 * hMu) + (c[0] - e[0]) / (2 * hTheta)) / 2;
    const det = h00 * h11 - h01 * h01;
    // Newton direction −H⁻¹g when H is negative definite, else the gradient itself.
    let dMu = g0;
    let dTheta = g1;
    if (h00 < 0 && det > 0) {
      dMu = -(h11 * g0 - h01 * g1) / det;
      dTheta = -(-h01 * g0 + h00 * g1) / det;
    }
    let step = 1;
    let next: Evaluation | null = null;
    for (let k = 0; k < 60; k++) {
      const trial = evaluate(obs, d, mu + step * dMu, theta + step * dTheta);
      if (Number.isFinite(trial.logLik) && trial.logLik >= current.logLik - 1e-12 * Math.abs(current.logLik)) {
        next = trial;
        break;
      }
      step /= 2;
    }
    if (next === null) {
      // No ascent along the direction: a maximum when the gradient vanishes there.
      converged = Math.abs(g0) + Math.abs(g1) <= 1e-6 * Math.max(1, Math.abs(current.logLik));
      break;
    }
    mu += step * dMu;
    theta += step * dTheta;
    const moved = Math.abs(step * dMu) + Math.abs(step * dTheta);
    current = next;
    converged = moved <= 1e-13 * Math.max(1, Math.abs(mu));
  }
  const sigma = Math.exp(theta);
  // No maximum (e.g. only censored units at one time: the likelihood keeps rising as σ → 0 or ∞).
  if (!converged || !Number.isFinite(mu) || !(sigma > 0) || !Number.isFinite(sigma) || !Number.isFinite(current.logLik)) return null;
  return { mu, sigma, logLik: current.logLik };
}

/** Weibull by maximum likelihood with censoring: shape β = 1/σ, scale α = e^μ of the SEV fit of ln t. */
export function fitCensoredWeibull(obs: readonly LifeObservation[]): { shape: number; scale: number; logLik: number } | null {
  const fit = maximise(obs, smallestExtremeValue);
  if (!fit) return null;
  const shape = 1 / fit.sigma;
  const scale = Math.exp(fit.mu);
  return Number.isFinite(shape) && Number.isFinite(scale) && scale > 0 ? { shape, scale, logLik: fit.logLik } : null;
}

/** Median life e^μ of a lognormal fit; null when not representable. */
export function lognormalMedian(mu: number): number | null {
  const m = Math.exp(mu);
  return Number.isFinite(m) && m > 0 ? m : null;
}

/** Lognormal by maximum likelihood with censoring: μ and σ of the normal fit of ln t. */
export function fitCensoredLognormal(obs: readonly LifeObservation[]): (LocationScaleFit & { median: number }) | null {
  const fit = maximise(obs, standardNormal);
  const median = fit ? lognormalMedian(fit.mu) : null;
  return fit && median !== null ? { ...fit, median } : null;
}
