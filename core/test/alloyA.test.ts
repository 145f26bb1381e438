import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parameterDegradation } from '../src/metrics/degradation.js';
import { assessInput, type Assessment, type ReliabilitySubmissionInput } from '../src/index.js';
import { idParameterSchema, type IdParameter } from '../src/submission/reliabilitySubmission.js';

/**
 * Real published degradation data where a declared path form fits badly and units were measured
 * past the limit: the Alloy-A fatigue crack-growth data (Lu & Meeker 1993; Meeker & Escobar 1998,
 * table C.14), 21 specimens, crack length (in) every 0.01 million cycles, failure at 1.6 in.
 * Source and decoding: test/data/README.md. Expected values: core/test/reference/alloya_degradation.py
 * (numpy.polyfit per specimen and form; scipy maximum likelihood with censoring).
 */
const CSV = fileURLToPath(new URL('../../test/data/alloya.csv', import.meta.url));

function specimens(): { id: string; times: number[]; values: number[] }[] {
  const byId = new Map<string, { id: string; times: number[]; values: number[] }>();
  for (const line of readFileSync(CSV, 'utf8').trim().split(/\r?\n/).slice(1)) {
    const [inches, specimen, megacycles] = line.split(',');
    const id = specimen!;
    if (!byId.has(id)) byId.set(id, { id, times: [], values: [] });
    byId.get(id)!.times.push(Number(megacycles));
    byId.get(id)!.values.push(Number(inches));
  }
  return [...byId.values()];
}

const crack = (model: 'power' | 'logarithmic' | 'exponential'): IdParameter =>
  idParameterSchema.parse({ name: 'crack length', unit: 'in', limit: 1.6, direction: 'max', ratedLife: 0.12, model, units: specimens() });

function close(actual: number | null | undefined, expected: number, rel: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const MEASURED = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

describe('Alloy-A crack growth (test/data/alloya.csv)', () => {
  it('reads 21 specimens, 262 inspections, all starting at 0.90 in', () => {
    const s = specimens();
    expect(s).toHaveLength(21);
    expect(s.reduce((n, u) => n + u.times.length, 0)).toBe(262);
    for (const u of s) expect(u.values[0]).toBe(0.9);
  });

  it('mean original-scale R² of each form matches numpy (power 0.824, logarithmic 0.779, exponential 0.982)', () => {
    const r = parameterDegradation(crack('power'));
    const mean = Object.fromEntries(r.modelSelection.map((c) => [c.candidate, c.meanR2]));
    close(mean.linear, 0.9605286241640952, 1e-10);
    close(mean.exponential, 0.9819604626926736, 1e-10);
    close(mean.power, 0.8240445793430538, 1e-10);
    close(mean.logarithmic, 0.7793815163995765, 1e-10);
  });

  for (const declared of ['power', 'logarithmic'] as const) {
    describe(`declared ${declared}`, () => {
      const r = parameterDegradation(crack(declared));

      it('every unit projects within spec at 0.12 Mcycles — yet 12 of 21 were measured past 1.6 in before it', () => {
        // alloya_degradation.py: projectedOutOfSpec 0 for power and logarithmic.
        expect(r.units.every((u) => u.predictedAtRatedLife! <= 1.6)).toBe(true);
        expect(r.measuredExceedances.count).toBe(12);
        expect(r.measuredExceedances.unitCount).toBe(21);
        expect(r.measuredExceedances.units.map((u) => u.id)).toEqual(MEASURED);
        // Specimen 1: 1.64 in at 0.09 Mcycles (first inspection ≥ 1.6).
        expect(r.measuredExceedances.units[0]).toEqual({ id: '1', time: 0.09, value: 1.64 });
        for (const u of r.units) expect(u.withinSpecAtRatedLife).toBe(!MEASURED.includes(u.id));
        expect(r.effectiveModel).toBe(false);
      });

      it('names the clearly better exponential form and what it gives', () => {
        const b = r.betterModel!;
        expect(b.model).toBe('exponential');
        close(b.meanR2, 0.9819604626926736, 1e-10);
        close(b.worstDriftShare, 1.4343160866469218, 1e-9);
        expect(b.outOfSpecAtRatedLife).toBe(12);
      });

      it('the life fit treats the measured failures as interval-censored, not as their later pseudo-failure times', () => {
        const life = r.lifeDistribution!;
        const kinds = Object.fromEntries(life.observations.map((o) => [o.id, o.observation]));
        expect(kinds['1']).toEqual({ kind: 'interval', lower: 0.08, upper: 0.09 });
        expect(kinds['12']).toEqual({ kind: 'interval', lower: 0.11, upper: 0.12 });
        expect(life.censored).toBe(12);
        expect(life.method).toBe('censored');
        const ref =
          declared === 'power'
            ? {
                shape: 1.0825746460628587,
                scale: 0.35182790001018455,
                wLogLik: -53.484274524454754,
                mu: -1.5203740809238684,
                sigma: 0.903935155649713,
                lLogLik: -51.011041763345695,
                b10: 0.044010322366028254,
              }
            : {
                shape: 0.8412935722000878,
                scale: 0.490985572175915,
                wLogLik: -62.92227024780436,
                mu: -1.3208139757462205,
                sigma: 1.1551751255999883,
                lLogLik: -60.35235971258052,
                b10: 0.033835997856001894,
              };
        // scipy Nelder–Mead optimum: parameters agree to about 1e-7, the log-likelihood to 1e-10.
        close(life.weibull!.shape, ref.shape, 1e-6);
        close(life.weibull!.scale, ref.scale, 1e-6);
        close(life.weibull!.logLik, ref.wLogLik, 1e-10);
        close(life.lognormal!.mu, ref.mu, 1e-6);
        close(life.lognormal!.sigma, ref.sigma, 1e-6);
        close(life.lognormal!.logLik, ref.lLogLik, 1e-10);
        close(life.b10Life, ref.b10, 1e-6);
      });
    });
  }
});

describe('Alloy-A assessed: the suggestion and reasons say what was measured', () => {
  function assessed(model: 'power' | 'logarithmic'): Assessment {
    const input: ReliabilitySubmissionInput = {
      rubric: 'reliability-2024',
      enterprise: { name: 'Alloy test' },
      product: { name: 'specimen' },
      basicRequirements: { parameterChoice: true, sampleState: true, sampleSize: true, fieldData: true, instruments: true, testPlan: true, resultData: true },
      id: { parameters: [{ name: 'crack length', unit: 'in', limit: 1.6, direction: 'max', ratedLife: 0.12, model, units: specimens() }] },
    };
    const r = assessInput(input);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.assessment;
  }

  for (const model of ['power', 'logarithmic'] as const) {
    it(`declared ${model}: Id 0–40 with "12/21 个样品在额定寿命前实测已超出限值"`, () => {
      const id = assessed(model).indicators.find((i) => i.code === 'Id')!;
      expect(id.suggestedBand).toEqual({ min: 0, max: 40 });
      const rule = id.reasons.find((r) => r.key === 'id.rule.measuredExceedance')!;
      expect(rule.zh).toContain('12/21 个样品在额定寿命 0.12 前实测已超出限值');
      expect(rule.en).toContain('12/21 units were measured beyond the limit');
      const better = id.warnings.find((w) => w.key === 'id.betterModel')!;
      expect(better.zh).toContain('指数模型');
      expect(better.zh).toContain('0.982');
      expect(better.en).toContain('suggested band 0–40');
    });
  }
});
