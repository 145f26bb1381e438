import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleMoments } from '../src/stats/moments.js';

/** |actual − expected| ≤ rel·|expected|. */
function expectRelative(actual: number | null, expected: number, rel: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

// Expected values: exact rational arithmetic on the same doubles,
// core/test/reference/moments.py (fractions.Fraction + 50-digit decimal sqrt).
describe('sampleMoments against exact arithmetic (reference/moments.py)', () => {
  it('keeps the SD exact to 1e-9 for values near 1e9 differing in the first decimal', () => {
    const values = [1000000000.1, 1000000000.2, 1000000000.3, 1000000000.4, 1000000000.5, 1000000000.6, 1000000000.7, 1000000000.8, 1000000000.9, 1000000001.0];
    const m = sampleMoments(values);
    expect(m.n).toBe(10);
    expectRelative(m.mean, 1000000000.55, 1e-15);
    // Exact SD of these doubles (not of the decimal offsets 0.1…1.0, whose SD 0.3027650354… differs
    // from it at 3e-8 because the literals round to multiples of 2^-23).
    expectRelative(m.sd, 0.30276502666007726, 1e-9);
  });

  it('textbook data set', () => {
    const m = sampleMoments([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.mean).toBe(5);
    expectRelative(m.sd, 2.138089935299395, 1e-14);
  });

  it('mixed signs', () => {
    const m = sampleMoments([-3.5, 2.25, -0.125, 7.0, 1.5, -2.0]);
    expectRelative(m.mean, 0.8541666666666666, 1e-14);
    expectRelative(m.sd, 3.693251164850106, 1e-14);
  });

  it('huge values whose squares overflow', () => {
    const m = sampleMoments([1e300, 2e300, 3e300, 4e300]);
    expectRelative(m.mean, 2.5e300, 1e-14);
    expectRelative(m.sd, 1.2909944487358056e300, 1e-14);
  });

  it('values near the double maximum whose sum overflows', () => {
    const m = sampleMoments([1.7e308, 1.6e308, 1.5e308]);
    expectRelative(m.mean, 1.6e308, 1e-14);
    expectRelative(m.sd, 9.999999999999996e306, 1e-13);
  });

  it('tiny values whose squared deviations underflow', () => {
    const m = sampleMoments([1e-200, 2e-200, 3e-200, 5e-200]);
    expectRelative(m.mean, 2.75e-200, 1e-14);
    expectRelative(m.sd, 1.707825127659933e-200, 1e-14);
  });

  it('subnormal values', () => {
    const m = sampleMoments([5e-324, 1e-323, 1.5e-323]);
    expect(m.mean).toBe(1e-323);
    expect(m.sd).toBe(5e-324);
  });
});

describe('sampleMoments edge cases', () => {
  it('empty → mean and sd null', () => {
    expect(sampleMoments([])).toEqual({ n: 0, mean: null, sd: null });
  });
  it('one value → sd null', () => {
    expect(sampleMoments([3.5])).toEqual({ n: 1, mean: 3.5, sd: null });
  });
  it('all equal → sd 0', () => {
    expect(sampleMoments([7, 7, 7, 7, 7])).toEqual({ n: 5, mean: 7, sd: 0 });
    expect(sampleMoments([0, 0, 0])).toEqual({ n: 3, mean: 0, sd: 0 });
  });
  it('non-finite input → null, never NaN', () => {
    expect(sampleMoments([1, Number.NaN, 3])).toEqual({ n: 3, mean: null, sd: null });
    expect(sampleMoments([1, Infinity])).toEqual({ n: 2, mean: null, sd: null });
    expect(sampleMoments([-Infinity, Infinity])).toEqual({ n: 2, mean: null, sd: null });
  });
  it('an SD beyond the double range → sd null, mean kept', () => {
    // sd = 1.7e308·√2 > Number.MAX_VALUE
    const m = sampleMoments([-1.7e308, 1.7e308]);
    expect(m.mean).toBe(0);
    expect(m.sd).toBeNull();
  });
  it('odd lengths exercise the unrolled loops’ remainders (against exact values)', () => {
    // 1..7: mean 4, sample variance 28/6 → sd √(14/3); 1..5: mean 3, sd √2.5
    expectRelative(sampleMoments([1, 2, 3, 4, 5, 6, 7]).sd, Math.sqrt(14 / 3), 1e-15);
    expectRelative(sampleMoments([1, 2, 3, 4, 5]).sd, Math.sqrt(2.5), 1e-15);
    expectRelative(sampleMoments([1, 2, 3]).sd, 1, 1e-15);
  });
});

describe('sampleMoments properties', () => {
  it('never returns NaN or Infinity for finite input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 40 }), (values) => {
        const m = sampleMoments(values);
        for (const v of [m.mean, m.sd]) {
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }
        expect(m.n).toBe(values.length);
        if (values.length > 0) expect(m.mean).not.toBeNull();
        if (m.sd !== null) expect(m.sd).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('the mean lies within [min, max]', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const m = sampleMoments(values);
        expect(m.mean!).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m.mean!).toBeLessThanOrEqual(Math.max(...values));
      }),
      { numRuns: 1000 },
    );
  });

  it('shift invariance of the SD: sd(x + c) = sd(x) for offsets far above the spread', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: 1, max: 1_000_000 }), (ints, shift) => {
        // Integers and integer shifts are exact in doubles, so the two SDs are of the same data.
        const base = sampleMoments(ints);
        const shifted = sampleMoments(ints.map((v) => v + shift));
        expect(Math.abs(shifted.sd! - base.sd!)).toBeLessThanOrEqual(1e-12 * Math.max(1, base.sd!));
      }),
      { numRuns: 500 },
    );
  });
});
