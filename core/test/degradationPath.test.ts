import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPath, PATH_MODELS, type PathFit, type PathFitResult } from '../src/metrics/degradationPath.js';

/** Relative closeness: |actual − expected| ≤ tol·max(1, |expected|). */
function close(actual: number | null | undefined, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  const diff = Math.abs((actual as number) - expected);
  expect(diff, `${actual} vs ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

function applicable(r: PathFitResult): PathFit {
  if (!r.applicable) throw new Error(`not applicable: ${r.reason.en}`);
  return r;
}

// The GaAs laser reference data: <repoRoot>/test/data/gaaslaser.csv (see test/data/README.md).
const GAAS_CSV = fileURLToPath(new URL('../../test/data/gaaslaser.csv', import.meta.url));
function readGaas(): Map<string, { times: number[]; values: number[] }> {
  const text = readFileSync(GAAS_CSV, 'utf8');
  const units = new Map<string, { times: number[]; values: number[] }>();
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [inc, unit, hours] = line.split(',').map(Number);
    const id = String(unit);
    if (!units.has(id)) units.set(id, { times: [], values: [] });
    units.get(id)!.times.push(hours);
    units.get(id)!.values.push(inc);
  }
  return units;
}

// Data and expected values: core/test/reference/path_models.py (numpy.polyfit on the
// transformed data; R² on the original scale = 1 − SSE/SST of back-transformed predictions).
const T = [0, 100, 200, 300, 400, 500, 600, 700, 800];
const Y_LIN = [0.1, 0.9, 2.2, 2.8, 4.1, 5.0, 5.8, 7.2, 7.9];
const Y_EXP = [2.02, 2.31, 2.68, 3.17, 3.61, 4.27, 4.88, 5.79, 6.62];
const T_POW = [0, 50, 100, 200, 400, 800, 1600];
const Y_POW = [0.0, 0.71, 1.05, 1.38, 2.02, 2.81, 4.05];
const T_LOG = [1, 2, 5, 10, 20, 50, 100, 200];
const Y_LOG = [10.1, 10.8, 11.9, 12.6, 13.4, 14.3, 15.1, 15.7];

describe('fitPath against numpy.polyfit (reference/path_models.py)', () => {
  it('linear y = a + b·t', () => {
    const f = applicable(fitPath(T, Y_LIN, 'linear'));
    close(f.a, 0.03333333333333487, 1e-9);
    close(f.b, 0.009916666666666666);
    close(f.r2, 0.9966920045045045);
    close(f.r2Linearised, 0.9966920045045045);
    close(f.solveTime(6), 601.6806722689074);
    expect(f.n).toBe(9);
    expect(f.excluded).toBe(0);
  });

  it('exponential y = a·e^(b·t): ln y on t', () => {
    const f = applicable(fitPath(T, Y_EXP, 'exponential'));
    close(f.a, 2.001679010842676);
    close(f.b, 0.0015001974708887908);
    close(f.r2, 0.9994133376040188);
    close(f.r2Linearised, 0.9994857973572513);
    close(f.solveTime(10), 1072.2580129716725);
  });

  it('power y = a·t^b: ln y on ln t, t = 0 excluded with a note', () => {
    const f = applicable(fitPath(T_POW, Y_POW, 'power'));
    close(f.a, 0.10286782638456234);
    close(f.b, 0.4962966949992733);
    close(f.r2, 0.9991408283571589);
    close(f.r2Linearised, 0.9986248711421969);
    close(f.solveTime(5), 2503.5290560027515);
    expect(f.n).toBe(6);
    expect(f.excluded).toBe(1);
    expect(f.notes.map((n) => n.key)).toContain('path.excludedNonPositiveTime');
    expect(f.predict(0)).toBe(0);
  });

  it('logarithmic y = a + b·ln t', () => {
    const f = applicable(fitPath(T_LOG, Y_LOG, 'logarithmic'));
    close(f.a, 10.123941007127538);
    close(f.b, 1.0696689461607645);
    close(f.r2, 0.9991463715905575);
    close(f.solveTime(17), 619.0662049743131);
    expect(f.predict(0)).toBeNull();
  });

  it('predict and solveTime are inverse for each form', () => {
    for (const [t, y, model] of [
      [T, Y_LIN, 'linear'],
      [T, Y_EXP, 'exponential'],
      [T_POW, Y_POW, 'power'],
      [T_LOG, Y_LOG, 'logarithmic'],
    ] as const) {
      const f = applicable(fitPath(t, y, model));
      const target = f.predict(333)!;
      close(f.solveTime(target), 333, 1e-9);
    }
  });
});

describe('fitPath on the GaAs laser data (Meeker & Escobar 1998)', () => {
  // Per-unit least-squares lines with intercept: numpy.polyfit, core/test/reference/gaaslaser_degradation.py
  const expected: Record<string, [a: number, b: number, r2: number]> = {
    '101': [-0.038482352941176086, 0.0027116117647058816, 0.996923108696242],
    '102': [0.09572941176470585, 0.0023612941176470587, 0.998304102819975],
    '103': [0.3560078431372548, 0.001649460784313725, 0.9957013642627023],
    '104': [0.2545607843137253, 0.0015789578431372549, 0.9813923905464373],
    '105': [-0.2626843137254913, 0.0019359980392156862, 0.997040009386397],
    '106': [-0.18491764705882408, 0.0028351617647058825, 0.9972404512135535],
    '107': [-0.12285882352941156, 0.0016729823529411762, 0.9906685137592971],
    '108': [0.1391784313725494, 0.0015081225490196077, 0.995813191425602],
    '109': [0.10181372549019489, 0.001936999019607843, 0.9977061991623504],
    '110': [-0.016176470588235358, 0.00302925294117647, 0.9981689655430563],
    '111': [0.11905686274509786, 0.0018551068627450978, 0.9980034000242914],
    '112': [0.11452941176470623, 0.0019792499999999997, 0.9868574566397196],
    '113': [-0.17737450980392092, 0.0021559843137254897, 0.9953659627234799],
    '114': [-0.20985490196078432, 0.0017946862745098038, 0.9956101095507444],
    '115': [-0.026121568627451325, 0.0016431313725490191, 0.9966755907020076],
  };
  const units = readGaas();

  it('reads 15 units of 17 measurements', () => {
    expect(units.size).toBe(15);
    for (const u of units.values()) expect(u.times.length).toBe(17);
  });

  it.each(Object.entries(expected))('unit %s: linear fit and R² match numpy', (id, [a, b, r2]) => {
    const u = units.get(id)!;
    const f = applicable(fitPath(u.times, u.values, 'linear'));
    // The intercept is near 0, so compare it absolutely against the scale of the data (≈ 10).
    expect(Math.abs(f.a - a)).toBeLessThan(1e-11);
    close(f.b, b, 1e-10);
    close(f.r2, r2, 1e-10);
    expect(f.r2!).toBeGreaterThanOrEqual(0.98);
  });

  it('exponential is not applicable (the increase is 0 at t = 0)', () => {
    const u = units.get('101')!;
    const r = fitPath(u.times, u.values, 'exponential');
    expect(r.applicable).toBe(false);
    if (!r.applicable) expect(r.reason.key).toBe('path.nonPositiveValue');
  });
});

describe('fitPath edge cases', () => {
  it('fewer than 3 points is not applicable', () => {
    const r = fitPath([0, 1], [1, 2], 'linear');
    expect(r.applicable).toBe(false);
    if (!r.applicable) {
      expect(r.reason.key).toBe('path.tooFewPoints');
      expect(r.reason.zh).toMatch(/至少/);
    }
  });

  it('three points that become two after excluding t = 0 are not applicable for power/log', () => {
    for (const m of ['power', 'logarithmic'] as const) {
      const r = fitPath([0, 1, 2], [1, 2, 3], m);
      expect(r.applicable).toBe(false);
      if (!r.applicable) expect(r.reason.key).toBe('path.tooFewPoints');
    }
  });

  it('exponential and power need positive values', () => {
    expect(fitPath([0, 1, 2, 3], [1, -2, 3, 4], 'exponential').applicable).toBe(false);
    expect(fitPath([1, 2, 3, 4], [1, 0, 3, 4], 'power').applicable).toBe(false);
    expect(fitPath([1, 2, 3, 4], [1, 0, 3, 4], 'logarithmic').applicable).toBe(true);
  });

  it('all times equal is not applicable', () => {
    const r = fitPath([5, 5, 5], [1, 2, 3], 'linear');
    expect(r.applicable).toBe(false);
    if (!r.applicable) expect(r.reason.key).toBe('path.constantTime');
  });

  it('length mismatch and non-finite inputs are not applicable', () => {
    expect(fitPath([0, 1, 2], [1, 2], 'linear').applicable).toBe(false);
    expect(fitPath([0, 1, Number.NaN], [1, 2, 3], 'linear').applicable).toBe(false);
    expect(fitPath([0, 1, 2], [1, Infinity, 3], 'linear').applicable).toBe(false);
  });

  it('SST = 0 (all values equal): r2 is null with a note, slope 0, solveTime null', () => {
    for (const m of PATH_MODELS) {
      const f = applicable(fitPath([1, 2, 3, 4], [7, 7, 7, 7], m));
      expect(f.r2).toBeNull();
      expect(f.r2Linearised).toBeNull();
      expect(f.notes.map((n) => n.key)).toContain('path.r2ConstantValues');
      expect(f.b).toBeCloseTo(0, 12);
    }
    const lin = applicable(fitPath([1, 2, 3], [7, 7, 7], 'linear'));
    expect(lin.solveTime(8)).toBeNull();
  });

  it('r2 on the original scale can differ from the linearised R² and can be negative for a bad back-transform', () => {
    const f = applicable(fitPath([0, 1, 2, 3, 4], [1, 1, 1, 1, 1000], 'exponential'));
    expect(f.r2).not.toBeNull();
    expect(f.r2Linearised).not.toBeNull();
    expect(f.r2).not.toBeCloseTo(f.r2Linearised!, 3);
  });
});

describe('fitPath properties (fast-check)', () => {
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  const model = fc.constantFrom(...PATH_MODELS);

  function allFiniteOrNull(v: unknown): boolean {
    if (v === null || v === undefined) return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'function' || typeof v === 'string' || typeof v === 'boolean') return true;
    if (Array.isArray(v)) return v.every(allFiniteOrNull);
    if (typeof v === 'object') return Object.values(v as object).every(allFiniteOrNull);
    return true;
  }

  it('never yields NaN or Infinity for arbitrary finite inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finiteDouble, finiteDouble), { minLength: 0, maxLength: 12 }), model, finiteDouble, (pts, m, probe) => {
        const r = fitPath(
          pts.map((p) => p[0]),
          pts.map((p) => p[1]),
          m,
        );
        expect(allFiniteOrNull(r)).toBe(true);
        if (r.applicable) {
          const p = r.predict(probe);
          const s = r.solveTime(probe);
          expect(p === null || Number.isFinite(p)).toBe(true);
          expect(s === null || Number.isFinite(s)).toBe(true);
          for (const t of pts.map((q) => q[0])) {
            const v = r.predict(t);
            expect(v === null || Number.isFinite(v)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('solveTime(y), when present, satisfies predict(t) ≈ y (moderate data)', () => {
    // Realistic measurement times on a 0.1 grid (subnormal times make ln t ≈ −744 and the inverse
    // ill-conditioned; arbitrary doubles are covered by the NaN/Infinity property above).
    const time = fc.integer({ min: 0, max: 100_000 }).map((i) => i / 10);
    const value = fc.double({ min: 0.01, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(time, value), { minLength: 3, maxLength: 12 }), model, value, (pts, m, y) => {
        const r = fitPath(
          pts.map((p) => p[0]),
          pts.map((p) => p[1]),
          m,
        );
        if (!r.applicable) return;
        const t = r.solveTime(y);
        if (t === null) return;
        const back = r.predict(t);
        if (back === null) return; // t outside the model's domain is impossible here, but be safe
        expect(Math.abs(back - y)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(y), Math.abs(r.a)));
      }),
      { numRuns: 2000 },
    );
  });
});
