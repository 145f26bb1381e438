/**
 * The table cursor's typed reads, and the link they rely on: every drop-down value the workbook
 * contract offers must be one the submission schema accepts (the cursor refuses to pass on any
 * other, so a contract out of step with the schema fails here, not in a person's upload).
 */
import { describe, expect, it } from 'vitest';
import { CONTRACTS } from '@kekao/core/workbook';
import { CellNoteCollector } from '@kekao/core/workbook';
import { openTable } from '@kekao/core/workbook';
import type { TableGrid } from '@kekao/core/workbook';
import {
  degradationModelSchema,
  directionSchema,
  exposureUnitSchema,
  reliabilitySubmissionSchema,
  db31SubmissionSchema,
  STRESS_CATEGORIES,
} from '@kekao/core/submission';

const tables = Object.values(CONTRACTS).flatMap((c) => c.tables);
const options = (table: string, column: string) =>
  tables
    .find((t) => t.name === table)!
    .columns.find((c) => c.key === column)!
    .enumValues!.map((o) => o.value)
    .sort();

describe('drop-down values of the contract are the submission schema’s', () => {
  it.each([
    ['KekaoId', 'direction', directionSchema.options],
    ['KekaoId', 'model', degradationModelSchema.options],
    ['KekaoIr', 'direction', directionSchema.options],
    ['KekaoIr', 'category', STRESS_CATEGORIES],
    ['KekaoW', 'exposureUnit', exposureUnitSchema.options],
  ])('%s.%s', (table, column, schemaValues) => {
    expect(options(table, column)).toEqual([...schemaValues].sort());
  });
  it('the periods of W and of the financials are the two keys of their schema objects', () => {
    const wPeriods = Object.keys(reliabilitySubmissionSchema.shape.w.unwrap().shape)
      .filter((k) => k !== 'targetRate')
      .sort();
    const financePeriods = Object.keys(db31SubmissionSchema.shape.financials.unwrap().shape).sort();
    expect(wPeriods).toEqual(['after', 'before']);
    expect(options('KekaoW', 'period')).toEqual(wPeriods);
    expect(options('KekaoFinance', 'period')).toEqual(financePeriods);
  });
});

describe('TableCursor reads', () => {
  const spec = CONTRACTS['best-practice'].tables.find((t) => t.name === 'KekaoId')!;
  // Id columns in template order: parameter unit limit direction ratedLife model unitId time value baseline resolution
  const grid: TableGrid = {
    sheet: 'Id数据',
    headerRow: 3,
    columns: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'],
    header: spec.columns.map((c) => c.header),
    rows: [
      { rowNumber: 4, values: ['输出电压', 'V', '11.76', '下限', 8000, '线性', 'U1', 0, 12, null, null] },
      { rowNumber: 5, values: [null, 'V', { error: '#N/A' }, '向上', -1, null, 'U1', 1000, 11.9, null, null] },
    ],
  };
  const read = () => {
    const notes = new CellNoteCollector();
    const cur = openTable(spec, { kind: 'best-practice', sheetNames: ['Id数据'], tables: { KekaoId: grid } }, notes)!;
    return { cur, notes, r4: cur.rows[0]!, r5: cur.rows[1]! };
  };

  it('a value, repaired with a warning at its cell', () => {
    const { cur, notes, r4 } = read();
    expect(cur.number(r4, 'limit')).toBe(11.76);
    expect(cur.choice(r4, 'direction', directionSchema.options)).toBe('min');
    expect(notes.warnings.map((n) => [n.cell, n.key])).toEqual([['C4', 'cell.numberAsText']]);
  });

  it('undefined for an empty cell; an error only when the column is required', () => {
    const { cur, notes, r5 } = read();
    expect(cur.text(r5, 'parameter')).toBeUndefined();
    expect(notes.errors).toEqual([]);
    expect(cur.requiredText(r5, 'parameter')).toBeUndefined();
    expect(notes.errors.map((n) => [n.cell, n.key])).toEqual([['A5', 'cell.required']]);
    expect(cur.isBlank(r5, 'parameter')).toBe(true);
  });

  it('undefined for an unreadable cell, with the error at its cell', () => {
    const { cur, notes, r5 } = read();
    expect(cur.number(r5, 'limit')).toBeUndefined();
    expect(cur.choice(r5, 'direction', directionSchema.options)).toBeUndefined();
    // rated life must exceed 0 (contract: min 0, exclusive)
    expect(cur.number(r5, 'ratedLife')).toBeUndefined();
    expect(notes.errors.map((n) => [n.cell, n.key])).toEqual([
      ['C5', 'cell.excelError'],
      ['D5', 'cell.badEnum'],
      ['E5', 'cell.notPositive'],
    ]);
    expect(cur.isBlank(r5, 'limit')).toBe(false);
  });

  it('refuses to pass on a drop-down value the schema does not accept', () => {
    const { cur, r4 } = read();
    expect(() => cur.choice(r4, 'direction', ['max'] as const)).toThrow(/KekaoId\.direction.*"min"/);
  });
});

describe('基本要求 rows whose code and text are Excel error values', () => {
  it('are named as unreadable, never quoted as an internal value', async () => {
    const { readBasicRequirementsTable } = await import('@kekao/core/workbook');
    const { BASIC_TABLE } = await import('@kekao/core/workbook');
    const grid: TableGrid = {
      sheet: '基本要求',
      headerRow: 3,
      columns: ['A', 'B', 'C', 'D'],
      header: BASIC_TABLE.columns.map((c) => c.header),
      rows: [{ rowNumber: 4, values: [{ error: '#REF!' }, { error: '#N/A' }, '是', null] }],
    };
    const notes = new CellNoteCollector();
    const cur = openTable(BASIC_TABLE, { kind: 'best-practice', sheetNames: ['基本要求'], tables: { KekaoBasic: grid } }, notes)!;
    readBasicRequirementsTable(cur, notes);
    notes.finish();
    const texts = [...notes.warnings, ...notes.errors].map((n) => `${n.zh} | ${n.en}`).join('\n');
    expect(texts).toContain('无法读取');
    expect(texts).toContain('cannot be read');
    expect(texts).not.toMatch(/Symbol/);
  });
});
