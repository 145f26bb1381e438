import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { incompleteGamma } from '../src/stats/incompleteGamma.js';
import { betaQuantile, binomialCdf, chiSquareQuantile, normalQuantile, tQuantile } from '../src/stats/quantiles.js';
import { periodFailureRate } from '../src/metrics/failureRate.js';
import { vangelCvInterval } from '../src/metrics/cvInterval.js';

/**
 * Every distribution function in core/src/stats/ against a table computed with mpmath at 60
 * digits by core/test/reference/distributions.py (≥ 1,000 points each for the incomplete gamma
 * function and the chi-square quantile, over shapes 0.5 … 5e6 = degrees of freedom 1 … 1e7 and
 * probabilities 1e-10 … 1 − 1e-10). The bound is the one promised: 1e-10 relative.
 */
interface Table {
  gamma: [number, number, string, string][];
  chisq: [number, number, string][];
  normal: [number, string][];
  t: [number, number, string][];
  beta: [number, number, number, string][];
  binom: [number, number, number, string, string][];
  cases: {
    garwoodUpper938: { failures: number; exposure: number; confidence: number; upper: string };
    vangelLower2175: { cv: number; n: number; confidence: number; lower: string };
  };
}

const TABLE: Table = JSON.parse(readFileSync(fileURLToPath(new URL('./reference/distributions.json', import.meta.url)), 'utf8'));
const BOUND = 1e-10;

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** The largest relative error over rows, and the row it occurs at (printed on failure). */
function worst<T>(rows: readonly T[], error: (row: T) => number): { error: number; row: T | undefined } {
  let max = 0;
  let at: T | undefined;
  for (const row of rows) {
    const e = error(row);
    if (!(e <= max)) {
      max = e;
      at = row;
    }
  }
  return { error: max, row: at };
}

describe('reference table (mpmath, 60 digits)', () => {
  it('has at least 1,000 points for the incomplete gamma function and the chi-square quantile over the promised range', () => {
    expect(TABLE.gamma.length).toBeGreaterThanOrEqual(1000);
    expect(TABLE.chisq.length).toBeGreaterThanOrEqual(1000);
    const shapes = TABLE.gamma.map((r) => r[0]);
    expect(Math.min(...shapes)).toBe(0.5);
    expect(Math.max(...shapes)).toBe(5e6);
    const dfs = TABLE.chisq.map((r) => r[1]);
    expect(Math.min(...dfs)).toBe(1);
    expect(Math.max(...dfs)).toBe(1e7);
    const ps = TABLE.chisq.map((r) => r[0]);
    expect(Math.min(...ps)).toBe(1e-10);
    expect(Math.max(...ps)).toBe(1 - 1e-10);
  });
});

describe('regularised incomplete gamma P(a, x), Q(a, x)', () => {
  it('P within 1e-10 relative of mpmath at every point', () => {
    const w = worst(TABLE.gamma, ([a, x, p]) => relativeError(incompleteGamma(a, x).p, Number(p)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('Q within 1e-10 relative of mpmath at every point', () => {
    const w = worst(TABLE.gamma, ([a, x, , q]) => relativeError(incompleteGamma(a, x).q, Number(q)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('P(1000, 1000) = 0.5042052441802155085 (mpmath.gammainc at 40 digits), where the old @stdlib function erred', () => {
    expect(relativeError(incompleteGamma(1000, 1000).p, 0.5042052441802155)).toBeLessThanOrEqual(BOUND);
  });
});

describe('quantiles', () => {
  it('chi-square quantile within 1e-10 relative of mpmath, df 1 … 1e7, p 1e-10 … 1 − 1e-10', () => {
    const w = worst(TABLE.chisq, ([p, df, x]) => relativeError(chiSquareQuantile(p, df), Number(x)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('normal quantile within 1e-10 relative of mpmath, p 1e-300 … 1 − 2^-50', () => {
    const w = worst(TABLE.normal, ([p, x]) => relativeError(normalQuantile(p), Number(x)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('t quantile within 1e-10 relative of mpmath, df 1 … 1e6', () => {
    const w = worst(TABLE.t, ([p, df, x]) => relativeError(tQuantile(p, df), Number(x)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('beta quantile within 1e-10 relative of mpmath at the Clopper–Pearson shapes (1 … 1e7)', () => {
    const w = worst(TABLE.beta, ([p, a, b, x]) => relativeError(betaQuantile(p, a, b), Number(x)));
    expect(w.error, JSON.stringify(w.row)).toBeLessThanOrEqual(BOUND);
  });
  it('binomial CDF and its upper tail within 1e-10 relative of mpmath, n up to 50,000', () => {
    const lower = worst(TABLE.binom, ([k, n, p, c]) => relativeError(binomialCdf(k, n, p), Number(c)));
    expect(lower.error, JSON.stringify(lower.row)).toBeLessThanOrEqual(BOUND);
    const upper = worst(TABLE.binom, ([k, n, p, , u]) => relativeError(binomialCdf(n - k - 1, n, 1 - p), Number(u)));
    expect(upper.error, JSON.stringify(upper.row)).toBeLessThanOrEqual(BOUND);
  });
});

describe('the two cases that were wrong at high degrees of freedom', () => {
  it('Garwood upper limit, 938 failures in 1e6 units at 95 %: 0.0010000009 (was 0.0010001657)', () => {
    const c = TABLE.cases.garwoodUpper938;
    const r = periodFailureRate({ failures: c.failures, exposure: c.exposure }, c.confidence);
    expect(relativeError(r.rateUpper!, Number(c.upper))).toBeLessThanOrEqual(1e-9);
    expect(r.rateUpper!.toFixed(10)).toBe('0.0010000009');
  });
  it('Vangel lower CV bound at n = 2175: 0.250145 (was 0.250126)', () => {
    const c = TABLE.cases.vangelLower2175;
    const r = vangelCvInterval(c.cv, c.n, c.confidence);
    expect(relativeError(r.lower!, Number(c.lower))).toBeLessThanOrEqual(1e-9);
    expect(r.lower!.toFixed(6)).toBe('0.250145');
  });
  it('at 80 % the Garwood lower limit for 1,100 failures is exact (the old code was 0.56 % too high)', () => {
    // Garwood lower limit = χ²(α/2; 2x)/(2E) with α/2 = 0.1, 2x = 2200: the mpmath row of the table.
    const row = TABLE.chisq.find(([p, df]) => p === 0.1 && df === 2200)!;
    const r = periodFailureRate({ failures: 1100, exposure: 1 }, 0.8);
    expect(relativeError(r.rateLower!, Number(row[2]) / 2)).toBeLessThanOrEqual(1e-9);
  });
});
