/**
 * The bad-input corpus: files generated here, each with the
 * warning or error it must give and the sheet!cell it must name; none may crash, and the CLI
 * exits non-zero exactly when a file cannot be scored, without a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbook, type ReadWorkbookOptions } from '../src/readWorkbook.js';
import { CONTRACTS } from '@kekao/core/workbook';
import { emptyTemplate, fillTable, loadWb, runCli, setForm, setScores, tempDir, toBuffer } from './workbookTestKit.js';
import { makeCompoundFile, makeZip, unzip } from './craftedFiles.js';

const tmp = tempDir('kekao-corpus-');
afterAll(() => tmp.cleanup());

const IC_ROWS = (): unknown[][] => [
  ...[12.003, 12.011, 11.996, 12.004, 12.0].map((v, i) => ['输出电压', 'V', 't0', 0, `S${i + 1}`, v, 0.001]),
  ...[11.998, 12.007, 11.991, 12.002, 11.995].map((v, i) => ['输出电压', 'V', 't1', 1000, `S${i + 1}`, v, 0.001]),
];
const ID_ROWS = (): unknown[][] => [
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 0, 12.0, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 1000, 11.994, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U1', 2000, 11.988, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 0, 12.003, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 1000, 11.996, null, null],
  ['输出电压', 'V', 11.76, '下限', 8000, '线性', 'U2', 2000, 11.99, null, null],
];
const IR_ROWS = (): unknown[][] => [
  ['高温 85℃', '高温', 85, 70, '℃', '输出电压', 'V', 'R1', 11.95, 11.64, '下限', null],
  ['低温 −40℃', '低温', -40, -25, '℃', '输出电压', 'V', 'R1', 11.97, 11.64, '下限', null],
  ['振动 5 g', '振动', 5, 3, 'g', '输出电压', 'V', 'R1', 11.99, 11.64, '下限', null],
];
const W_ROWS = (): unknown[][] => [
  ['改进前', '2022年', null, null, 126, 180000, '台'],
  ['改进后', '2024年', null, null, 31, 210000, '台'],
];

let base: Buffer;
let fmeaBase: Buffer;

beforeAll(async () => {
  const wb = await emptyTemplate('best-practice');
  setForm(wb, 'best-practice', { productName: 'DM12-150 电源模块', enterpriseName: '示例电源有限公司', uscc: '91350100M000100Y43' });
  fillTable(wb, 'best-practice', 'KekaoIc', IC_ROWS());
  fillTable(wb, 'best-practice', 'KekaoId', ID_ROWS());
  fillTable(wb, 'best-practice', 'KekaoIr', IR_ROWS());
  fillTable(wb, 'best-practice', 'KekaoW', W_ROWS());
  const basic = wb.getWorksheet('基本要求')!;
  for (let r = 4; r <= 10; r++) basic.getCell(`C${r}`).value = '是';
  setScores(wb, 'best-practice', { Ic: 85, Id: 80, Ir: 75, W: 90, C: 60, G: 60 });
  base = await toBuffer(wb);
  const f = await emptyTemplate('fmea');
  setForm(f, 'fmea', { caseName: 'PFMEA 案例', enterpriseName: '示例企业' });
  fmeaBase = await toBuffer(f);
});

type Expect = { severity: 'warning' | 'error'; key: string; sheet: string; cell: string };
interface Case {
  name: string;
  make: () => Promise<Buffer>;
  expect: Expect;
  options?: ReadWorkbookOptions;
  /** Extra checks on the reading (e.g. the repaired value). */
  check?: (r: Awaited<ReturnType<typeof readWorkbook>>) => void;
}

async function mutate(fn: (wb: ExcelJS.Workbook) => void | Promise<void>, from: () => Buffer = () => base): Promise<Buffer> {
  const wb = await loadWb(from());
  await fn(wb);
  return toBuffer(wb);
}
const set = (sheet: string, addr: string, value: unknown) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(addr).value = value as ExcelJS.CellValue;
};
const warn = (key: string, sheet: string, cell: string): Expect => ({ severity: 'warning', key, sheet, cell });
const err = (key: string, sheet: string, cell: string): Expect => ({ severity: 'error', key, sheet, cell });
const firstIcValue = (r: Awaited<ReturnType<typeof readWorkbook>>) => (r.submission as any).ic.parameters[0].stages[0].values[0];

/** Replaces the Ic table by one with the given headers (rows reordered to match). */
const icWithHeaders =
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
const IC_HEADERS = CONTRACTS['best-practice'].tables.find((t) => t.name === 'KekaoIc')!.columns.map((c) => c.header);

const cases: Case[] = [
  // ── tolerated, with a warning naming the cell
  {
    name: 'full-width digits',
    make: () => mutate(set('Ic数据', 'F4', '１２．００３')),
    expect: warn('cell.fullWidth', 'Ic数据', 'F4'),
    check: (r) => expect(firstIcValue(r)).toBe(12.003),
  },
  {
    name: 'full-width minus',
    make: () => mutate(set('Ir数据', 'C5', '－４０')),
    expect: warn('cell.fullWidth', 'Ir数据', 'C5'),
    check: (r) => expect((r.submission as any).ir.scenarios[1].stresses[0].level).toBe(-40),
  },
  {
    name: 'thousands separator',
    make: () => mutate(set('W数据', 'F4', '180,000')),
    expect: warn('cell.thousandsSeparator', 'W数据', 'F4'),
    check: (r) => expect((r.submission as any).w.before.exposure).toBe(180000),
  },
  {
    name: 'full-width thousands separator',
    make: () => mutate(set('W数据', 'F5', '210，000')),
    expect: warn('cell.thousandsSeparator', 'W数据', 'F5'),
    check: (r) => expect((r.submission as any).w.after.exposure).toBe(210000),
  },
  {
    name: 'unit typed after the value',
    make: () => mutate(set('Ic数据', 'F4', '12.003 V')),
    expect: warn('cell.unitStripped', 'Ic数据', 'F4'),
    check: (r) => expect(firstIcValue(r)).toBe(12.003),
  },
  { name: 'unit typed without a space', make: () => mutate(set('Ic数据', 'F5', '12.011V')), expect: warn('cell.unitStripped', 'Ic数据', 'F5') },
  {
    name: 'degree sign in a stress level',
    make: () => mutate(set('Ir数据', 'C4', '85℃')),
    expect: warn('cell.unitStripped', 'Ir数据', 'C4'),
    check: (r) => expect((r.submission as any).ir.scenarios[0].stresses[0].level).toBe(85),
  },
  { name: 'number stored as text', make: () => mutate(set('Ic数据', 'F6', '11.996')), expect: warn('cell.numberAsText', 'Ic数据', 'F6') },
  {
    name: 'percent typed as text',
    make: () =>
      mutate((wb) => {
        set('Ir数据', 'C6', '150%')(wb);
        set('Ir数据', 'E6', null)(wb);
      }),
    expect: warn('cell.percent', 'Ir数据', 'C6'),
    check: (r) => expect((r.submission as any).ir.scenarios[2].stresses[0].level).toBe(1.5),
  },
  {
    name: 'date as an Excel serial in a table',
    make: () =>
      mutate((wb) => {
        set('W数据', 'C4', 44562)(wb);
        wb.getWorksheet('W数据')!.getCell('C4').numFmt = 'General';
      }),
    expect: warn('cell.serialDate', 'W数据', 'C4'),
  },
  {
    name: 'date as an Excel serial in the form',
    make: () =>
      mutate((wb) => {
        set('推荐表', 'B13', 41047)(wb);
        wb.getWorksheet('推荐表')!.getCell('B13').numFmt = 'General';
      }),
    expect: warn('cell.serialDate', '推荐表', 'B13'),
    check: (r) => expect(r.form.registeredOn).toBe('2012-05-18'),
  },
  {
    name: 'blank rows inside a table',
    make: () =>
      mutate(
        (wb) =>
          void fillTable(wb, 'best-practice', 'KekaoIc', [
            ...IC_ROWS().slice(0, 5),
            [null, null, null, null, null, null, null],
            [null, null, null, null, null, null, null],
            ...IC_ROWS().slice(5),
          ]),
      ),
    expect: warn('table.blankRows', 'Ic数据', 'A9'),
    check: (r) => expect((r.submission as any).ic.parameters[0].stages[1].values).toHaveLength(5),
  },
  {
    name: 'merged cells in a data column',
    make: () =>
      mutate((wb) => {
        const ws = wb.getWorksheet('Ic数据')!;
        ws.removeTable('KekaoIc'); // Excel tables cannot hold merged cells; a plain range can
        for (let r = 5; r <= 13; r++) ws.getCell(`A${r}`).value = null;
        ws.mergeCells('A4:A13');
      }),
    expect: warn('cell.merged', 'Ic数据', 'A4:A13'),
    check: (r) => expect((r.submission as any).ic.parameters[0].stages.map((s: any) => s.values.length)).toEqual([5, 5]),
  },
  {
    name: 'extra column',
    make: () =>
      mutate((wb) => {
        set('Ic数据', 'I3', '备注')(wb);
        set('Ic数据', 'I4', '复测')(wb);
      }),
    expect: warn('table.extraColumn', 'Ic数据', 'I3'),
  },
  {
    name: 'reordered columns matched by header',
    make: () => mutate(icWithHeaders(['测量值', '单位', '阶段', '使用时间(h)', '样品编号', '参数', '分辨率'], [5, 1, 2, 3, 4, 0, 6])),
    expect: warn('table.reorderedColumns', 'Ic数据', 'A3'),
    check: (r) => expect(firstIcValue(r)).toBe(12.003),
  },
  {
    name: 'headers with full-width brackets and English keys',
    make: () =>
      mutate(async (wb) => {
        await icWithHeaders(['parameter', '单位', '阶段', '使用时间（h）', 'sample', 'VALUE', '分辨率'], [0, 1, 2, 3, 4, 5, 6])(wb);
        set('Ic数据', 'F4', '12.003')(wb);
      }),
    expect: warn('cell.numberAsText', 'Ic数据', 'F4'),
    check: (r) => expect((r.submission as any).ic.parameters[0].stages[1].usageHours).toBe(1000),
  },
  {
    name: 'no Excel table: header found on the sheet',
    make: () =>
      mutate((wb) => {
        wb.getWorksheet('Ic数据')!.removeTable('KekaoIc');
        set('Ic数据', 'F7', '12.004 V')(wb);
      }),
    expect: warn('cell.unitStripped', 'Ic数据', 'F7'),
    check: (r) => expect((r.submission as any).ic.parameters[0].stages[0].values).toEqual([12.003, 12.011, 11.996, 12.004, 12.0]),
  },
  {
    name: 'lower-case credit code',
    make: () => mutate(set('推荐表', 'B14', '91350100m000100y43')),
    expect: warn('uscc.lowercase', '推荐表', 'B14'),
    check: (r) => expect(r.submission?.enterprise.uscc).toBe('91350100M000100Y43'),
  },
  {
    name: 'credit code with a wrong check character',
    make: () => mutate(set('推荐表', 'B14', '91350100M000100Y44')),
    expect: warn('uscc.checkCharacter', '推荐表', 'B14'),
  },
  { name: 'credit code too short', make: () => mutate(set('推荐表', 'B14', '91350100M000100')), expect: warn('uscc.length', '推荐表', 'B14') },
  { name: 'enterprise profile over 500 characters', make: () => mutate(set('推荐表', 'B19', '企'.repeat(501))), expect: warn('form.tooLong', '推荐表', 'B19') },
  {
    name: 'many numbers stored as text are folded',
    make: () =>
      mutate((wb) => {
        for (let r = 4; r <= 13; r++) {
          const c = wb.getWorksheet('Ic数据')!.getCell(`F${r}`);
          c.value = String(c.value);
        }
      }),
    expect: warn('cell.numberAsText', 'Ic数据', 'F4:F13'),
    check: (r) => expect(r.warnings.filter((w) => w.key === 'cell.numberAsText')).toHaveLength(4),
  },
  {
    name: 'rich text in a name cell',
    make: () => mutate(set('Ic数据', 'A4', { richText: [{ text: '输出' }, { font: { bold: true }, text: '电压' }] })),
    expect: warn('none', '', ''),
    check: (r) => expect((r.submission as any).ic.parameters).toHaveLength(1),
  },
  {
    name: 'formula with a cached result',
    make: () => mutate(set('Ic数据', 'F4', { formula: '12+0.003', result: 12.003 })),
    expect: warn('none', '', ''),
    check: (r) => expect(firstIcValue(r)).toBe(12.003),
  },
  {
    name: 'a sample repeated with a different value',
    make: () =>
      mutate(
        (wb) =>
          void fillTable(wb, 'best-practice', 'KekaoIr', [...IR_ROWS(), ['振动 5 g', '振动', 5, 3, 'g', '输出电压', 'V', 'R1', 11.9, 11.64, '下限', null]]),
      ),
    expect: warn('ir.sampleRepeated', 'Ir数据', 'H7'),
  },
  { name: 'unit differs between rows of a parameter', make: () => mutate(set('Ic数据', 'B6', 'mV')), expect: warn('table.inconsistentValue', 'Ic数据', 'B6') },
  {
    name: 'W lacks the after row',
    make: () => mutate((wb) => void fillTable(wb, 'best-practice', 'KekaoW', W_ROWS().slice(0, 1))),
    expect: warn('w.missingPeriod', 'W数据', ''),
  },
  {
    name: 'a data sheet is missing',
    make: () => mutate((wb) => wb.removeWorksheet(wb.getWorksheet('Ir数据')!.id)),
    expect: warn('sheet.missing', 'Ir数据', ''),
  },
  { name: 'stress level without category', make: () => mutate(set('Ir数据', 'B6', null)), expect: warn('ir.categoryMissing', 'Ir数据', 'B6') },
  {
    name: 'form field moved down a row',
    make: () =>
      mutate((wb) => {
        const ws = wb.getWorksheet('推荐表')!;
        ws.getCell('A40').value = '企业地址';
        ws.getCell('B40').value = '福州市';
        ws.getCell('A12').value = '（空）';
      }),
    expect: warn('form.moved', '推荐表', 'B40'),
    check: (r) => expect(r.submission?.enterprise.address).toBe('福州市'),
  },

  {
    name: 'document property lost: kind recognised from the form',
    make: () =>
      mutate((wb) => {
        wb.subject = '';
      }),
    expect: warn('none', '', ''),
    check: (r) => expect(r.kind).toBe('best-practice'),
  },
  {
    name: 'data sheet renamed: table found by its name',
    make: () =>
      mutate((wb) => {
        wb.getWorksheet('Ic数据')!.name = 'Ic 测量';
      }),
    expect: warn('none', '', ''),
    check: (r) => expect(firstIcValue(r)).toBe(12.003),
  },

  // ── refused, with an error naming the cell
  { name: 'approximate value', make: () => mutate(set('Ic数据', 'F8', '约12')), expect: err('cell.notNumeric', 'Ic数据', 'F8') },
  { name: 'comma as decimal point', make: () => mutate(set('Ic数据', 'F8', '12,3')), expect: err('cell.notNumeric', 'Ic数据', 'F8') },
  { name: 'value below detection written as text', make: () => mutate(set('Ir数据', 'I4', '<0.1')), expect: err('cell.notNumeric', 'Ir数据', 'I4') },
  {
    name: 'unit in the cell contradicts the unit column',
    make: () => mutate(set('Ic数据', 'F9', '11998 mV')),
    expect: err('cell.unitMismatch', 'Ic数据', 'F9'),
  },
  {
    name: 'required column missing',
    make: () => mutate(icWithHeaders(['参数', '单位', '阶段', '使用时间(h)', '样品编号', '分辨率'], [0, 1, 2, 3, 4, 6])),
    expect: err('table.missingColumn', 'Ic数据', 'A3'),
  },
  { name: 'unknown drop-down value', make: () => mutate(set('Id数据', 'D5', '向上')), expect: err('cell.badEnum', 'Id数据', 'D5') },
  { name: 'unknown stress category', make: () => mutate(set('Ir数据', 'B4', '暴晒加冰雹')), expect: err('cell.badEnum', 'Ir数据', 'B4') },
  { name: 'negative failures', make: () => mutate(set('W数据', 'E4', -3)), expect: err('cell.negative', 'W数据', 'E4') },
  { name: 'fractional failures', make: () => mutate(set('W数据', 'E5', 3.5)), expect: err('cell.notInteger', 'W数据', 'E5') },
  { name: 'zero rated life', make: () => mutate(set('Id数据', 'E4', 0)), expect: err('cell.notPositive', 'Id数据', 'E4') },
  { name: 'empty required cell', make: () => mutate(set('Ic数据', 'A10', null)), expect: err('cell.required', 'Ic数据', 'A10') },
  { name: 'Excel error value', make: () => mutate(set('Ic数据', 'F11', { error: '#DIV/0!' })), expect: err('cell.excelError', 'Ic数据', 'F11') },
  {
    name: 'formula without a cached result',
    make: () => mutate(set('Ic数据', 'F12', { formula: 'AVERAGE(F4:F8)' })),
    expect: err('cell.formulaNoResult', 'Ic数据', 'F12'),
  },
  {
    name: 'date where a number belongs',
    make: () => mutate(set('Id数据', 'H5', new Date(Date.UTC(2024, 0, 1)))),
    expect: err('cell.dateNotNumber', 'Id数据', 'H5'),
  },
  { name: 'invalid date text', make: () => mutate(set('W数据', 'D4', '2022-13-45')), expect: err('cell.notDate', 'W数据', 'D4') },
  { name: 'duplicate W period', make: () => mutate(set('W数据', 'A5', '改进前')), expect: err('w.duplicatePeriod', 'W数据', 'A5') },
  {
    name: 'limit missing on every row of a parameter',
    make: () =>
      mutate((wb) => {
        for (let r = 4; r <= 9; r++) set('Id数据', `C${r}`, null)(wb);
      }),
    expect: err('cell.required', 'Id数据', 'C4'),
  },
  { name: 'raw score above 100', make: () => mutate(set('评分表', 'F5', 120)), expect: err('submission.invalid', '评分表', 'F5') },
  { name: 'raw score in words', make: () => mutate(set('评分表', 'F9', '九十')), expect: err('cell.notNumeric', '评分表', 'F9') },
  { name: 'negative raw score', make: () => mutate(set('评分表', 'F13', -5)), expect: err('score.negative', '评分表', 'F13') },
  { name: 'fraud cell not yes/no', make: () => mutate(set('评分表', 'H17', '可能')), expect: err('cell.badEnum', '评分表', 'H17') },
  { name: 'product name missing', make: () => mutate(set('推荐表', 'B4', null)), expect: err('form.required', '推荐表', 'B4') },
  {
    name: 'FMEA case summary over 500 characters',
    make: () => mutate(set('推荐表', 'B17', '案'.repeat(520)), () => fmeaBase),
    expect: err('form.tooLong', '推荐表', 'B17'),
  },
  { name: 'too many rows', make: async () => base, options: { maxRows: 5 }, expect: err('sheet.tooManyRows', 'Ic数据', '') },

  // ── refused files
  { name: 'plain text renamed .xlsx', make: async () => Buffer.from('这不是工作簿 / not a workbook\n'), expect: err('file.notXlsx', '', '') },
  { name: 'PDF renamed .xlsx', make: async () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), expect: err('file.notXlsx', '', '') },
  { name: 'empty file', make: async () => Buffer.alloc(0), expect: err('file.empty', '', '') },
  { name: 'encrypted workbook', make: async () => makeCompoundFile(['EncryptionInfo', 'EncryptedPackage']), expect: err('file.encrypted', '', '') },
  { name: 'legacy .xls', make: async () => makeCompoundFile(['Workbook', '\u0005SummaryInformation']), expect: err('file.legacyXls', '', '') },
  { name: 'truncated to half', make: async () => base.subarray(0, Math.floor(base.length / 2)), expect: err('file.truncated', '', '') },
  { name: 'last bytes cut off', make: async () => base.subarray(0, base.length - 10), expect: err('file.truncated', '', '') },
  {
    name: 'zip bomb by ratio',
    make: async () => makeZip([...unzip(base), { name: 'xl/media/filler.bin', data: Buffer.alloc(20 * 1024 * 1024) }]),
    expect: err('file.zipBomb', '', ''),
  },
  {
    name: 'zip bomb with a lying size',
    make: async () => makeZip([...unzip(base), { name: 'xl/media/filler.bin', data: Buffer.alloc(3 * 1024 * 1024), declaredSize: 1000 }]),
    options: { zipLimits: { maxUncompressedBytes: 8 * 1024 * 1024 } },
    expect: err('file.zipBomb', '', ''),
  },
  {
    name: 'zip bomb by total size (lowered limit)',
    make: async () => base,
    options: { zipLimits: { maxUncompressedBytes: 50_000 } },
    expect: err('file.zipBomb', '', ''),
  },
  {
    name: 'zip that is not a workbook',
    make: async () => makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]),
    expect: err('file.notWorkbook', '', ''),
  },
  {
    name: 'workbook part is not XML',
    make: async () => makeZip(unzip(base).map((e) => (e.name === 'xl/workbook.xml' ? { name: e.name, data: Buffer.from('\u0000\u0001garbage<<<') } : e))),
    expect: err('file.corrupt', '', ''),
  },
  {
    name: 'an unrelated workbook',
    make: async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
      return toBuffer(wb);
    },
    expect: err('file.unknownKind', '', ''),
  },
];

describe('bad-input corpus', () => {
  it('has at least 40 generated files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const bytes = await c.make();
      const r = await readWorkbook(bytes, c.options);
      const e = c.expect;
      if (e.key === 'none') {
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
      } else {
        const list = e.severity === 'error' ? r.errors : r.warnings;
        const hit = list.find((n) => n.key === e.key && n.sheet === e.sheet && n.cell === e.cell);
        expect(
          hit,
          `${e.key} at ${e.sheet}!${e.cell}; got ${JSON.stringify([...r.errors, ...r.warnings].map((n) => `${n.key}@${n.sheet}!${n.cell}`))}`,
        ).toBeDefined();
        expect(hit!.zh.length).toBeGreaterThan(0);
        expect(hit!.en.length).toBeGreaterThan(0);
      }
      if (e.severity === 'error') expect(r.submission).toBeUndefined();
      else {
        expect(r.errors).toEqual([]);
        expect(r.submission).toBeDefined();
      }
      c.check?.(r);

      if (!c.options) {
        // Through the CLI: exit status follows the reading; never a stack trace or an internal error.
        const file = join(tmp.dir, `${cases.indexOf(c)}.xlsx`);
        writeFileSync(file, bytes);
        const run = await runCli(['score', file, '--json'], tmp.dir);
        expect(run.code).toBe(e.severity === 'error' ? 1 : 0);
        expect(run.err).not.toMatch(/cli\.internalError|\n\s+at /);
        if (e.severity === 'error') expect(run.err).toContain(`(${e.key})`);
        else expect(JSON.parse(run.out).rubric).toBe('reliability-2024');
      }
    });
  }
});
