import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c4, processCapability } from '../src/metrics/capability.js';

function close(actual: number | null, expected: number, rel = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

const SHAFT = [10.02, 9.98, 10.05, 10.01, 9.97, 10.03, 10.0, 9.99, 10.04, 10.02, 9.96, 10.01, 10.03, 9.98, 10.0, 10.02, 9.99, 10.01, 10.04, 9.97];

// Expected values: core/test/reference/capability.py (numpy; scipy.special.gammaln for c4).
const MEAN = 10.006;
const SIGMA_OVERALL = 0.02583347481568462;

describe('processCapability against numpy (reference/capability.py)', () => {
  it('individuals, two-sided (σ_within = MR̄/1.128)', () => {
    const r = processCapability({ values: SHAFT, lsl: 9.9, usl: 10.1 });
    expect(r.n).toBe(20);
    close(r.mean, MEAN);
    close(r.sigmaWithin, 0.034061216871966594);
    close(r.sigmaOverall, SIGMA_OVERALL);
    close(r.cp, 0.9786301369863138);
    close(r.cpk, 0.9199123287671326);
    close(r.cpu, 0.9199123287671326);
    close(r.cpl, 1.037347945205495);
    close(r.pp, 1.2903155139274995);
    close(r.ppk, 1.2128965830918463);
    close(r.ppu, 1.2128965830918463);
    close(r.ppl, 1.3677344447631528);
    expect(r.reasons).toEqual([]);
  });

  it('upper limit only: Cp/Pp null with a reason, Cpk = CPU', () => {
    const r = processCapability({ values: SHAFT, usl: 10.1 });
    expect(r.cp).toBeNull();
    expect(r.pp).toBeNull();
    expect(r.cpl).toBeNull();
    close(r.cpk, 0.9199123287671326);
    close(r.ppk, 1.2128965830918463);
    expect(r.reasons.map((n) => n.key)).toEqual(['capability.oneSided']);
  });

  it('lower limit only: Cpk = CPL', () => {
    const r = processCapability({ values: SHAFT, lsl: 9.9 });
    expect(r.cp).toBeNull();
    expect(r.cpu).toBeNull();
    close(r.cpk, 1.037347945205495);
    close(r.ppk, 1.3677344447631528);
  });

  it('subgroups of 5: pooled SD ÷ c4', () => {
    const r = processCapability({ values: SHAFT, lsl: 9.9, usl: 10.1, subgroupSize: 5 });
    close(r.sigmaWithin, 0.02744371394847697, 1e-9);
    close(r.cp, 1.2146072283042106, 1e-9);
    close(r.cpk, 1.141730794605955, 1e-9);
    close(r.cpl, 1.2874836620024663, 1e-9);
    close(r.pp, 1.2903155139274995);
    close(r.ppk, 1.2128965830918463);
  });

  it('subgroups of 3 with a last subgroup of 2', () => {
    const r = processCapability({ values: SHAFT, lsl: 9.85, usl: 10.1, subgroupSize: 3 });
    close(r.sigmaWithin, 0.030950009151204095, 1e-9);
    close(r.cp, 1.3462570063584502, 1e-9);
    close(r.cpk, 1.0123852687815482, 1e-9);
    close(r.cpl, 1.6801287439353523, 1e-9);
    close(r.pp, 1.6128943924093802);
    close(r.ppl, 2.012892201726914);
  });

  it('subgroups without the c4 correction: σ_within = pooled SD', () => {
    const r = processCapability({ values: SHAFT, lsl: 9.9, usl: 10.1, subgroupSize: 5, unbiased: false });
    close(r.sigmaWithin, 0.027018512172212197, 1e-12);
  });
});

describe('c4 against the published AIAG SPC table (4 decimals) and scipy', () => {
  it.each([
    [2, 0.7979, 0.7978845608028655],
    [3, 0.8862, 0.8862269254527579],
    [4, 0.9213, 0.9213177319235613],
    [5, 0.94, 0.9399856029866253],
    [10, 0.9727, 0.9726592741215883],
    [25, 0.9896, 0.9896403755857051],
  ])('c4(%i)', (d, table, scipy) => {
    expect(Number(c4(d).toFixed(4))).toBe(table);
    close(c4(d), scipy, 1e-10);
  });
});

describe('undefined cases: null with reasons', () => {
  it('no limits', () => {
    const r = processCapability({ values: SHAFT });
    expect(r.cp).toBeNull();
    expect(r.cpk).toBeNull();
    expect(r.reasons[0].key).toBe('capability.noLimits');
    close(r.sigmaOverall, SIGMA_OVERALL);
  });
  it('inverted limits', () => {
    expect(processCapability({ values: SHAFT, lsl: 10.1, usl: 9.9 }).reasons[0].key).toBe('capability.invertedLimits');
  });
  it('too few values', () => {
    const r = processCapability({ values: [10], lsl: 9, usl: 11 });
    expect(r.cp).toBeNull();
    expect(r.reasons[0].key).toBe('capability.tooFewValues');
  });
  it('no variation', () => {
    const r = processCapability({ values: [5, 5, 5, 5], lsl: 4, usl: 6 });
    expect(r).toMatchObject({ cp: null, cpk: null, pp: null, ppk: null, sigmaWithin: 0, sigmaOverall: 0 });
    expect(r.reasons.map((n) => n.key)).toContain('capability.zeroSigma');
  });
  it('a single value in subgroups, and invalid subgroup sizes', () => {
    expect(processCapability({ values: [1], lsl: 0, usl: 2, subgroupSize: 3 }).reasons[0].key).toBe('capability.tooFewValues');
    expect(processCapability({ values: [1, 2], lsl: 0, usl: 3, subgroupSize: 0 }).reasons[0].key).toBe('capability.invalidSubgroupSize');
    expect(processCapability({ values: [1, 2], lsl: 0, usl: 3, subgroupSize: 1.5 }).reasons[0].key).toBe('capability.invalidSubgroupSize');
  });
});

describe('properties', () => {
  it('never NaN or Infinity for finite input; Cpk ≤ Cp and Ppk ≤ Pp', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 25 }),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
        fc.integer({ min: 1, max: 6 }),
        (values, lsl, usl, subgroupSize) => {
          const r = processCapability({ values, lsl, usl, subgroupSize });
          const all = [r.mean, r.sigmaWithin, r.sigmaOverall, r.cp, r.cpk, r.cpl, r.cpu, r.pp, r.ppk, r.ppl, r.ppu];
          for (const v of all) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          if (r.cp !== null && r.cpk !== null) expect(r.cpk).toBeLessThanOrEqual(r.cp * (1 + 1e-12) + 1e-300);
          if (r.pp !== null && r.ppk !== null) expect(r.ppk).toBeLessThanOrEqual(r.pp * (1 + 1e-12) + 1e-300);
          if (r.cpk === null || r.ppk === null) expect(r.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
