import ExcelJS from 'exceljs';
import { makeCompoundFile, makeZip, unzip } from '../craftedFiles.js';
import { toBuffer } from '../workbookTestKit.js';
import { bases, err, icWithHeaders, mutate, set, type Case } from './corpusKit.js';

/** Files kekao refuses, with an error that names the cell, or as a whole. */
export const refusedCases: Case[] = [
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
    make: () => mutate(set('推荐表', 'B17', '案'.repeat(520)), () => bases.fmea),
    expect: err('form.tooLong', '推荐表', 'B17'),
  },
  { name: 'too many rows', make: async () => bases.reliability, options: { maxRows: 5 }, expect: err('sheet.tooManyRows', 'Ic数据', '') },

  // ── refused files
  { name: 'plain text renamed .xlsx', make: async () => Buffer.from('这不是工作簿 / not a workbook\n'), expect: err('file.notXlsx', '', '') },
  { name: 'PDF renamed .xlsx', make: async () => Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), expect: err('file.notXlsx', '', '') },
  { name: 'empty file', make: async () => Buffer.alloc(0), expect: err('file.empty', '', '') },
  { name: 'encrypted workbook', make: async () => makeCompoundFile(['EncryptionInfo', 'EncryptedPackage']), expect: err('file.encrypted', '', '') },
  { name: 'legacy .xls', make: async () => makeCompoundFile(['Workbook', '\u0005SummaryInformation']), expect: err('file.legacyXls', '', '') },
  {
    name: 'truncated to half',
    make: async () => bases.reliability.subarray(0, Math.floor(bases.reliability.length / 2)),
    expect: err('file.truncated', '', ''),
  },
  { name: 'last bytes cut off', make: async () => bases.reliability.subarray(0, bases.reliability.length - 10), expect: err('file.truncated', '', '') },
  {
    name: 'zip bomb by ratio',
    make: async () => makeZip([...unzip(bases.reliability), { name: 'xl/media/filler.bin', data: Buffer.alloc(20 * 1024 * 1024) }]),
    expect: err('file.zipBomb', '', ''),
  },
  {
    name: 'zip bomb with a lying size',
    make: async () => makeZip([...unzip(bases.reliability), { name: 'xl/media/filler.bin', data: Buffer.alloc(3 * 1024 * 1024), declaredSize: 1000 }]),
    options: { zipLimits: { maxUncompressedBytes: 8 * 1024 * 1024 } },
    expect: err('file.zipBomb', '', ''),
  },
  {
    name: 'zip bomb by total size (lowered limit)',
    make: async () => bases.reliability,
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
    make: async () =>
      makeZip(unzip(bases.reliability).map((e) => (e.name === 'xl/workbook.xml' ? { name: e.name, data: Buffer.from('\u0000\u0001garbage<<<') } : e))),
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
