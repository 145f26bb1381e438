import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vangelCvInterval } from '../src/metrics/cvInterval.js';

function close(actual: number | null, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.max(Math.abs(expected), 1e-300));
}

describe('vangelCvInterval', () => {
  it('published check: cv 0.1, n 10, 95 % → 0.06860–0.18419 (Vangel 1996)', () => {
    const { lower, upper, reason } = vangelCvInterval(0.1, 10);
    expect(reason).toBeUndefined();
    expect(lower!.toFixed(5)).toBe('0.06860');
    expect(upper!.toFixed(5)).toBe('0.18419');
  });

  // Expected values: core/test/reference/cvInterval.py (scipy chi2.ppf).
  it.each([
    [0.1, 10, 0.95, 0.06860486399473838, 0.1841949667300309],
    [0.05, 5, 0.95, 0.029934789210420833, 0.1444297618369486],
    [0.2, 30, 0.9, 0.16401759451493972, 0.2588660841782064],
    [0.01, 100, 0.99, 0.008439651346616648, 0.01220067779453157],
    [0.3, 2, 0.95, 0.13093121963864948, 9.364661471375495],
  ])('cv %s, n %s, confidence %s matches scipy', (cv, n, conf, lower, upper) => {
    const r = vangelCvInterval(cv, n, conf);
    close(r.lower, lower);
    // n = 2 has an upper radicand of 1e-3: allow for the chi-square quantile's last digits.
    close(r.upper, upper, n === 2 ? 1e-7 : 1e-9);
  });

  it('cv 0 → [0, 0]', () => {
    expect(vangelCvInterval(0, 8)).toEqual({ lower: 0, upper: 0 });
  });

  it('upper radicand ≤ 0 → upper null with a reason (cv 1, n 3: radicand −0.291 in scipy)', () => {
    const r = vangelCvInterval(1, 3);
    close(r.lower, 0.4146986705473618);
    expect(r.upper).toBeNull();
    expect(r.reason?.key).toBe('cvInterval.upperUnbounded');
  });

  it('n 2 and cv 100: the upper bound of the formula (45.12 in scipy) is below the estimate → null with a reason', () => {
    const r = vangelCvInterval(100, 2);
    close(r.lower, 0.6308871425964291, 1e-7);
    expect(r.upper).toBeNull();
    expect(r.reason?.key).toBe('cvInterval.outsideValidity');
  });

  it('undefined inputs → nulls with reasons, never NaN', () => {
    expect(vangelCvInterval(0.1, 1)).toMatchObject({ lower: null, upper: null, reason: { key: 'cvInterval.tooFewValues' } });
    expect(vangelCvInterval(0.1, 10, 95)).toMatchObject({ lower: null, upper: null, reason: { key: 'cvInterval.invalidConfidence' } });
    expect(vangelCvInterval(-0.1, 10)).toMatchObject({ lower: null, upper: null, reason: { key: 'cvInterval.invalidCv' } });
    expect(vangelCvInterval(Number.NaN, 10)).toMatchObject({ lower: null, upper: null, reason: { key: 'cvInterval.invalidCv' } });
    expect(vangelCvInterval(0.1, 2.5)).toMatchObject({ lower: null, upper: null });
  });

  it('property: the interval contains the point estimate and is finite', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 5000 }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (cv, n, conf) => {
          const r = vangelCvInterval(cv, n, conf);
          expect(r.lower).not.toBeNull();
          expect(Number.isFinite(r.lower!)).toBe(true);
          expect(r.lower!).toBeLessThanOrEqual(cv * (1 + 1e-12));
          if (r.upper === null) {
            expect(['cvInterval.upperUnbounded', 'cvInterval.outsideValidity']).toContain(r.reason?.key);
          } else {
            expect(Number.isFinite(r.upper)).toBe(true);
            expect(r.upper).toBeGreaterThanOrEqual(cv * (1 - 1e-12));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
