import type ExcelJS from 'exceljs';
import { CONTRACTS } from '@kekao/core/workbook';
import type { readWorkbook, ReadWorkbookOptions } from '../../src/readWorkbook.js';
import { emptyTemplate, fillTable, loadWb, setForm, setScores, toBuffer } from '../workbookTestKit.js';

/**
 * The bad-input corpus's material: a complete 最佳实践 workbook and an FMEA one (made once per run by
 * `prepareBases`), and the helpers the cases use to derive a broken file from them.
 */

export const IC_ROWS = (): unknown[][] => [
  ...[12.003, 12.011, 11.996, 12.004, 12.0].map((v, i) => ['输出电压', 'V', 't0', 0, `S${i + 1}`, v, 0.001]),
  ...[11.998, 12.007, 11.991, 12.002, 11.995].map((v, i) => ['输出电压', 'V', 't1', 1000, `S${i + 1}`, v, 0.001]),
];
export const ID_ROWS = (): unknown[][] => [
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 0, 12.0, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 1000, 11.994, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 2000, 11.988, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 0, 12.003, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 1000, 11.996, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 2000, 11.99, null, null],
];
export const IR_ROWS = (): unknown[][] => [
  ['高温 85℃', '高温', 85, 70, '℃', '输出电压', 'V', 'R1', 11.95, 11.64, '下限', null],
  ['低温 −40℃', '低温', -40, -25, '℃', '输出电压', 'V', 'R1', 11.97, 11.64, '下限', null],
  ['振动 5 g', '振动', 5, 3, 'g', '输出电压', 'V', 'R1', 11.99, 11.64, '下限', null],
];
export const W_ROWS = (): unknown[][] => [
  ['改进前', '2022年', null, null, 126, 180000, '台'],
  ['改进后', '2024年', null, null, 31, 210000, '台'],
];

/** The two well-formed workbooks every case starts from. */
export const bases: { reliability: Buffer; fmea: Buffer } = { reliability: Buffer.alloc(0), fmea: Buffer.alloc(0) };

export async function prepareBases(): Promise<void> {
  const wb = await emptyTemplate('best-practice');
  setForm(wb, 'best-practice', { productName: 'DM12-150 电源模块', enterpriseName: '示例电源有限公司', uscc: '91350100M000100Y43' });
  fillTable(wb, 'best-practice', 'KekaoIc', IC_ROWS());
  fillTable(wb, 'best-practice', 'KekaoId', ID_ROWS());
  fillTable(wb, 'best-practice', 'KekaoIr', IR_ROWS());
  fillTable(wb, 'best-practice', 'KekaoW', W_ROWS());
  const basic = wb.getWorksheet('基本要求')!;
  for (let r = 4; r <= 10; r++) basic.getCell(`C${r}`).value = '是';
  setScores(wb, 'best-practice', { Ic: 85, Id: 80, Ir: 75, W: 90, C: 60, G: 60 });
  bases.reliability = await toBuffer(wb);
  const f = await emptyTemplate('fmea');
  setForm(f, 'fmea', { caseName: 'PFMEA 案例', enterpriseName: '示例企业' });
  bases.fmea = await toBuffer(f);
}

export type Expect = { severity: 'warning' | 'error'; key: string; sheet: string; cell: string };
export interface Case {
  name: string;
  make: () => Promise<Buffer>;
  expect: Expect;
  options?: ReadWorkbookOptions;
  /** Extra checks on the reading (e.g. the repaired value). */
  check?: (r: Awaited<ReturnType<typeof readWorkbook>>) => void;
}

export async function mutate(fn: (wb: ExcelJS.Workbook) => void | Promise<void>, from: () => Buffer = () => bases.reliability): Promise<Buffer> {
  const wb = await loadWb(from());
  await fn(wb);
  return toBuffer(wb);
}
export const set = (sheet: string, addr: string, value: unknown) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(addr).value = value as ExcelJS.CellValue;
};
export const warn = (key: string, sheet: string, cell: string): Expect => ({ severity: 'warning', key, sheet, cell });
export const err = (key: string, sheet: string, cell: string): Expect => ({ severity: 'error', key, sheet, cell });
export const firstIcValue = (r: Awaited<ReturnType<typeof readWorkbook>>) => (r.submission as any).ic.parameters[0].stages[0].values[0];

/** Replaces the Ic table by one with the given headers (rows reordered to match). */
export const icWithHeaders =
  (headers: string[], pick: number[], rows = IC_ROWS()) =>
  async (wb: ExcelJS.Workbook) => {
    const ws = wb.getWorksheet('Ic数据')!;
    ws.removeTable('KekaoIc');
    for (let r = 3; r <= 20; r++) for (let c = 1; c <= 10; c++) ws.getCell(r, c).value = null;
    ws.addTable({
      name: 'KekaoIc',
      ref: 'A3',
      headerRow: true,
      columns: headers.map((name) => ({ name })),
      rows: rows.map((row) => pick.map((i) => row[i]) as ExcelJS.CellValue[]),
    });
  };
export const IC_HEADERS = CONTRACTS['best-practice'].tables.find((t) => t.name === 'KekaoIc')!.columns.map((c) => c.header);
