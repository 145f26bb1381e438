import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reliabilityDomain, relativeMargin, scenarioMargins } from '../src/metrics/margin.js';
import { STRESS_CATEGORY_LABELS } from '../src/metrics/stressCategories.js';
import { irScenarioSchema, STRESS_CATEGORIES, type IrScenario } from '../src/submission/reliabilitySubmission.js';

function close(actual: number | null | undefined, expected: number, tol = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

function closeAll(actual: (number | null)[], expected: number[], tol = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => close(a, expected[i], tol));
}

const scenario = (s: Partial<IrScenario> & Pick<IrScenario, 'name' | 'limit' | 'direction' | 'values'>): IrScenario => irScenarioSchema.parse(s);

// Scenarios and expected values: core/test/reference/margins.py (numpy arithmetic).
const dampHeat = scenario({
  name: '湿热 85 °C/85 %RH 后绝缘电阻',
  limit: 100,
  direction: 'min',
  unit: 'MΩ',
  values: [180.0, 152.5, 121.0, 99.0],
  stresses: [{ category: 'humidity', level: 85, rated: 60, unit: '%RH' }],
});
const highTemp = scenario({
  name: '高温 85 °C 漏电流',
  limit: 0.5,
  direction: 'max',
  unit: 'mA',
  values: [0.31, 0.42, 0.28],
  stresses: [
    { category: 'high-temperature', level: 85, rated: 70, unit: '°C' },
    { category: 'supply-voltage', level: 264, rated: 220, unit: 'V' },
  ],
});
const lowTemp = scenario({
  name: '低温输出电压',
  limit: -12,
  direction: 'min',
  unit: 'V',
  values: [-11.2, -10.9, -11.8],
  stresses: [{ category: 'vibration', level: 20, rated: 5, unit: 'g' }],
});

describe('relativeMargin: direction-aware', () => {
  it("'min': (x − L)/|L|", () => {
    const m = relativeMargin(121, 100, 'min');
    close(m.relative, 0.21);
    close(m.absolute, 21);
    expect(m.reason).toBeUndefined();
  });

  it("'max': (U − x)/|U|", () => {
    const m = relativeMargin(0.42, 0.5, 'max');
    close(m.relative, 0.16000000000000003);
    close(m.absolute, 0.08000000000000002);
  });

  it('the same value has opposite margins against a lower and an upper limit', () => {
    const lo = relativeMargin(120, 100, 'min');
    const hi = relativeMargin(120, 100, 'max');
    close(lo.relative, 0.2);
    close(hi.relative, -0.2);
  });

  it('negative limits divide by |L| so the sign still means inside/outside', () => {
    // margins.py low-temp: (−11.8 − (−12))/12 = 0.016666666666666607; neg-upper: (−3 − (−3.6))/3 = 0.2
    close(relativeMargin(-11.8, -12, 'min').relative, 0.016666666666666607);
    close(relativeMargin(-3.6, -3, 'max').relative, 0.20000000000000004);
    close(relativeMargin(-4.5, -3, 'max').relative, 0.5);
    expect(relativeMargin(-2, -3, 'max').relative!).toBeLessThan(0);
  });

  it('zero limit: relative margin null with a reason, absolute margin reported', () => {
    const m = relativeMargin(2.5, 0, 'min');
    expect(m.relative).toBeNull();
    expect(m.absolute).toBe(2.5);
    expect(m.reason?.key).toBe('ir.zeroLimit');
    expect(m.reason?.zh).toMatch(/绝对裕量/);
    expect(relativeMargin(2.5, 0, 'max').absolute).toBe(-2.5);
  });

  it('overflowing margins are null with a reason, never Infinity', () => {
    const m = relativeMargin(1.7e308, -1.7e308, 'min');
    expect(m.absolute).toBeNull();
    expect(m.reason?.key).toBe('ir.marginOverflow');
    close(m.relative, 2);
  });
});

describe('scenarioMargins against reference/margins.py', () => {
  it('damp heat: one sample below the lower limit fails the scenario', () => {
    const r = scenarioMargins(dampHeat);
    closeAll(r.margins, [0.8, 0.525, 0.21, -0.01]);
    closeAll(r.absoluteMargins, [80, 52.5, 21, -1]);
    close(r.worstMargin, -0.01);
    close(r.worstAbsoluteMargin, -1);
    expect(r.pass).toBe(false);
    expect(r.n).toBe(4);
  });

  it('high temperature: upper limit, passes; severities level ÷ rated', () => {
    const r = scenarioMargins(highTemp);
    closeAll(r.margins, [0.38, 0.16000000000000003, 0.43999999999999995]);
    close(r.worstMargin, 0.16000000000000003);
    expect(r.pass).toBe(true);
    close(r.stresses[0].severity, 1.2142857142857142);
    close(r.stresses[1].severity, 1.2);
    expect(r.stresses[0].label.zh).toBe('高温');
  });

  it('low temperature with a negative lower limit passes', () => {
    const r = scenarioMargins(lowTemp);
    closeAll(r.margins, [0.06666666666666672, 0.09166666666666663, 0.016666666666666607]);
    expect(r.pass).toBe(true);
  });

  it('a sample exactly on the limit does not pass (margin must be > 0)', () => {
    const r = scenarioMargins(scenario({ name: 's', limit: 10, direction: 'max', values: [9, 10] }));
    close(r.worstMargin, 0);
    expect(r.pass).toBe(false);
  });

  it('no values: does not pass, with a reason', () => {
    const r = scenarioMargins(scenario({ name: '空', limit: 1, direction: 'min', values: [] }));
    expect(r.pass).toBe(false);
    expect(r.worstMargin).toBeNull();
    expect(r.warnings.map((w) => w.key)).toContain('ir.noSamples');
  });

  it('zero limit: relative margins null, pass decided on the absolute margin', () => {
    const r = scenarioMargins(scenario({ name: 'z', limit: 0, direction: 'min', values: [0.5, 1.5] }));
    expect(r.margins).toEqual([null, null]);
    expect(r.absoluteMargins).toEqual([0.5, 1.5]);
    expect(r.worstMargin).toBeNull();
    close(r.worstAbsoluteMargin, 0.5);
    expect(r.pass).toBe(true);
    expect(r.warnings.map((w) => w.key)).toContain('ir.zeroLimit');
  });

  it('severity is null with a reason when the rating is missing or 0', () => {
    const r = scenarioMargins(
      scenario({
        name: 's',
        limit: 1,
        direction: 'min',
        values: [2],
        stresses: [{ category: 'salt-spray', level: 96 }, { category: 'drop', level: 1.2, rated: 0 }, { category: 'emc' }],
      }),
    );
    expect(r.stresses.map((s) => s.severity)).toEqual([null, null, null]);
    expect(r.stresses.map((s) => s.severityReason?.key)).toEqual(['ir.noRatedLevel', 'ir.noRatedLevel', 'ir.noStressLevel']);
  });
});

describe('reliabilityDomain', () => {
  it('three scenarios: counts, categories covered, mean severity', () => {
    // margins.py: severities 85/70, 264/220, 20/5 → mean over those three 2.138095238095238;
    // damp heat adds 85/60 = 1.4166666666666667, so the mean over four is
    // (1.2142857142857142 + 4 + 1.2 + 1.4166666666666667)/4 = 1.9577380952380954 (meanSeverityFour).
    const d = reliabilityDomain([dampHeat, highTemp, lowTemp]);
    expect(d.scenarioCount).toBe(3);
    expect(d.passCount).toBe(2);
    expect(d.categoriesCovered).toEqual(['high-temperature', 'humidity', 'vibration', 'supply-voltage']);
    expect(d.categoryCount).toBe(4);
    close(d.meanSeverity, 1.9577380952380954);
    expect(d.minSampleCount).toBe(3);
    expect(d.warnings).toEqual([]);
  });

  it('fewer than 3 scenarios and a scenario without samples are warned about', () => {
    const d = reliabilityDomain([highTemp, scenario({ name: '空场景', limit: 1, direction: 'min', values: [] })]);
    const keys = d.warnings.map((w) => w.key);
    expect(keys).toContain('ir.tooFewScenarios');
    expect(keys).toContain('ir.scenarioWithoutSamples');
    expect(d.minSampleCount).toBe(0);
    expect(d.warnings.find((w) => w.key === 'ir.tooFewScenarios')!.zh).toMatch(/至少 3/);
  });

  it('no scenarios at all', () => {
    const d = reliabilityDomain([]);
    expect(d.scenarioCount).toBe(0);
    expect(d.minSampleCount).toBe(0);
    expect(d.meanSeverity).toBeNull();
    expect(d.categoriesCovered).toEqual([]);
  });
});

describe('STRESS_CATEGORY_LABELS', () => {
  it('labels every category in Chinese and English', () => {
    for (const c of STRESS_CATEGORIES) {
      expect(STRESS_CATEGORY_LABELS[c].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(STRESS_CATEGORY_LABELS[c].en.length).toBeGreaterThan(0);
    }
    expect(Object.keys(STRESS_CATEGORY_LABELS).sort()).toEqual([...STRESS_CATEGORIES].sort());
  });
});

describe('margin properties (fast-check)', () => {
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

  function allFiniteOrNull(v: unknown): boolean {
    if (v === null || v === undefined) return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(allFiniteOrNull);
    if (typeof v === 'object') return Object.values(v as object).every(allFiniteOrNull);
    return true;
  }

  const stressArb = fc.record(
    {
      category: fc.constantFrom(...STRESS_CATEGORIES),
      level: finiteDouble,
      rated: finiteDouble,
    },
    { requiredKeys: ['category'] },
  );
  const scenarioArb = fc.record({
    name: fc.constant('s'),
    limit: finiteDouble,
    direction: fc.constantFrom('min' as const, 'max' as const),
    values: fc.array(finiteDouble, { maxLength: 8 }),
    stresses: fc.array(stressArb, { maxLength: 4 }),
  });

  it('never yields NaN or Infinity for arbitrary finite inputs', () => {
    fc.assert(
      fc.property(fc.array(scenarioArb, { maxLength: 5 }), (ss) => {
        const d = reliabilityDomain(ss as IrScenario[]);
        expect(allFiniteOrNull(d)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the sign of the margin says inside (> 0) or outside (< 0), for either direction', () => {
    fc.assert(
      fc.property(finiteDouble, finiteDouble, fc.constantFrom('min' as const, 'max' as const), (x, limit, dir) => {
        const m = relativeMargin(x, limit, dir);
        const inside = dir === 'min' ? x > limit : x < limit;
        const onLimit = x === limit;
        if (m.relative !== null) {
          if (onLimit) expect(m.relative).toBe(0);
          else expect(m.relative > 0).toBe(inside);
        }
        if (m.absolute !== null && !onLimit) expect(m.absolute > 0).toBe(inside);
        const s = scenarioMargins({ name: 's', limit, direction: dir, values: [x], stresses: [] });
        expect(s.pass).toBe(inside);
      }),
      { numRuns: 5000 },
    );
  });
});
