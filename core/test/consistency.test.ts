import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, parameterConsistency, stageConsistency } from '../src/metrics/consistency.js';

function close(actual: number | null, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const T0 = [12.02, 11.98, 12.05, 12.01, 11.97, 12.03, 12.0, 11.99, 12.04, 12.02, 11.96, 12.01];
const T1 = [11.95, 12.08, 11.9, 12.06, 11.99, 12.1, 11.93, 12.02, 11.97, 12.05, 11.91, 12.04];
const SPREAD = [100.0, 140.0, 75.0, 180.0, 60.0];

// Expected values: core/test/reference/consistency.py (numpy mean, std(ddof=1); scipy chi2.ppf).
describe('stageConsistency against numpy/scipy', () => {
  it.each([
    ['t0', T0, 0.95, 12.006666666666666, 0.02774341308665808, 0.002310667386451256, 0.0016368633935813894, 0.003923246921751389],
    ['t0', T0, 0.9, 12.006666666666666, 0.02774341308665808, 0.002310667386451256, 0.0017277239983747674, 0.0035830128068108477],
    ['t1', T1, 0.95, 12.0, 0.06809084840390545, 0.00567423736699212, 0.004019569979595836, 0.00963439331981125],
    ['t1', T1, 0.9, 12.0, 0.06809084840390545, 0.00567423736699212, 0.004242694896776894, 0.00879882672511775],
    ['spread', SPREAD, 0.95, 111.0, 49.040799340956916, 0.4418090030716839, 0.25077991419206475, 2.9196353025840738],
    ['spread', SPREAD, 0.9, 111.0, 49.040799340956916, 0.4418090030716839, 0.2726796874592637, 1.48672500900238],
  ] as const)('%s at %s', (stage, values, conf, mean, sd, cv, lower, upper) => {
    const r = stageConsistency({ stage, values }, conf);
    expect(r.n).toBe(values.length);
    close(r.mean, mean, 1e-14);
    close(r.sd, sd, 1e-12);
    close(r.cv, cv, 1e-12);
    close(r.cvLower, lower);
    close(r.cvUpper, upper);
    expect(r.confidence).toBe(conf);
    expect(r.undefinedReason).toBeUndefined();
  });

  it('labels the stage: t0 is initial with usage 0; others keep their declared usage', () => {
    expect(stageConsistency({ stage: 't0', values: T0 })).toMatchObject({ isInitial: true, usageHours: 0 });
    expect(stageConsistency({ stage: ' T0 ', values: T0 })).toMatchObject({ isInitial: true });
    expect(stageConsistency({ stage: 't1', usageHours: 1000, values: T1 })).toMatchObject({ isInitial: false, usageHours: 1000 });
    expect(stageConsistency({ stage: 't2', values: T1 })).toMatchObject({ isInitial: false, usageHours: null });
  });
});

describe('undefined CV: null with a reason', () => {
  it.each([
    [[], 'cv.tooFewValues'],
    [[5], 'cv.tooFewValues'],
    [[-1, -2, -3], 'cv.nonPositiveMean'],
    [[-1, 1], 'cv.nonPositiveMean'],
    [[0, 0, 0], 'cv.nonPositiveMean'],
    // mean 1e-7, SD ≈ 1: mean < 1e-6·SD
    [[-0.9999999, 1.0000001], 'cv.negligibleMean'],
    [[1, Number.NaN], 'cv.nonFinite'],
  ])('%j → %s', (values, key) => {
    const r = stageConsistency({ stage: 't0', values });
    expect(r.cv).toBeNull();
    expect(r.cvLower).toBeNull();
    expect(r.cvUpper).toBeNull();
    expect(r.undefinedReason?.key).toBe(key);
    expect(r.undefinedReason?.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(coefficientOfVariation(values)).toEqual({ cv: null, reason: r.undefinedReason });
  });

  it('all-equal positive values → CV 0 with interval [0, 0]', () => {
    expect(stageConsistency({ stage: 't0', values: [3, 3, 3] })).toMatchObject({ cv: 0, cvLower: 0, cvUpper: 0, sd: 0 });
  });

  it('upper bound unbounded (n 3, cv 0.866) → upper null, reason set', () => {
    // [1, 1, 4]: mean 2, SD √3, CV 0.866; n 3: upper radicand −0.2120 at 95 % (consistency.py)
    const r = stageConsistency({ stage: 't1', values: [1, 1, 4] });
    close(r.cv, Math.sqrt(3) / 2, 1e-15);
    expect(r.cvLower).not.toBeNull();
    expect(r.cvUpper).toBeNull();
    expect(r.undefinedReason?.key).toBe('cvInterval.upperUnbounded');
  });
});

describe('parameterConsistency', () => {
  it('maps every stage and keeps the name and unit', () => {
    const r = parameterConsistency({
      name: '输出电压',
      unit: 'V',
      stages: [
        { stage: 't0', values: T0 },
        { stage: 't1', usageHours: 1000, values: T1 },
      ],
    });
    expect(r.name).toBe('输出电压');
    expect(r.unit).toBe('V');
    expect(r.stages.map((s) => s.stage)).toEqual(['t0', 't1']);
    close(r.stages[1].cv, 0.00567423736699212, 1e-12);
  });
  it('unit absent → null', () => {
    expect(parameterConsistency({ name: 'x', stages: [{ stage: 't0', values: [1, 2] }] }).unit).toBeNull();
  });
});

describe('properties', () => {
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

  it('never NaN or Infinity for arbitrary finite input (empty, single, equal, negative, huge, tiny)', () => {
    const values = fc.oneof(
      fc.array(finiteDouble, { maxLength: 30 }),
      fc.tuple(finiteDouble, fc.integer({ min: 0, max: 10 })).map(([v, k]) => Array<number>(k).fill(v)),
      fc.array(fc.double({ min: 1e-320, max: 1e-300, noNaN: true }), { maxLength: 10 }),
      fc.array(fc.double({ min: 1e300, max: 1.7e308, noNaN: true }), { maxLength: 10 }),
      fc.array(fc.double({ min: -1e6, max: -1e-6, noNaN: true }), { maxLength: 10 }),
    );
    fc.assert(
      fc.property(values, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (vs, conf) => {
        const r = stageConsistency({ stage: 't0', values: vs }, conf);
        for (const v of [r.mean, r.sd, r.cv, r.cvLower, r.cvUpper]) {
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }
        if (r.cv === null) expect(r.undefinedReason).toBeDefined();
        if (r.cv !== null) {
          expect(r.cv).toBeGreaterThanOrEqual(0);
          // the interval contains the point estimate
          if (r.cvLower !== null) expect(r.cvLower).toBeLessThanOrEqual(r.cv * (1 + 1e-12));
          if (r.cvUpper !== null) expect(r.cvUpper).toBeGreaterThanOrEqual(r.cv * (1 - 1e-12));
          if (r.cvLower === null || r.cvUpper === null) expect(r.undefinedReason).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('CV is unchanged when the values are scaled by a positive constant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: 1e-100, max: 1e100, noNaN: true }),
        (values, c) => {
          const base = coefficientOfVariation(values).cv;
          const scaled = coefficientOfVariation(values.map((v) => v * c)).cv;
          expect(base).not.toBeNull();
          expect(scaled).not.toBeNull();
          // Relative tolerance: each scaled value carries one rounding (2^-53) that the SD can
          // amplify by mean/SD; the absolute floor covers CVs that are zero or nearly so.
          expect(Math.abs(scaled! - base!)).toBeLessThanOrEqual(1e-9 * base! + 1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
