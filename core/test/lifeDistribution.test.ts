import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  b10Life,
  fitLognormal,
  fitWeibull,
  lognormalQuantile,
  weibullQuantile,
  type LognormalResult,
  type WeibullResult,
} from '../src/metrics/lifeDistribution.js';

function close(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

function okW(r: WeibullResult) {
  if (!r.ok) throw new Error(r.reason.en);
  return r;
}
function okL(r: LognormalResult) {
  if (!r.ok) throw new Error(r.reason.en);
  return r;
}

// GaAs laser pseudo-failure times (hours) at a 10 % current increase: per-unit least-squares
// lines, numpy.polyfit — core/test/reference/gaaslaser_degradation.py.
const GAAS_PFT = [
  3702.035255784492, 4194.424791988441, 5846.754435495856, 6172.070557832574, 5300.978671384979, 3592.3585644558098, 6050.78637304989, 6538.474990005103,
  5110.062614545749, 3306.484029259787, 5326.347142413973, 4994.553789685636, 4720.523449550363, 5688.935747140252, 6101.838073405992,
];

// A second sample: core/test/reference/path_models.py (LIFE).
const LIFE = [12.5, 30.1, 45.7, 61.2, 88.0, 102.3, 150.9];

describe('fitWeibull (Lawless 2003 §5.2) against scipy', () => {
  it('GaAs pseudo-failure times: shape ≈ 6.41, scale ≈ 5508 h', () => {
    // scipy.stats.weibull_min.fit(floc=0), refined by brentq on the profile score equation:
    // shape 6.407072007283176, scale 5507.5951651264895, logLik −124.08811301083135,
    // B10 3876.3589393819298 (gaaslaser_degradation.py).
    const w = okW(fitWeibull(GAAS_PFT));
    close(w.shape, 6.407072007283176, 1e-9);
    close(w.scale, 5507.5951651264895, 1e-9);
    close(w.logLik, -124.08811301083135, 1e-9);
    close(b10Life(w), 3876.3589393819298, 1e-8);
    expect(w.n).toBe(15);
  });

  it('a second sample (shape < 2)', () => {
    // path_models.py: shape 1.6248347857377061, scale 78.34151340354535, logLik −35.71626876456707,
    // median 62.52136260866133, B10 19.61109353253228.
    const w = okW(fitWeibull(LIFE));
    close(w.shape, 1.6248347857377061, 1e-9);
    close(w.scale, 78.34151340354535, 1e-9);
    close(w.logLik, -35.71626876456707, 1e-9);
    close(weibullQuantile(0.5, w), 62.52136260866133, 1e-9);
    close(b10Life(w), 19.61109353253228, 1e-9);
  });

  it('two points is the smallest sample', () => {
    // path_models.py weibullTwoPoint: shape 3.4615408499204956, scale 1.678677413815532.
    const w = okW(fitWeibull([1, 2]));
    close(w.shape, 3.4615408499204956, 1e-9);
    close(w.scale, 1.678677413815532, 1e-9);
  });

  it('is scale-equivariant (hours → minutes)', () => {
    const h = okW(fitWeibull(LIFE));
    const m = okW(fitWeibull(LIFE.map((t) => t * 60)));
    close(m.shape, h.shape, 1e-9);
    close(m.scale, h.scale * 60, 1e-9);
  });

  it('refuses n < 2, non-positive times and identical times, with a reason', () => {
    for (const [times, key] of [
      [[], 'life.tooFewTimes'],
      [[5], 'life.tooFewTimes'],
      [[1, 0, 3], 'life.nonPositiveTime'],
      [[1, -2, 3], 'life.nonPositiveTime'],
      [[4, 4, 4], 'life.identicalTimes'],
    ] as const) {
      const r = fitWeibull(times);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason.key).toBe(key);
        expect(r.reason.zh.length).toBeGreaterThan(0);
      }
    }
  });

  it('weibullQuantile is null outside (0, 1)', () => {
    const w = okW(fitWeibull(LIFE));
    expect(weibullQuantile(0, w)).toBeNull();
    expect(weibullQuantile(1, w)).toBeNull();
    expect(weibullQuantile(Number.NaN, w)).toBeNull();
  });
});

describe('fitLognormal (closed-form MLE, divisor n) against scipy', () => {
  it('GaAs pseudo-failure times', () => {
    // scipy.stats.lognorm.fit(floc=0): mu 8.518441704558143, sigma 0.20756003159544958,
    // median 5006.2464642945, logLik −125.47568348255123 (gaaslaser_degradation.py).
    const l = okL(fitLognormal(GAAS_PFT));
    close(l.mu, 8.518441704558143, 1e-12);
    close(l.sigma, 0.20756003159544958, 1e-9);
    close(l.median, 5006.2464642945, 1e-10);
    close(l.logLik, -125.47568348255123, 1e-10);
    // scipy.stats.lognorm.ppf(0.1, 0.20756003159544958, 0, exp(8.518441704558143)) = 3836.9874563900084
    close(lognormalQuantile(0.1, l), 3836.9874563900084, 1e-9);
    expect(lognormalQuantile(0, l)).toBeNull();
  });

  it('a second sample', () => {
    // path_models.py: mu 3.998337593813017, sigma 0.7772072175289992, median 54.507461132511665,
    // logLik −36.156594964521226.
    const l = okL(fitLognormal(LIFE));
    close(l.mu, 3.998337593813017, 1e-12);
    close(l.sigma, 0.7772072175289992, 1e-9);
    close(l.median, 54.507461132511665, 1e-10);
    close(l.logLik, -36.156594964521226, 1e-10);
    // scipy.stats.lognorm.ppf(0.1, 0.7772072175289992, 0, 54.507461132511665) = 20.13191702657693
    close(lognormalQuantile(0.1, l), 20.13191702657693, 1e-9);
  });

  it('refuses n < 2, non-positive and identical times', () => {
    expect(fitLognormal([3]).ok).toBe(false);
    expect(fitLognormal([3, 0]).ok).toBe(false);
    expect(fitLognormal([3, 3, 3]).ok).toBe(false);
  });
});

describe('life fits: properties (fast-check)', () => {
  const time = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });
  const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

  function allFiniteOrNull(v: unknown): boolean {
    if (v === null || v === undefined) return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(allFiniteOrNull);
    if (typeof v === 'object') return Object.values(v as object).every(allFiniteOrNull);
    return true;
  }

  it('never yields NaN or Infinity for arbitrary finite inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(time, anyDouble), { maxLength: 20 }), fc.double({ noNaN: true }), (ts, p) => {
        const w = fitWeibull(ts);
        const l = fitLognormal(ts);
        expect(allFiniteOrNull(w)).toBe(true);
        expect(allFiniteOrNull(l)).toBe(true);
        if (w.ok) {
          expect(w.shape).toBeGreaterThan(0);
          expect(w.scale).toBeGreaterThan(0);
          const q = weibullQuantile(p, w);
          expect(q === null || Number.isFinite(q)).toBe(true);
        }
        if (l.ok) {
          expect(l.sigma).toBeGreaterThan(0);
          const q = lognormalQuantile(p, l);
          expect(q === null || Number.isFinite(q)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the Weibull fit maximises the likelihood (moving shape or scale lowers it)', () => {
    // ln L(β, α) = Σ [ln β − β ln α + (β − 1) ln t − (t/α)^β], written out here independently.
    const logLik = (ts: number[], beta: number, alpha: number) =>
      ts.reduce((s, t) => s + Math.log(beta) - beta * Math.log(alpha) + (beta - 1) * Math.log(t) - (t / alpha) ** beta, 0);
    const t = fc.double({ min: 0.1, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(fc.array(t, { minLength: 3, maxLength: 15 }), (ts) => {
        const w = fitWeibull(ts);
        if (!w.ok) return;
        const best = logLik(ts, w.shape, w.scale);
        close(best, w.logLik, 1e-9);
        for (const [db, da] of [
          [1.01, 1],
          [0.99, 1],
          [1, 1.01],
          [1, 0.99],
        ]) {
          expect(logLik(ts, w.shape * db, w.scale * da)).toBeLessThanOrEqual(best + 1e-9 * Math.abs(best));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
