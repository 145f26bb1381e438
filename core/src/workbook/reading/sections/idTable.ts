/**
 * The Id table (退化一致性): one row per measurement of one unit at one time, as 参数 · 样品编号 ·
 * 时间 · 测量值. The parameter's limit, direction, rated life and model may be written on every row
 * or only on the first; rows are grouped into parameters and units in the order they first appear.
 */
import type { z } from 'zod/v4';
import {
  degradationModelSchema,
  directionSchema,
  type idParameterSchema,
  type idUnitSchema,
  type ReliabilitySubmissionInput,
} from '../../../submission/index.js';
import type { CellOrigins } from '../cellOrigins.js';
import type { TableCursor } from '../tableCursor.js';

export type IdInput = NonNullable<ReliabilitySubmissionInput['id']>;
type IdParameterInput = z.input<typeof idParameterSchema>;
type IdUnitInput = z.input<typeof idUnitSchema>;

/** What a parameter's rows say about the parameter itself (settled from the first row that gives each). */
type ParameterFields = { name: string } & Partial<Omit<IdParameterInput, 'name' | 'units'>>;

interface UnitRows extends IdUnitInput {
  /** Sheet row of each time and value, for naming the cell of one the schema refuses. */
  rows: number[];
}

interface ParameterRows {
  fields: ParameterFields;
  /** How notes name the parameter: 参数“输出电压”. */
  what: string;
  units: Map<string, UnitRows>;
  firstRow: number;
}

/** Required once per parameter, not on every row. */
const PER_PARAMETER_REQUIRED = ['limit', 'direction', 'ratedLife'] as const;

export function readIdTable(cur: TableCursor, origins: CellOrigins): IdInput | undefined {
  const params = new Map<string, ParameterRows>();
  for (const row of cur.rows) {
    const name = cur.requiredText(row, 'parameter');
    const unitId = cur.requiredText(row, 'unitId');
    const time = cur.requiredNumber(row, 'time');
    const value = cur.requiredNumber(row, 'value', 'unit');
    const unit = cur.text(row, 'unit');
    const limit = cur.number(row, 'limit');
    const direction = cur.choice(row, 'direction', directionSchema.options);
    const ratedLife = cur.number(row, 'ratedLife');
    const model = cur.choice(row, 'model', degradationModelSchema.options);
    const baseline = cur.number(row, 'baseline');
    const resolution = cur.number(row, 'resolution');
    if (name === undefined || unitId === undefined || time === undefined || value === undefined) continue;
    let entry = params.get(name);
    if (!entry) {
      entry = { fields: { name }, what: `参数“${name}”`, units: new Map(), firstRow: row.rowNumber };
      params.set(name, entry);
      origins.recordCell(`id.parameters[${params.size - 1}]`, { sheet: cur.sheet, cell: cur.at(row, 'parameter') });
    }
    const { fields: f, what } = entry;
    cur.settle(row, f, 'unit', unit, what);
    cur.settle(row, f, 'limit', limit, what);
    cur.settle(row, f, 'direction', direction, what);
    cur.settle(row, f, 'ratedLife', ratedLife, what);
    cur.settle(row, f, 'model', model, what);
    cur.settle(row, f, 'baseline', baseline, what);
    cur.settle(row, f, 'resolution', resolution, what);
    let u = entry.units.get(unitId);
    if (!u) {
      u = { id: unitId, times: [], values: [], rows: [] };
      entry.units.set(unitId, u);
    }
    u.times.push(time);
    u.values.push(value);
    u.rows.push(row.rowNumber);
  }
  if (params.size === 0) return undefined;
  const parameters: IdParameterInput[] = [];
  [...params.values()].forEach((e, i) => {
    for (const key of PER_PARAMETER_REQUIRED) {
      if (e.fields[key] === undefined) cur.missingInGroup(key, e.firstRow, { zh: `参数“${e.fields.name}”`, en: `parameter "${e.fields.name}"` });
    }
    const units = [...e.units.values()].map((u, j): IdUnitInput => {
      origins.recordCell(`id.parameters[${i}].units[${j}]`, { sheet: cur.sheet, cell: `${cur.letter('unitId')}${u.rows[0]}` });
      origins.recordColumn(`id.parameters[${i}].units[${j}].values`, { sheet: cur.sheet, column: cur.letter('value'), rows: u.rows });
      origins.recordColumn(`id.parameters[${i}].units[${j}].times`, { sheet: cur.sheet, column: cur.letter('time'), rows: u.rows });
      return { id: u.id, times: u.times, values: u.values };
    });
    const { limit, direction, ratedLife } = e.fields;
    // A parameter lacking one of them has just been reported as an error, which already stops the reading.
    if (limit !== undefined && direction !== undefined && ratedLife !== undefined) parameters.push({ ...e.fields, limit, direction, ratedLife, units });
  });
  return { parameters };
}
