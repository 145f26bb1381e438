import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFailureRates, periodFailureRate } from '../src/metrics/failureRate.js';

function close(actual: number | null, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('published check: R poisson.test example (after 2 in 17877, before 9 in 16660)', () => {
  const r = compareFailureRates({ failures: 9, exposure: 16660 }, { failures: 2, exposure: 17877 });

  it('rate ratio 0.20709, interval 0.021774–1.000549, central p 0.0501', () => {
    expect(r.rateRatio!.toFixed(5)).toBe('0.20709');
    expect(r.rateRatioLower!.toFixed(6)).toBe('0.021774');
    expect(r.rateRatioUpper!.toFixed(6)).toBe('1.000549');
    expect(r.pValue!.toFixed(4)).toBe('0.0501');
    expect(r.reasons).toEqual([]);
  });

  // Expected values: core/test/reference/failureRate.py (root-finding on scipy's Poisson and
  // binomial CDFs — independent of the chi-square/beta identities used by the code).
  it('matches scipy to 1e-8', () => {
    close(r.rateRatio, 0.20709415574325793, 1e-14);
    close(r.reduction, 0.792905844256742, 1e-14);
    close(r.rateRatioLower, 0.021774062759064718, 1e-8);
    close(r.rateRatioUpper, 1.0005491044877215, 1e-8);
    close(r.pValue, 0.050106495614108904, 1e-8);
    close(r.after.rate, 0.00011187559433909493, 1e-14);
    close(r.after.rateLower, 1.3548653495774746e-5, 1e-8);
    close(r.after.rateUpper, 0.0004041331133704738, 1e-8);
    close(r.before.rate, 0.0005402160864345738, 1e-14);
    close(r.before.rateLower, 0.0002470211943204282, 1e-8);
    close(r.before.rateUpper, 0.0010254984064477293, 1e-8);
    // reduction bounds = 1 − ratio bounds
    close(r.reductionLower, 1 - 1.0005491044877215, 1e-6);
    close(r.reductionUpper, 1 - 0.021774062759064718, 1e-8);
  });

  it('p < α exactly when 1 lies outside the interval (here: inside, p > 0.05)', () => {
    expect(r.rateRatioLower! <= 1 && 1 <= r.rateRatioUpper!).toBe(true);
    expect(r.pValue!).toBeGreaterThan(0.05);
  });
});

describe('other cases against scipy (reference/failureRate.py)', () => {
  it('no failures after improvement: lower bound 0', () => {
    const r = compareFailureRates({ failures: 7, exposure: 4000 }, { failures: 0, exposure: 5000 });
    expect(r.after.rate).toBe(0);
    expect(r.after.rateLower).toBe(0);
    close(r.after.rateUpper, 0.000737775890822787, 1e-8);
    close(r.before.rateLower, 0.0007035907628799667, 1e-8);
    close(r.before.rateUpper, 0.0036056688404255952, 1e-8);
    expect(r.rateRatio).toBe(0);
    expect(r.reduction).toBe(1);
    expect(r.rateRatioLower).toBe(0);
    close(r.rateRatioUpper, 0.5550511840771619, 1e-8);
    close(r.pValue, 0.006850974781563499, 1e-8);
  });

  it('no failures before: ratio and reduction null with a reason; lower bound and p still given', () => {
    const r = compareFailureRates({ failures: 0, exposure: 1200 }, { failures: 3, exposure: 1000 });
    expect(r.rateRatio).toBeNull();
    expect(r.reduction).toBeNull();
    expect(r.rateRatioUpper).toBeNull();
    close(r.rateRatioLower, 0.4958776260370728, 1e-8);
    close(r.pValue, 0.1878287002253944, 1e-8);
    close(r.after.rateLower, 0.0006186721228956015, 1e-8);
    close(r.after.rateUpper, 0.008767273069742326, 1e-8);
    close(r.before.rateUpper, 0.003074066211761613, 1e-8);
    expect(r.reasons.map((n) => n.key)).toEqual(['failureRate.zeroBaseline']);
  });

  it('90 % confidence', () => {
    const r = compareFailureRates({ failures: 40, exposure: 21000 }, { failures: 15, exposure: 20000 }, 0.9);
    close(r.rateRatio, 0.39375, 1e-14);
    close(r.reduction, 0.60625, 1e-14);
    close(r.rateRatioLower, 0.22464602405137493, 1e-8);
    close(r.rateRatioUpper, 0.6669514051793011, 1e-8);
    close(r.pValue, 0.0018864806091384826, 1e-7);
    close(r.after.rateLower, 0.00046231652454883676, 1e-8);
    close(r.after.rateUpper, 0.0011548564880069618, 1e-8);
    close(r.before.rateLower, 0.0014378923425878442, 1e-8);
    close(r.before.rateUpper, 0.002479493767387473, 1e-8);
  });
});

describe('undefined cases', () => {
  it('no failures in either period: everything undefined with a reason', () => {
    const r = compareFailureRates({ failures: 0, exposure: 100 }, { failures: 0, exposure: 100 });
    expect(r).toMatchObject({ rateRatio: null, rateRatioLower: null, rateRatioUpper: null, reduction: null, pValue: null });
    expect(r.reasons.map((n) => n.key)).toEqual(['failureRate.noFailures']);
    expect(r.before.rate).toBe(0);
  });

  it('exposure units differ: no ratio, with a reason', () => {
    const r = compareFailureRates({ failures: 9, exposure: 16660, exposureUnit: 'units' }, { failures: 2, exposure: 17877, exposureUnit: 'unit-hours' });
    expect(r).toMatchObject({ rateRatio: null, reduction: null, pValue: null });
    expect(r.reasons[0].key).toBe('failureRate.unitMismatch');
    expect(r.after.rate).not.toBeNull();
  });

  it('invalid periods and confidence', () => {
    expect(periodFailureRate({ failures: 1.5, exposure: 10 }).reason?.key).toBe('failureRate.invalidFailures');
    expect(periodFailureRate({ failures: 1, exposure: 0 }).reason?.key).toBe('failureRate.invalidExposure');
    expect(periodFailureRate({ failures: 1, exposure: 10 }, 1.2).reason?.key).toBe('failureRate.invalidConfidence');
    const r = compareFailureRates({ failures: -1, exposure: 10 }, { failures: 1, exposure: 10 });
    expect(r.rateRatio).toBeNull();
    expect(r.reasons[0].key).toBe('failureRate.invalidFailures');
  });
});

describe('properties', () => {
  it('never NaN/Infinity; the intervals contain the estimates; p within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (xb, eb, xa, ea, conf) => {
          const r = compareFailureRates({ failures: xb, exposure: eb }, { failures: xa, exposure: ea }, conf);
          const all = [
            r.reduction,
            r.reductionLower,
            r.reductionUpper,
            r.rateRatio,
            r.rateRatioLower,
            r.rateRatioUpper,
            r.pValue,
            r.before.rate,
            r.before.rateLower,
            r.before.rateUpper,
            r.after.rate,
            r.after.rateLower,
            r.after.rateUpper,
          ];
          for (const v of all) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          for (const p of [r.before, r.after]) {
            expect(p.rateLower!).toBeLessThanOrEqual(p.rate!);
            expect(p.rateUpper!).toBeGreaterThanOrEqual(p.rate!);
          }
          if (r.rateRatio !== null) {
            expect(r.rateRatioLower!).toBeLessThanOrEqual(r.rateRatio * (1 + 1e-9));
            if (r.rateRatioUpper !== null) expect(r.rateRatioUpper).toBeGreaterThanOrEqual(r.rateRatio * (1 - 1e-9));
          }
          if (r.pValue !== null) {
            expect(r.pValue).toBeGreaterThanOrEqual(0);
            expect(r.pValue).toBeLessThanOrEqual(1);
          }
          if (r.rateRatio === null || r.pValue === null) expect(r.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the test agrees with the interval: p < α exactly when R = 1 lies outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constantFrom(0.9, 0.95, 0.99),
        (xb, eb, xa, ea, conf) => {
          const r = compareFailureRates({ failures: xb, exposure: eb }, { failures: xa, exposure: ea }, conf);
          const alpha = 1 - conf;
          fc.pre(Math.abs(r.pValue! - alpha) > 1e-9 * alpha); // skip numerical ties
          const excludesOne = r.rateRatioLower! > 1 || (r.rateRatioUpper !== null && r.rateRatioUpper < 1);
          expect(r.pValue! < alpha).toBe(excludesOne);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
