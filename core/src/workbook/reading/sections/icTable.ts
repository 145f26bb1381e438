/**
 * The Ic table (初始一致性): one row per measured value, as 参数 · 阶段 · 测量值. Rows are grouped
 * into parameters and, within each, into stages (t0 = at delivery, t1 … = after use) in the order
 * they first appear.
 */
import type { z } from 'zod/v4';
import type { icParameterSchema, icStageSchema, ReliabilitySubmissionInput } from '../../../submission/index.js';
import { normalizeToken, toHalfWidth } from '../../cellValue.js';
import type { CellOrigins } from '../cellOrigins.js';
import type { TableCursor } from '../tableCursor.js';

export type IcInput = NonNullable<ReliabilitySubmissionInput['ic']>;
type IcParameterInput = z.input<typeof icParameterSchema>;
type IcStageInput = z.input<typeof icStageSchema>;

const T0_SPELLINGS = new Set(['t0', 't=0', '0', '出厂', '出厂时', '出厂时(t=0)', '出厂时t=0', 't0(出厂时)', 'to']);

/** 't0' for every spelling of 出厂时（t＝0）; other stage labels are kept as written. */
export function normalizeStage(s: string): string {
  const n = normalizeToken(s);
  return T0_SPELLINGS.has(n) ? 't0' : toHalfWidth(s).trim();
}

interface StageRows {
  stage: Omit<IcStageInput, 'values'>;
  /** How notes name the stage: 参数“输出电压”阶段 t1. */
  what: string;
  values: number[];
  /** Sheet row of each value, for naming the cell of a value the schema refuses. */
  rows: number[];
}

interface ParameterRows {
  parameter: Omit<IcParameterInput, 'stages'>;
  /** How notes name the parameter: 参数“输出电压”. */
  what: string;
  stages: Map<string, StageRows>;
}

export function readIcTable(cur: TableCursor, origins: CellOrigins): IcInput | undefined {
  const params = new Map<string, ParameterRows>();
  for (const row of cur.rows) {
    const name = cur.requiredText(row, 'parameter');
    const stageText = cur.requiredText(row, 'stage');
    const value = cur.requiredNumber(row, 'value', 'unit');
    const unit = cur.text(row, 'unit');
    const usage = cur.number(row, 'usageHours');
    const resolution = cur.number(row, 'resolution');
    // The sample id is not scored, but an unreadable one is still reported.
    cur.text(row, 'sample');
    if (name === undefined || stageText === undefined || value === undefined) continue;
    let entry = params.get(name);
    if (!entry) {
      entry = { parameter: { name }, what: `参数“${name}”`, stages: new Map() };
      params.set(name, entry);
      origins.recordCell(`ic.parameters[${params.size - 1}]`, { sheet: cur.sheet, cell: cur.at(row, 'parameter') });
    }
    const p = entry.parameter;
    cur.settle(row, p, 'unit', unit, entry.what);
    // The first resolution given is used; unlike the unit, a different later one is not reported.
    if (resolution !== undefined && p.resolution === undefined) p.resolution = resolution;
    const stage = normalizeStage(stageText);
    let st = entry.stages.get(stage);
    if (!st) {
      st = { stage: { stage }, what: `${entry.what}阶段 ${stage}`, values: [], rows: [] };
      entry.stages.set(stage, st);
    }
    cur.settle(row, st.stage, 'usageHours', usage, st.what);
    st.values.push(value);
    st.rows.push(row.rowNumber);
  }
  if (params.size === 0) return undefined;
  const column = cur.letter('value');
  const parameters = [...params.values()].map(
    (e, i): IcParameterInput => ({
      ...e.parameter,
      stages: [...e.stages.values()].map((st, j): IcStageInput => {
        origins.recordCell(`ic.parameters[${i}].stages[${j}]`, { sheet: cur.sheet, cell: `${cur.letter('stage')}${st.rows[0]}` });
        origins.recordColumn(`ic.parameters[${i}].stages[${j}].values`, { sheet: cur.sheet, column, rows: st.rows });
        return { ...st.stage, values: st.values };
      }),
    }),
  );
  return { parameters };
}
