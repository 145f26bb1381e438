/** Tolerant cell reading: each repair is named, each refusal too. Expected values written out by hand. */
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, readDate, readEnum, readNumber, toHalfWidth } from '@kekao/core/workbook';
import { DIRECTION_OPTIONS, STRESS_OPTIONS } from '@kekao/core/workbook';
import { normalizeStage } from '@kekao/core/workbook';

const num = (v: unknown, unit?: string) => readNumber(v, { expectedUnit: unit });

describe('readNumber', () => {
  it.each([
    [12.5, 12.5, undefined],
    ['１２．３', 12.3, 'cell.fullWidth'],
    ['－４０', -40, 'cell.fullWidth'],
    ['1,234.5', 1234.5, 'cell.thousandsSeparator'],
    ['1，234', 1234, 'cell.thousandsSeparator'],
    ['12.3 V', 12.3, 'cell.unitStripped'],
    ['85℃', 85, 'cell.unitStripped'],
    ['5 m/s²', 5, 'cell.unitStripped'],
    ['10%', 0.1, 'cell.percent'],
    [' 7.25 ', 7.25, 'cell.numberAsText'],
    ['1e-3', 0.001, 'cell.numberAsText'],
  ])('%j → %d (%s)', (input, value, key) => {
    const r = num(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBeCloseTo(value as number, 12);
      expect(r.warning?.key).toBe(key);
    }
  });

  it.each([['约12'], ['12,3'], ['<0.1'], ['12.3.4'], ['N/A'], ['—'], [''], [true], [Number.NaN]])('%j is refused', (input) => {
    const r = num(input);
    expect(r.ok).toBe(false);
  });

  it('refuses a unit that contradicts the unit column, accepts the same unit in another spelling', () => {
    const bad = num('11998 mV', 'V');
    expect(bad.ok ? '' : bad.error.key).toBe('cell.unitMismatch');
    const same = num('85 °C', '℃');
    expect(same.ok && same.value).toBe(85);
  });
});

describe('dates, enums, stages', () => {
  it('Excel serials: 1 = 1900-01-01, 60 = the phantom 1900-02-29 slot, 61 = 1900-03-01, 45658 = 2025-01-01', () => {
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(excelSerialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(excelSerialToDate(45658).toISOString().slice(0, 10)).toBe('2025-01-01');
    const r = readDate(45658);
    expect(r.ok && r.value).toBe('2025-01-01');
    expect(r.ok && r.warning?.key).toBe('cell.serialDate');
    expect(readDate('2024年3月5日')).toEqual({ ok: true, value: '2024-03-05' });
    expect(readDate('2023-02-29').ok).toBe(false);
  });

  it('enums accept labels, values and aliases in any width and case', () => {
    expect(readEnum('下限', DIRECTION_OPTIONS)).toEqual({ ok: true, value: 'min' });
    expect(readEnum('≤', DIRECTION_OPTIONS)).toEqual({ ok: true, value: 'max' });
    expect(readEnum('ＭＡＸ', DIRECTION_OPTIONS)).toEqual({ ok: true, value: 'max' });
    expect(readEnum('盐雾', STRESS_OPTIONS)).toEqual({ ok: true, value: 'salt-spray' });
    expect(readEnum('温循', STRESS_OPTIONS)).toEqual({ ok: true, value: 'thermal-cycling' });
    const bad = readEnum('向上', DIRECTION_OPTIONS);
    expect(bad.ok ? '' : bad.error.key).toBe('cell.badEnum');
  });

  it('every spelling of 出厂时 (t＝0) is stage t0', () => {
    for (const s of ['t0', 'T0', 't=0', 't＝0', '0', '出厂时', '出厂']) expect(normalizeStage(s)).toBe('t0');
    expect(normalizeStage('t1')).toBe('t1');
    expect(normalizeStage('２０００h')).toBe('2000h');
    expect(toHalfWidth('（Ａ）')).toBe('(A)');
  });
});
