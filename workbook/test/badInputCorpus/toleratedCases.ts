import { expect } from 'vitest';
import { fillTable } from '../workbookTestKit.js';
import { firstIcValue, icWithHeaders, IC_ROWS, IR_ROWS, mutate, set, warn, W_ROWS, type Case } from './corpusKit.js';

/** Files kekao reads with a warning that names the cell. */
export const toleratedCases: Case[] = [
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
];
