/**
 * KEKAO.* custom functions, called directly (pure logic, no Office global), against values
 * computed independently with numpy/scipy (reference/functions_reference.py → .json); bad ranges
 * (text, blanks, too few values …) must come back as errors that say what and where. The thin
 * registration layer is checked with a stand-in CustomFunctions global that behaves like Excel's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cvIntervalOf, cvOf } from '../src/functions/logic/consistency.js';
import { degradationTable } from '../src/functions/logic/degradation.js';
import { worstMargin } from '../src/functions/logic/margin.js';
import { capabilityIndex, capabilityTable } from '../src/functions/logic/capability.js';
import { rateRatioTable } from '../src/functions/logic/rateRatio.js';
import { weightedTotal } from '../src/functions/logic/total.js';
import { FunctionInputError, isCellError, readNumbers } from '../src/functions/cellInput.js';
import { FUNCTION_BINDINGS, registerCustomFunctions } from '../src/functions/functions.js';
import { generateFunctionsMetadata } from '../build.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const ref = JSON.parse(readFileSync(join(here, 'reference', 'functions_reference.json'), 'utf8'));
const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);

/** Runs f and returns the FunctionInputError it throws (fails the test if it does not throw one). */
function inputError(f: () => unknown): FunctionInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof FunctionInputError) return e;
    throw e;
  }
  throw new Error('expected a FunctionInputError');
}

describe('KEKAO.CV and KEKAO.CVINTERVAL', () => {
  it('equal numpy (ddof = 1) and Vangel via scipy chi2', () => {
    expect(cvOf(col(ref.cv.values))).toBeCloseTo(ref.cv.cv, 14);
    const t95 = cvIntervalOf(col(ref.cv.values));
    expect(t95[0]).toEqual(['CV', '下限 lower', '上限 upper', 'n']);
    ref.cvInterval.c95.forEach((v: number, i: number) => expect(t95[1][i] as number).toBeCloseTo(v, 12));
    expect(t95[1][3]).toBe(ref.cvInterval.n);
    const t90 = cvIntervalOf(col(ref.cv.values), 0.9);
    ref.cvInterval.c90.forEach((v: number, i: number) => expect(t90[1][i] as number).toBeCloseTo(v, 12));
    // 90 typed as a percentage means 0.90.
    expect(cvIntervalOf(col(ref.cv.values), 90)).toEqual(t90);
  });

  it('reads a row range and a 2-D block in reading order, and ignores trailing blanks', () => {
    const v = ref.cv.values as number[];
    expect(cvOf([v])).toBeCloseTo(ref.cv.cv, 14);
    expect(cvOf([v.slice(0, 4), v.slice(4)])).toBeCloseTo(ref.cv.cv, 14);
    expect(cvOf(col([...v, null, '', '  ']))).toBeCloseTo(ref.cv.cv, 14);
  });

  it('names the cell of a text value, of a blank between values, and counts too few values', () => {
    const text = inputError(() => cvOf(col([12.01, 11.98, '约12', 12.0])));
    expect(text.key).toBe('fn.notNumeric');
    expect(text.zh).toBe('测量值区域的第3个值（区域第3行） "约12" 不是数值');
    expect(text.en).toContain('value 3 (row 3 of the range) "约12" is not a number');

    const blank = inputError(() =>
      cvOf([
        [12.01, 11.98],
        [null, 12.0],
      ]),
    );
    expect(blank.key).toBe('fn.blankBetweenValues');
    expect(blank.zh).toContain('第3个值（区域第2行第1列）为空');

    const few = inputError(() => cvOf(col([12.01, null])));
    expect(few.key).toBe('fn.tooFewValues');
    expect(few.zh).toBe('测量值区域至少需要 2 个数值，只有 1 个');
    expect(inputError(() => cvOf(col([null, '']))).key).toBe('fn.tooFewValues');
    expect(inputError(() => cvOf(col([1, true]))).zh).toContain('"true" 不是数值');
  });

  it('refuses a CV where it is undefined (mean ≤ 0) with the reason', () => {
    const e = inputError(() => cvOf(col([-1, 0, 0.5])));
    expect(e.key).toBe('cv.nonPositiveMean');
    expect(e.zh).toContain('均值不大于 0');
  });

  it('puts an unbounded upper bound in an error cell, not a number', () => {
    // CV ≈ 0.7 with n = 3: Vangel's upper radicand is negative (cvInterval.ts in the metrics of @kekao/core).
    const t = cvIntervalOf(col([1, 2, 0.6]));
    expect(typeof t[1][0]).toBe('number');
    expect(isCellError(t[1][2])).toBe(true);
  });
});

describe('KEKAO.DEGRADATION', () => {
  const long = (units: Record<string, { times: number[]; values: number[] }>) => {
    const ids: unknown[][] = [];
    const ts: unknown[][] = [];
    const ys: unknown[][] = [];
    for (const [id, u] of Object.entries(units)) u.times.forEach((t, i) => (ids.push([id]), ts.push([t]), ys.push([u.values[i]])));
    return { ids, ts, ys };
  };

  it('linear fits per unit equal numpy.polyfit: R² and pseudo-failure time', () => {
    const d = ref.degradationLinear;
    const { ids, ts, ys } = long(d.units);
    const table = degradationTable(ids, ts, ys, d.limit, 'max', d.ratedLife, 'linear');
    expect(table[0]).toEqual(['样品 unit', '模型 model', 'R²', '伪失效时间 pseudo-failure time']);
    expect(table.length).toBe(1 + Object.keys(d.units).length);
    for (const row of table.slice(1)) {
      const want = d.fits[row[0] as string];
      expect(row[1]).toBe('线性 linear');
      expect(row[2] as number).toBeCloseTo(want.r2, 10);
      expect((row[3] as number) / want.pft).toBeCloseTo(1, 10);
    }
  });

  it('exponential fits (ln y on t) equal numpy, with the min direction and Chinese words', () => {
    const d = ref.degradationExponential;
    const { ids, ts, ys } = long(d.units);
    const table = degradationTable(ids, ts, ys, d.limit, '下限', d.ratedLife, '指数');
    for (const row of table.slice(1)) {
      const want = d.fits[row[0] as string];
      expect(row[1]).toBe('指数 exponential');
      expect(row[2] as number).toBeCloseTo(want.r2, 10);
      expect((row[3] as number) / want.pft).toBeCloseTo(1, 10);
    }
  });

  it('reports a path that never reaches the limit as an error cell with the reason', () => {
    const table = degradationTable(col(['A', 'A', 'A']), col([0, 100, 200]), col([1, 0.9, 0.8]), 2, 'max', 1000, 'linear');
    expect(isCellError(table[1][3])).toBe(true);
    expect((table[1][3] as { message: string }).message).toContain('远离规格限');
  });

  it('checks lengths, direction and rated life, naming the argument', () => {
    expect(inputError(() => degradationTable(col(['A', 'A']), col([0, 1, 2]), col([1, 2, 3]), 5, 'max', 10)).key).toBe('fn.lengthMismatch');
    const dir = inputError(() => degradationTable(col(['A']), col([0]), col([1]), 5, 'up', 10));
    expect(dir.key).toBe('fn.invalidDirection');
    expect(dir.zh).toContain('"up"');
    expect(inputError(() => degradationTable(col(['A']), col([0]), col([1]), 5, 'max', 0)).key).toBe('fn.ratedLifeNotPositive');
    expect(inputError(() => degradationTable(col(['A']), col([-1]), col([1]), 5, 'max', 10)).key).toBe('fn.negativeTime');
    expect(inputError(() => degradationTable(col(['A']), col([0]), col([1]), 5, 'max', 10, 'cubic')).key).toBe('fn.invalidModel');
  });
});

describe('KEKAO.MARGIN, CP/CPK/PP/PPK, RATERATIO, TOTAL', () => {
  it('worst relative margin for upper and lower limits', () => {
    expect(worstMargin(col(ref.margin.max.values), ref.margin.max.limit, 'max')).toBeCloseTo(ref.margin.max.worst, 14);
    expect(worstMargin(col(ref.margin.min.values), ref.margin.min.limit, 'min')).toBeCloseTo(ref.margin.min.worst, 14);
    expect(inputError(() => worstMargin(col([1, 2]), 0, 'max')).key).toBe('ir.zeroLimit');
  });

  it('Cp, Cpk (σ within = MR̄/1.128), Pp, Ppk (sample SD) equal numpy', () => {
    const c = ref.capability;
    expect(capabilityIndex('cpk', col(c.values), c.lsl, c.usl)).toBeCloseTo(c.cpk, 10);
    expect(capabilityIndex('ppk', col(c.values), c.lsl, c.usl)).toBeCloseTo(c.ppk, 10);
    const table = capabilityTable(col(c.values), c.lsl, c.usl);
    expect(table[0]).toEqual(['Cp', 'Cpk', 'Pp', 'Ppk']);
    [c.cp, c.cpk, c.pp, c.ppk].forEach((v: number, i: number) => expect(table[1][i] as number).toBeCloseTo(v, 10));
    // One-sided: Cp and Pp are error cells carrying the reason.
    const upperOnly = capabilityTable(col(c.values), '', c.usl);
    expect(isCellError(upperOnly[1][0]) && isCellError(upperOnly[1][2])).toBe(true);
    expect(upperOnly[1][1] as number).toBeCloseTo(c.cpkUpperOnly, 10);
    // One-sided: Cpk is CPU, Cp is undefined (with the reason).
    expect(capabilityIndex('cpk', col(c.values), '', c.usl)).toBeCloseTo(c.cpkUpperOnly, 10);
    expect(inputError(() => capabilityIndex('cp', col(c.values), null, c.usl)).zh).toContain('Cp 无定义');
    expect(inputError(() => capabilityIndex('cpk', col(c.values), null, '')).key).toBe('fn.noSpecLimits');
    expect(inputError(() => capabilityIndex('cpk', col(c.values), 11, 10)).key).toBe('fn.specLimitsOrder');
  });

  it('rate ratio with exact conditional bounds and p equals scipy', () => {
    const r = ref.rateRatio;
    const t = rateRatioTable(r.before[0], r.before[1], r.after[0], r.after[1]);
    expect(t[0]).toEqual(['比值 ratio', '下限 lower', '上限 upper', 'p']);
    expect(t[1][0] as number).toBeCloseTo(r.ratio, 12);
    expect(t[1][1] as number).toBeCloseTo(r.lower, 9);
    expect(t[1][2] as number).toBeCloseTo(r.upper, 9);
    expect((t[1][3] as number) / r.p).toBeCloseTo(1, 6);
    expect(inputError(() => rateRatioTable(1.5, 100, 1, 100)).key).toBe('fn.invalidFailures');
    expect(inputError(() => rateRatioTable(1, 0, 1, 100)).key).toBe('fn.invalidExposure');
  });

  it('weighted total of six raw scores; a missing one is named', () => {
    expect(weightedTotal(col(ref.total.raw))).toBeCloseTo(ref.total.total, 12);
    expect(weightedTotal([ref.total.raw])).toBeCloseTo(ref.total.total, 12);
    // The 评分表's F column as laid out: four rows per indicator (merged), score in the first.
    const laidOut = (ref.total.raw as number[]).flatMap((r) => [[r], [null], [null], [null]]);
    expect(weightedTotal(laidOut)).toBeCloseTo(ref.total.total, 12);
    const missing = inputError(() => weightedTotal(col([93, null, 88, 92, 65, 72])));
    expect(missing.key).toBe('fn.missingScore');
    expect(missing.zh).toContain('Id');
    expect(inputError(() => weightedTotal(col([93, 92, 88]))).key).toBe('fn.totalNeedsSix');
    expect(inputError(() => weightedTotal(col([93, 92, 188, 92, 65, 72]))).key).toBe('fn.scoreOutOfRange');
  });

  it('handles a 10 000-value range in one call', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => [10 + ((i * 7919) % 100) / 1000]);
    const xs = readNumbers(big, { zh: 'x', en: 'x' });
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1));
    expect(cvOf(big)).toBeCloseTo(sd / mean, 12);
  });
});

describe('registration layer (CustomFunctions.associate, Excel errors with messages)', () => {
  class FakeExcelError {
    constructor(
      readonly code: string,
      readonly message?: string,
    ) {}
  }
  const bound = new Map<string, (...args: never[]) => unknown>();
  const g = globalThis as { CustomFunctions?: unknown };
  afterEach(() => {
    delete g.CustomFunctions;
    bound.clear();
  });
  const install = () => {
    g.CustomFunctions = {
      Error: FakeExcelError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
      associate: (id: string, fn: (...args: never[]) => unknown) => bound.set(id, fn),
    };
  };

  it('binds exactly the ids custom-functions-metadata generates from the JSDoc', async () => {
    install();
    const { ids } = await generateFunctionsMetadata(join(here, '..', 'src', 'functions', 'functions.ts'));
    expect(registerCustomFunctions().sort()).toEqual([...ids].sort());
    expect([...bound.keys()].sort()).toEqual(Object.keys(FUNCTION_BINDINGS).sort());
    expect(ids).toEqual(['CV.S', 'CVINTERVAL', 'DEGRADATION', 'MARGIN', 'CAPABILITY', 'CPK', 'PPK', 'RATERATIO', 'BAND', 'TOTAL']);
    // Excel: ids and names start with a letter and have at least three characters.
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
  });

  it('turns a bad range into #VALUE! carrying the Chinese and English message', () => {
    install();
    registerCustomFunctions();
    const cv = bound.get('CV.S') as (v: unknown[][]) => number;
    let thrown: unknown;
    try {
      cv(col([1, 2, '约12']));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeExcelError);
    expect((thrown as FakeExcelError).code).toBe('#VALUE!');
    expect((thrown as FakeExcelError).message).toBe(
      '测量值区域的第3个值（区域第3行） "约12" 不是数值 / values value 3 (row 3 of the range) "约12" is not a number (fn.notNumeric)',
    );
    expect(cv(col(ref.cv.values))).toBeCloseTo(ref.cv.cv, 14);
  });

  it('maps an error cell inside a spilled array to #N/A with its reason', () => {
    install();
    registerCustomFunctions();
    const out = (bound.get('CVINTERVAL') as (v: unknown[][]) => unknown[][])(col([1, 2, 0.6]));
    expect(out[1][2]).toBeInstanceOf(FakeExcelError);
    expect((out[1][2] as FakeExcelError).code).toBe('#N/A');
    expect((out[1][2] as FakeExcelError).message).toContain('上限无界');
  });

  it('is a no-op outside Excel (preview mode)', () => {
    expect(registerCustomFunctions()).toEqual([]);
  });
});
