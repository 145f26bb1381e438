/**
 * Reading and scoring a workbook with 50 000 Ic rows and 20 000 Id rows, as a ratio
 * to exceljs merely loading the same file, both measured in this run. Target ≤ 1.5×.
 */
import ExcelJS from 'exceljs';
import { CONTRACTS } from '@kekao/core/workbook';
import { assess } from '@kekao/core';
import { writeTemplate } from '../src/writeTemplate.js';
import { readWorkbook } from '../src/readWorkbook.js';
import { median, type BenchResult } from '@kekao/test/bench';
import { seededRandom } from '@kekao/core/stats';

export const IC_ROWS = 50_000;
export const ID_ROWS = 20_000;

/** A filled best-practice workbook: 5 Ic parameters × 2 stages × 5 000 values; 200 Id units × 100 times. */
export async function bigWorkbook(): Promise<Buffer> {
  const r = seededRandom(2025);
  const noise = () => r() + r() + r() - 1.5;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplate('best-practice', { example: true })) as unknown as ArrayBuffer);
  const c = CONTRACTS['best-practice'];
  const replace = (name: string, rows: unknown[][]) => {
    const spec = c.tables.find((t) => t.name === name)!;
    const ws = wb.getWorksheet(spec.sheet)!;
    for (let row = spec.headerRow + 1; row <= ws.rowCount; row++) for (let col = 1; col <= spec.columns.length; col++) ws.getCell(row, col).value = null;
    ws.removeTable(name);
    ws.addTable({
      name,
      ref: `A${spec.headerRow}`,
      headerRow: true,
      columns: spec.columns.map((x) => ({ name: x.header })),
      rows: rows as ExcelJS.CellValue[][],
    });
  };
  const ic: unknown[][] = [];
  for (let p = 0; p < 5; p++) {
    for (const [stage, usage] of [
      ['t0', 0],
      ['t1', 2000],
    ] as const) {
      for (let i = 0; i < IC_ROWS / 10; i++) ic.push([`参数${p + 1}`, 'V', stage, usage, `S${i + 1}`, Math.round((12 + 0.02 * noise()) * 1000) / 1000, 0.001]);
    }
  }
  const id: unknown[][] = [];
  for (let u = 0; u < 200; u++) {
    const rate = 6e-6 * (1 + 0.2 * noise());
    for (let k = 0; k < ID_ROWS / 200; k++) {
      const t = k * 50;
      id.push(['输出电压', 'V', 11.76, '下限', 8000, '线性', `U${u + 1}`, t, Math.round((12 - rate * t + 0.001 * noise()) * 1000) / 1000, null, 0.001]);
    }
  }
  replace('KekaoIc', ic);
  replace('KekaoId', id);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function bench(): Promise<BenchResult[]> {
  const buf = await bigWorkbook();
  const runs = 3;
  const load: number[] = [];
  const readScore: number[] = [];
  const read: number[] = [];
  // Interleaved so drift (GC, thermal) affects both sides alike; one untimed warm-up each.
  await new ExcelJS.Workbook().xlsx.load(buf as unknown as ArrayBuffer);
  const warm = await readWorkbook(buf);
  if (!warm.submission) throw new Error(`bench workbook did not read: ${JSON.stringify(warm.errors.slice(0, 3))}`);
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await new ExcelJS.Workbook().xlsx.load(buf as unknown as ArrayBuffer);
    load.push(performance.now() - t);
    t = performance.now();
    const res = await readWorkbook(buf);
    const mid = performance.now();
    assess(res.submission!);
    readScore.push(performance.now() - t);
    read.push(mid - t);
  }
  const base = median(load);
  return [
    {
      name: 'exceljs load only (50 000 Ic + 20 000 Id rows)',
      value: base,
      unit: 'ms',
      note: `${(buf.length / 1024 / 1024).toFixed(1)} MB file, median of ${runs}`,
    },
    {
      name: 'readWorkbook (guard + load + grids + tableToSubmission)',
      value: median(read),
      unit: 'ms',
      ratio: median(read) / base,
      baseline: 'exceljs load only',
    },
    { name: 'readWorkbook + assess', value: median(readScore), unit: 'ms', ratio: median(readScore) / base, baseline: 'exceljs load only', target: '≤ 1.5×' },
  ];
}
