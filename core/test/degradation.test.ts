import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parameterDegradation, unitDegradation } from '../src/metrics/degradation.js';
import { fitPath, PATH_MODELS } from '../src/metrics/degradationPath.js';
import { idParameterSchema, type IdParameter } from '../src/submission/reliabilitySubmission.js';

function close(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

// The GaAs laser reference data: <repoRoot>/test/data/gaaslaser.csv (see test/data/README.md).
const GAAS_CSV = fileURLToPath(new URL('../../test/data/gaaslaser.csv', import.meta.url));

function gaasUnits(): IdParameter['units'] {
  const byUnit = new Map<string, { id: string; times: number[]; values: number[] }>();
  for (const line of readFileSync(GAAS_CSV, 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [inc, unit, hours] = line.split(',').map(Number);
    const id = String(unit);
    if (!byUnit.has(id)) byUnit.set(id, { id, times: [], values: [] });
    byUnit.get(id)!.times.push(hours);
    byUnit.get(id)!.values.push(inc);
  }
  return [...byUnit.values()];
}

/** A GaAs Id parameter: failure at a 10 % increase in operating current (Meeker & Escobar 1998). */
function gaas(overrides: Partial<IdParameter> = {}): IdParameter {
  return idParameterSchema.parse({
    name: '工作电流增加',
    unit: '%',
    limit: 10,
    direction: 'max',
    ratedLife: 4000,
    baseline: 0,
    model: 'linear',
    units: gaasUnits(),
    ...overrides,
  });
}

// Expected values: core/test/reference/gaaslaser_degradation.py (numpy.polyfit per unit,
// pseudo-failure time (10 − a)/b, prediction a + b·4000, drift share prediction/10).
const EXPECTED: Record<string, { pft: number; pred: number; share: number }> = {
  '101': { pft: 3702.035255784492, pred: 10.80796470588235, share: 1.080796470588235 },
  '102': { pft: 4194.424791988441, pred: 9.540905882352941, share: 0.9540905882352941 },
  '103': { pft: 5846.754435495856, pred: 6.953850980392155, share: 0.6953850980392156 },
  '104': { pft: 6172.070557832574, pred: 6.570392156862745, share: 0.6570392156862745 },
  '105': { pft: 5300.978671384979, pred: 7.4813078431372535, share: 0.7481307843137254 },
  '106': { pft: 3592.3585644558098, pred: 11.155729411764705, share: 1.1155729411764705 },
  '107': { pft: 6050.78637304989, pred: 6.569070588235293, share: 0.6569070588235293 },
  '108': { pft: 6538.474990005103, pred: 6.17166862745098, share: 0.617166862745098 },
  '109': { pft: 5110.062614545749, pred: 7.849809803921566, share: 0.7849809803921566 },
  '110': { pft: 3306.484029259787, pred: 12.100835294117646, share: 1.2100835294117647 },
  '111': { pft: 5326.347142413973, pred: 7.539484313725489, share: 0.7539484313725489 },
  '112': { pft: 4994.553789685636, pred: 8.031529411764705, share: 0.8031529411764705 },
  '113': { pft: 4720.523449550363, pred: 8.446562745098039, share: 0.8446562745098039 },
  '114': { pft: 5688.935747140252, pred: 6.968890196078431, share: 0.6968890196078431 },
  '115': { pft: 6101.838073405992, pred: 6.546403921568625, share: 0.6546403921568624 },
};

describe('parameterDegradation on the GaAs laser data (10 % threshold)', () => {
  const r = parameterDegradation(gaas());

  it('uses the declared linear form for all 15 units', () => {
    expect(r.model).toBe('linear');
    expect(r.declaredModel).toBe('linear');
    expect(r.units).toHaveLength(15);
    expect(r.warnings.map((w) => w.key)).not.toContain('id.modelAutoSelected');
  });

  it.each(Object.entries(EXPECTED))('unit %s: pseudo-failure time, projection and drift share match numpy', (id, e) => {
    const u = r.units.find((x) => x.id === id)!;
    expect(u.applicable).toBe(true);
    expect(u.baseline).toBe(0);
    close(u.pseudoFailureTime, e.pft, 1e-10);
    close(u.predictedAtRatedLife, e.pred, 1e-10);
    close(u.driftAtRatedLife, e.pred, 1e-10); // baseline 0, direction 'max'
    close(u.driftShare, e.share, 1e-10);
    expect(u.allowedDrift).toBe(10);
    expect(u.withinSpecAtRatedLife).toBe(e.pred <= 10);
    expect(u.r2!).toBeGreaterThanOrEqual(0.98);
  });

  it('pseudo-failure times span about 3,300–6,540 h (reference README)', () => {
    const ts = r.units.map((u) => u.pseudoFailureTime!);
    close(Math.min(...ts), 3306.484029259787, 1e-10);
    close(Math.max(...ts), 6538.474990005103, 1e-10);
  });

  it('is not an effective model at 4000 h: units 101, 106 and 110 project beyond 10 %', () => {
    // reference script: outOfSpecAtRated = ['101', '106', '110']; worstDriftShare 1.2100835294117647
    expect(r.effectiveModel).toBe(false);
    const out = r.effectiveModelReasons.filter((n) => n.key === 'id.unitOutOfSpecAtRatedLife');
    expect(out.map((n) => n.en.match(/unit (\d+)/)![1]).sort()).toEqual(['101', '106', '110']);
    expect(r.effectiveModelReasons).toHaveLength(3);
    expect(out[0].zh).toMatch(/额定寿命/);
    close(r.worstDriftShare, 1.2100835294117647, 1e-10);
  });

  it('fits a Weibull (shape ≈ 6.41, scale ≈ 5508 h) and a lognormal to the 15 pseudo-failure times', () => {
    // gaaslaser_degradation.py: weibull shape 6.407072007283176, scale 5507.5951651264895,
    // logLik −124.08811301083135, B10 3876.3589393819298; lognormal mu 8.518441704558143,
    // sigma 0.20756003159544958, logLik −125.47568348255123.
    const life = r.lifeDistribution!;
    expect(life).not.toBeNull();
    expect(life.n).toBe(15);
    close(life.weibull!.shape, 6.407072007283176, 1e-8);
    close(life.weibull!.scale, 5507.5951651264895, 1e-9);
    close(life.weibull!.logLik, -124.08811301083135, 1e-9);
    close(life.b10Life, 3876.3589393819298, 1e-8);
    close(life.lognormal!.mu, 8.518441704558143, 1e-12);
    close(life.lognormal!.sigma, 0.20756003159544958, 1e-9);
    close(life.lognormal!.logLik, -125.47568348255123, 1e-9);
    // scipy.stats.lognorm.ppf(0.1, …) = 3836.9874563900084 (reference/path_models.py, last lines)
    close(life.b10LifeLognormal, 3836.9874563900084, 1e-9);
    expect(life.preferred).toBe('weibull'); // −124.09 > −125.48
    expect(life.warnings).toEqual([]);
  });

  it('is an effective model at a 3000 h rated life (all units within spec, every R² ≥ 0.9)', () => {
    // reference script: outOfSpecAt3000 = [], minimum R² 0.9813923905464373
    const r3 = parameterDegradation(gaas({ ratedLife: 3000 }));
    expect(r3.effectiveModel).toBe(true);
    expect(r3.effectiveModelReasons).toEqual([]);
  });

  it('minR2 is configurable: at 0.99 units 104 (R² 0.9814) and 112 (R² 0.9869) fail it', () => {
    const r3 = parameterDegradation(gaas({ ratedLife: 3000 }), { minR2: 0.99 });
    expect(r3.effectiveModel).toBe(false);
    expect(r3.minR2).toBe(0.99);
    const low = r3.effectiveModelReasons.filter((n) => n.key === 'id.unitR2Low');
    expect(low.map((n) => n.en.match(/unit (\d+)/)![1]).sort()).toEqual(['104', '112']);
  });

  it("'auto' picks one form for all units by mean original-scale R²: linear", () => {
    // gaaslaser_degradation.py meanR2: linear 0.9947647210970572, power 0.9875895399941874,
    // logarithmic 0.8846969632652076 (t = 0 excluded); exponential impossible (y = 0 at t = 0).
    const a = parameterDegradation(gaas({ model: 'auto' }));
    expect(a.model).toBe('linear');
    expect(a.declaredModel).toBe('auto');
    const sel = Object.fromEntries(a.modelSelection.map((c) => [c.candidate, c]));
    close(sel.linear.meanR2, 0.9947647210970572, 1e-10);
    close(sel.power.meanR2, 0.9875895399941874, 1e-10);
    close(sel.logarithmic.meanR2, 0.8846969632652076, 1e-10);
    expect(sel.exponential.meanR2).toBeNull();
    expect(sel.exponential.applicableUnits).toBe(0);
    expect(sel.power.applicableUnits).toBe(15);
    expect(a.warnings.map((w) => w.key)).toContain('id.modelAutoSelected');
    expect(new Set(a.units.map((u) => u.model))).toEqual(new Set(['linear']));
  });

  it('power form on GaAs: the t = 0 points are excluded with a note on every unit', () => {
    const p = parameterDegradation(gaas({ model: 'power' }));
    for (const u of p.units) {
      expect(u.n).toBe(16);
      expect(u.warnings.map((w) => w.key)).toContain('path.excludedNonPositiveTime');
    }
  });

  it('without a declared baseline, each unit drifts from its value at the earliest time', () => {
    const params = gaas({ baseline: undefined });
    const u = unitDegradation(params, params.units[0], 'linear');
    expect(u.baseline).toBe(0); // GaAs units start at 0.0 at 0 h
  });
});

describe('unitDegradation: direction and edge cases', () => {
  const base = (over: Partial<IdParameter>): IdParameter =>
    idParameterSchema.parse({
      name: 'p',
      limit: 80,
      direction: 'min',
      ratedLife: 8,
      model: 'linear',
      units: [{ id: 'u', times: [0, 1, 2, 3, 4, 5], values: [100, 97.9, 96.2, 93.8, 92.1, 90.0] }],
      ...over,
    });

  it("'min' direction: a falling value toward a lower limit", () => {
    // path_models.py minDirection: a 99.98571428571425, b −1.9942857142857124,
    // pseudo-failure time 10.021489971346698, predicted(8) 84.03142857142855,
    // drift toward the limit 15.968571428571451, share 0.7984285714285726 (baseline 100 at t = 0).
    const p = base({});
    const u = unitDegradation(p, p.units[0], 'linear');
    close(u.a, 99.98571428571425, 1e-12);
    close(u.b, -1.9942857142857124, 1e-12);
    close(u.pseudoFailureTime, 10.021489971346698, 1e-12);
    close(u.predictedAtRatedLife, 84.03142857142855, 1e-12);
    expect(u.baseline).toBe(100);
    close(u.driftAtRatedLife, 15.968571428571451, 1e-10);
    close(u.allowedDrift, 20, 1e-12);
    close(u.driftShare, 0.7984285714285726, 1e-10);
    expect(u.withinSpecAtRatedLife).toBe(true);
  });

  it('the earliest time is found even when measurements are not in time order', () => {
    const p = base({ units: [{ id: 'u', times: [3, 0, 5, 1, 4, 2], values: [93.8, 100, 90.0, 97.9, 92.1, 96.2] }] });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.baseline).toBe(100);
    close(u.pseudoFailureTime, 10.021489971346698, 1e-12);
  });

  it('a path moving away from the limit never reaches it: null with a reason', () => {
    const p = base({ direction: 'max', limit: 120 });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.pseudoFailureTime).toBeNull();
    expect(u.pseudoFailureReason?.key).toBe('id.pathAwayFromLimit');
    expect(u.pseudoFailureReason?.zh).toMatch(/远离/);
    expect(u.withinSpecAtRatedLife).toBe(true);
    expect(u.driftShare! < 0).toBe(true); // drifting away consumes a negative share
  });

  it('a flat path: null pseudo-failure time, r2 undefined', () => {
    const p = base({ units: [{ id: 'u', times: [0, 1, 2], values: [90, 90, 90] }] });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.pseudoFailureTime).toBeNull();
    expect(u.pseudoFailureReason?.key).toBe('id.flatPath');
    expect(u.r2).toBeNull();
    close(u.driftShare, 0, 1e-12);
  });

  it('a path already beyond the limit at t = 0: pseudo-failure time 0 with a warning', () => {
    // 'min' limit 101, path starts near 100 (baseline = first value 100): already below the limit.
    const p = base({ limit: 101 });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.pseudoFailureTime).toBe(0);
    expect(u.warnings.map((w) => w.key)).toContain('id.outOfSpecAtStart');
    expect(u.driftShare).toBeNull();
    expect(u.warnings.map((w) => w.key)).toContain('id.baselineOutOfSpec');
  });

  it('baseline equal to the limit: drift share undefined with a note', () => {
    const p = base({ baseline: 80 });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.driftShare).toBeNull();
    expect(u.allowedDrift).toBe(0);
    expect(u.warnings.map((w) => w.key)).toContain('id.noAllowedDrift');
  });

  it('too few points: not applicable, not within spec, with reason', () => {
    const p = base({ units: [{ id: 'u', times: [0, 1], values: [100, 99] }] });
    const u = unitDegradation(p, p.units[0], 'linear');
    expect(u.applicable).toBe(false);
    expect(u.fitReason?.key).toBe('path.tooFewPoints');
    expect(u.pseudoFailureTime).toBeNull();
    expect(u.withinSpecAtRatedLife).toBe(false);
    const r = parameterDegradation(p);
    expect(r.effectiveModel).toBe(false);
    expect(r.effectiveModelReasons[0].key).toBe('id.unitNotFitted');
  });

  it('fewer than 5 pseudo-failure times: no life distribution, with reason', () => {
    const all = gaasUnits();
    const p = idParameterSchema.parse({
      name: 'p',
      limit: 10,
      direction: 'max',
      ratedLife: 4000,
      baseline: 0,
      model: 'linear',
      units: all.slice(0, 4),
    });
    const r = parameterDegradation(p);
    expect(r.lifeDistribution).toBeNull();
    expect(r.lifeDistributionReason?.key).toBe('id.lifeTooFewUnits');
  });

  it('units that never reach the limit enter the life fit right-censored at their last inspection, with a warning', () => {
    const all = gaasUnits();
    const away = { id: 'away', times: [0, 1000, 2000, 3000], values: [0, -0.5, -1, -1.6] };
    const p = gaas({ units: [...all, away] });
    const r = parameterDegradation(p);
    expect(r.lifeDistribution?.n).toBe(15);
    expect(r.lifeDistribution?.warnings.map((w) => w.key)).toContain('id.lifeUnitsWithoutPseudoFailure');
    // 15 pseudo-failure times + 'away' right-censored at 3000 h: scipy.optimize on scipy.stats
    // likelihoods, core/test/reference/censored_life.py (Nelder–Mead: agreement to about 1e-8).
    close(r.lifeDistribution!.weibull!.shape, 6.432183150280122, 1e-7);
    close(r.lifeDistribution!.weibull!.scale, 5510.046664846788, 1e-7);
    close(r.lifeDistribution!.weibull!.logLik, -124.10832487079716, 1e-12);
  });
});

describe('degradation properties (fast-check)', () => {
  function allFiniteOrNull(v: unknown): boolean {
    if (v === null || v === undefined) return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(allFiniteOrNull);
    if (typeof v === 'object') return Object.values(v as object).every(allFiniteOrNull);
    return true;
  }

  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  const nonNeg = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true });
  const positive = fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true });
  const unitArb = (time: fc.Arbitrary<number>, value: fc.Arbitrary<number>) =>
    fc.array(fc.tuple(time, value), { maxLength: 10 }).map((pts) => ({
      id: 'u',
      times: pts.map((p) => p[0]),
      values: pts.map((p) => p[1]),
    }));
  const paramArb = (time: fc.Arbitrary<number>, value: fc.Arbitrary<number>, rated: fc.Arbitrary<number>) =>
    fc.record({
      name: fc.constant('p'),
      limit: value,
      direction: fc.constantFrom('min' as const, 'max' as const),
      ratedLife: rated,
      baseline: fc.option(value, { nil: undefined }),
      model: fc.constantFrom('auto' as const, ...PATH_MODELS),
      units: fc.array(unitArb(time, value), { minLength: 1, maxLength: 7 }),
    });

  it('never yields NaN or Infinity for arbitrary finite inputs', () => {
    fc.assert(
      fc.property(paramArb(nonNeg, finiteDouble, positive), fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1 }), (param, minR2) => {
        const r = parameterDegradation(param as IdParameter, { minR2 });
        expect(allFiniteOrNull(r)).toBe(true);
        expect(typeof r.effectiveModel).toBe('boolean');
        for (const u of r.units) expect(typeof u.withinSpecAtRatedLife).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('a pseudo-failure time, when present, satisfies predict(t) ≈ limit (or the path starts beyond the limit)', () => {
    const time = fc.integer({ min: 0, max: 100_000 }).map((i) => i / 10);
    const value = fc.double({ min: 0.01, max: 1e3, noNaN: true });
    const rated = fc.double({ min: 1, max: 1e5, noNaN: true });
    fc.assert(
      fc.property(paramArb(time, value, rated), (param) => {
        const p = param as IdParameter;
        const r = parameterDegradation(p);
        r.units.forEach((u, i) => {
          if (u.pseudoFailureTime === null) {
            expect(u.pseudoFailureReason).toBeDefined();
            return;
          }
          expect(u.pseudoFailureTime).toBeGreaterThanOrEqual(0);
          const fit = fitPath(p.units[i].times, p.units[i].values, r.model);
          if (!fit.applicable) throw new Error('pseudo-failure time without a fit');
          if (u.warnings.some((w) => w.key === 'id.outOfSpecAtStart')) {
            expect(u.pseudoFailureTime).toBe(0);
            // Beyond the limit between t = 0 and the crossing (if any): probe half-way to it.
            const cross = fit.solveTime(p.limit);
            const probe = cross !== null && cross > 0 ? cross / 2 : 1;
            const at = fit.predict(probe);
            if (at !== null) expect(p.direction === 'max' ? at >= p.limit : at <= p.limit).toBe(true);
            return;
          }
          const v = fit.predict(u.pseudoFailureTime!);
          expect(v).not.toBeNull();
          expect(Math.abs(v! - p.limit)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(p.limit), Math.abs(fit.a)));
        });
      }),
      { numRuns: 1000 },
    );
  });
});
