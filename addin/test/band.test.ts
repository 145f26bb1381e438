/**
 * KEKAO.BAND reads an indicator's own table (header row included, as `KekaoIc[#All]` hands it
 * over) and must give the band `kekao score --json` gives for the same workbook (whose basic
 * requirements are all met), for Ic, Id, Ir and W; bad tables give errors that say where.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Assessment } from '@kekao/core/scoring';
import { flattenCellValue, parseRange } from '@kekao/core/workbook';
import { bandOf } from '../src/functions/logic/band.js';
import { FunctionInputError } from '../src/functions/cellInput.js';
import { kekao } from './helpers/kekaoCli.js';

let work: string;
let cli: Assessment;
const tables: Record<string, unknown[][]> = {};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kekao-addin-band-'));
  const file = join(work, 'example.xlsx');
  await kekao(['template', '--kind', 'best-practice', '--out', file, '--example'], work);
  cli = JSON.parse(await kekao(['score', file, '--json'], work)) as Assessment;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const name of ['KekaoIc', 'KekaoId', 'KekaoIr', 'KekaoW']) {
    for (const ws of wb.worksheets) {
      const t = ws.getTable?.(name) as unknown as { table?: { tableRef?: string; ref?: string } } | undefined;
      const ref = t?.table?.tableRef ?? t?.table?.ref;
      if (!ref) continue;
      const r = parseRange(ref)!;
      const grid: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let c = r.left; c <= r.right; c++) line.push(flattenCellValue(ws.getCell(row, c).value) ?? '');
        grid.push(line);
      }
      tables[name] = grid;
    }
  }
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

describe('KEKAO.BAND from key figures (core suggestBand)', () => {
  it('gives the band kekao score gives when fed the figures of its assessment', () => {
    const ind = (c: string) => cli.indicators.find((i) => i.code === c)!;
    const stages = arr(ind('Ic').metrics.parameters).flatMap((p) => arr(p.stages));
    const worst = (initial: boolean) => Math.max(...stages.filter((s) => s.isInitial === initial).map((s) => s.cv as number));
    const idp = arr(ind('Id').metrics.parameters);
    const ir = ind('Ir').metrics;
    const w = ind('W').metrics;
    const cases: Array<[string, unknown[][]]> = [
      ['Ic', [[worst(true)], [worst(false)]]],
      ['Id', [[Math.max(...idp.map((p) => p.worstDriftShare as number)), idp.every((p) => p.effectiveModel === true)]]],
      [
        'Ir',
        [
          ['passingScenarios', ir.passCount],
          ['categories', ir.categoryCount],
          ['minSamples', ir.minSampleCount],
          ['平均严酷度', ir.meanSeverity],
        ],
      ],
      ['W', [[w.reduction], [w.pValue]]],
    ];
    for (const [code, figures] of cases) {
      const want = ind(code).suggestedBand!;
      expect(bandOf(code, figures)[1].slice(0, 2), code).toEqual([want.min, want.max]);
    }
  });

  it('applies the documented thresholds (general policy: CV ≤ 1 % 很好, ≤ 3 % 较好) and the product family', () => {
    expect(bandOf('Ic', [[0.005, 0.008]])[1]).toEqual([91, 100, '很好 very good']);
    expect(bandOf('Ic', [[0.02, 0.025]])[1].slice(0, 2)).toEqual([71, 90]);
    // The electronic family is stricter (很好 ≤ 0.5 %).
    expect(bandOf('Ic', [[0.008, 0.008]], 'electronic')[1].slice(0, 2)).toEqual([71, 90]);
  });

  it('says which figure is missing, wrong or unknown', () => {
    expect(() => bandOf('W', [[null], [0.01]])).toThrow(/W 缺少故障率降幅/);
    expect(() => bandOf('Id', [[0.3, 'maybe']])).toThrow(/应为 TRUE 或 FALSE/);
    expect(() => bandOf('Ir', [['scenarios', 3]])).toThrow(/没有名为 "scenarios"/);
    expect(() => bandOf('Ir', [[3.5, 2, 1, null]])).toThrow(/非负整数/);
    expect(() => bandOf('Ic', [[0.01, 0.01, 0.01]])).toThrow(/需要 2 个指标值/);
  });
});

describe('KEKAO.BAND from the indicator table', () => {
  it('gives the band kekao score gives, for Ic, Id, Ir and W', () => {
    expect(cli.basicRequirements.met).toBe(true);
    for (const [code, name] of [
      ['Ic', 'KekaoIc'],
      ['Id', 'KekaoId'],
      ['Ir', 'KekaoIr'],
      ['W', 'KekaoW'],
    ] as const) {
      const want = cli.indicators.find((i) => i.code === code)!.suggestedBand!;
      const out = bandOf(code.toLowerCase() === 'ic' ? 'IC' : code, tables[name]);
      expect(out[0]).toEqual(['下限 min', '上限 max', '档次 level']);
      expect(out[1].slice(0, 2), code).toEqual([want.min, want.max]);
    }
  });

  it('names the cell of a bad value (relative to the range) and refuses an unknown indicator', () => {
    const ic = tables.KekaoIc.map((r) => [...r]);
    const valueCol = ic[0].indexOf('测量值');
    ic[5][valueCol] = '约12';
    let err: unknown;
    try {
      bandOf('Ic', ic);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FunctionInputError);
    expect((err as FunctionInputError).zh).toContain(`区域内 ${String.fromCharCode(65 + valueCol)}6`);
    expect(() => bandOf('Ix', ic)).toThrow(/Ic、Id、Ir 或 W/);
    expect(() => bandOf('Ic', [ic[0]])).toThrow(/表头行和至少一行数据/);
  });
});
