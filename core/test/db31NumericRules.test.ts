/** The numeric rules of DB31/T 1368—2022 表B.1: growth, indirect benefit and ecological reduction bands. */
import { describe, expect, it } from 'vitest';
import { directEconomicBand, ecologicalBand, indirectEconomicBand, reductionPercent, relativeGrowthPercent } from '../src/rubrics/index.js';

describe('directEconomicBand', () => {
  it('places growth at the boundaries of Table B.1', () => {
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 110 }).band).toEqual({ min: 7, max: 10 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 109.99 }).band).toEqual({ min: 4, max: 6 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 105 }).band).toEqual({ min: 4, max: 6 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 104.99 }).band).toEqual({ min: 3, max: 3 });
    expect(directEconomicBand({ salesBefore: 100, salesAfter: 100.01 }).band).toEqual({ min: 3, max: 3 });
  });

  it('is not moved across a boundary by float noise', () => {
    const r = directEconomicBand({ profitBefore: 0.3, profitAfter: 0.33 });
    expect(r.value).toBe(10);
    expect(r.band).toEqual({ min: 7, max: 10 });
  });

  it('takes the larger of sales and profit growth', () => {
    const r = directEconomicBand({ salesBefore: 1000, salesAfter: 1020, profitBefore: 100, profitAfter: 112 });
    expect(r.value).toBe(12);
    expect(r.band).toEqual({ min: 7, max: 10 });
    expect(r.reason.zh).toContain('销售额增长 2%');
    expect(r.reason.zh).toContain('利润增长 12%');
    expect(r.reason.zh).toContain('7–10');
  });

  it('suggests 0–3 for no growth or a decline, saying the table does not cover it', () => {
    for (const after of [100, 90]) {
      const r = directEconomicBand({ salesBefore: 100, salesAfter: after });
      expect(r.band).toEqual({ min: 0, max: 3 });
      expect(r.coveredByTable).toBe(false);
      expect(r.reason.key).toBe('db31.directEconomic.noGrowth');
      expect(r.reason.zh).toContain('未规定');
    }
  });

  it('treats growth from a non-positive base as undefined', () => {
    expect(relativeGrowthPercent(0, 100)).toBeNull();
    expect(relativeGrowthPercent(-5, 100)).toBeNull();
    const onlyProfit = directEconomicBand({ salesBefore: 0, salesAfter: 500, profitBefore: 100, profitAfter: 106 });
    expect(onlyProfit.value).toBe(6);
    expect(onlyProfit.band).toEqual({ min: 4, max: 6 });
    const none = directEconomicBand({ salesBefore: 0, salesAfter: 500 });
    expect(none.band).toBeNull();
    expect(none.value).toBeNull();
    expect(none.reason.key).toBe('db31.directEconomic.undefined');
    expect(directEconomicBand({}).band).toBeNull();
  });
});

describe('indirectEconomicBand', () => {
  it('uses 500/100 万元 for large and medium enterprises', () => {
    for (const size of ['large', 'medium'] as const) {
      expect(indirectEconomicBand({ costReduction: 500, size }).band).toEqual({ min: 7, max: 10 });
      expect(indirectEconomicBand({ costReduction: 499.99, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 100, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 99.99, size }).band).toEqual({ min: 3, max: 3 });
    }
  });

  it('uses 100/20 万元 for small and micro enterprises', () => {
    for (const size of ['small', 'micro'] as const) {
      expect(indirectEconomicBand({ costReduction: 100, size }).band).toEqual({ min: 7, max: 10 });
      expect(indirectEconomicBand({ costReduction: 99.99, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 20, size }).band).toEqual({ min: 4, max: 6 });
      expect(indirectEconomicBand({ costReduction: 19.99, size }).band).toEqual({ min: 3, max: 3 });
    }
  });

  it('adds cost reduction and foreign exchange', () => {
    const r = indirectEconomicBand({ costReduction: 300, forexSaving: 200, size: 'large' });
    expect(r.value).toBe(500);
    expect(r.band).toEqual({ min: 7, max: 10 });
    expect(r.reason.zh).toContain('300 万元');
    expect(r.reason.zh).toContain('200 万元');
    expect(r.reason.zh).toContain('≧500万元');
    expect(indirectEconomicBand({ costReduction: 10, forexSaving: 10, size: 'micro' }).band).toEqual({ min: 4, max: 6 });
    expect(indirectEconomicBand({ size: 'small' }).band).toEqual({ min: 3, max: 3 });
    expect(indirectEconomicBand({ costReduction: Number.NaN, size: 'small' }).band).toBeNull();
  });
});

describe('ecologicalBand', () => {
  it('places reductions at the boundaries of Table B.1', () => {
    expect(ecologicalBand(10).band).toEqual({ min: 4, max: 5 });
    expect(ecologicalBand(9.99).band).toEqual({ min: 2, max: 3 });
    expect(ecologicalBand(5).band).toEqual({ min: 2, max: 3 });
    expect(ecologicalBand(4.99).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(0).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(-3).band).toEqual({ min: 1, max: 1 });
    expect(ecologicalBand(null).band).toBeNull();
    expect(ecologicalBand(12).reason.zh).toContain('下降 12%');
  });

  it('computes the reduction from before/after figures', () => {
    expect(reductionPercent(200, 180)).toBe(10);
    expect(ecologicalBand(reductionPercent(200, 180)).band).toEqual({ min: 4, max: 5 });
    expect(reductionPercent(0, 10)).toBeNull();
  });
});
