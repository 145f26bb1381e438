/**
 * The Ir table (环境适应性): per extreme-use scenario, the stresses applied and the performance
 * measured under them. A scenario may take several rows: one per stress (with or without a
 * measured value) and one per sample; the same sample written again on a second stress row is
 * counted once.
 */
import type { z } from 'zod/v4';
import { directionSchema, STRESS_CATEGORIES, type irScenarioSchema, type ReliabilitySubmissionInput, type stressSchema } from '../../../submission/index.js';
import type { CellOrigins } from '../cellOrigins.js';
import type { TableCursor } from '../tableCursor.js';

export type IrInput = NonNullable<ReliabilitySubmissionInput['ir']>;
type IrScenarioInput = z.input<typeof irScenarioSchema>;
type StressInput = z.input<typeof stressSchema>;

/** What a scenario's rows say about the scenario itself (settled from the first row that gives each). */
type ScenarioFields = { name: string } & Partial<Pick<IrScenarioInput, 'limit' | 'direction' | 'parameter' | 'unit' | 'resolution'>>;

interface ScenarioRows {
  fields: ScenarioFields;
  /** How notes name the scenario: 场景“高温 85℃”. */
  what: string;
  /** By category, level, rated level and unit: a stress repeated on several rows is listed once. */
  stresses: Map<string, StressInput>;
  values: number[];
  /** Sheet row of each value, for naming the cell of a value the schema refuses. */
  rows: number[];
  /** Value by sample id, to tell a repeated row from a second measurement. */
  samples: Map<string, number>;
  firstRow: number;
}

/** Required once per scenario, not on every row. */
const PER_SCENARIO_REQUIRED = ['limit', 'direction'] as const;

export function readIrTable(cur: TableCursor, origins: CellOrigins): IrInput | undefined {
  const scenarios = new Map<string, ScenarioRows>();
  for (const row of cur.rows) {
    const name = cur.requiredText(row, 'scenario');
    const categoryBlank = cur.isBlank(row, 'category');
    const categoryCell = cur.choice(row, 'category', STRESS_CATEGORIES);
    const level = cur.number(row, 'level', 'stressUnit');
    const rated = cur.number(row, 'rated', 'stressUnit');
    const stressUnit = cur.text(row, 'stressUnit');
    const parameter = cur.text(row, 'parameter');
    const unit = cur.text(row, 'unit');
    const sample = cur.text(row, 'sample');
    const limit = cur.number(row, 'limit');
    const direction = cur.choice(row, 'direction', directionSchema.options);
    const resolution = cur.number(row, 'resolution');
    // A row that only adds a stress to its scenario may leave the value empty.
    const stressOnly = cur.isBlank(row, 'value') && !categoryBlank;
    const value = stressOnly ? undefined : cur.requiredNumber(row, 'value', 'unit');
    if (name === undefined || (!stressOnly && value === undefined)) continue;
    let sc = scenarios.get(name);
    if (!sc) {
      sc = { fields: { name }, what: `场景“${name}”`, stresses: new Map(), values: [], rows: [], samples: new Map(), firstRow: row.rowNumber };
      scenarios.set(name, sc);
      origins.recordCell(`ir.scenarios[${scenarios.size - 1}]`, { sheet: cur.sheet, cell: cur.at(row, 'scenario') });
    }
    const what = sc.what;
    cur.settle(row, sc.fields, 'limit', limit, what);
    cur.settle(row, sc.fields, 'direction', direction, what);
    cur.settle(row, sc.fields, 'parameter', parameter, what);
    cur.settle(row, sc.fields, 'unit', unit, what);
    cur.settle(row, sc.fields, 'resolution', resolution, what);
    let category = categoryCell;
    if (categoryBlank && (level !== undefined || rated !== undefined)) {
      cur.notes.warnCell(cur.sheet, cur.letter('category') || 'A', row.rowNumber, {
        key: 'ir.categoryMissing',
        zh: '给出了应力水平但没有应力类别，按“其他”处理',
        en: 'a stress level without a stress category; treated as "other"',
      });
      category = 'other';
    }
    if (category !== undefined) {
      const stress: StressInput = { category };
      if (level !== undefined) stress.level = level;
      if (rated !== undefined) stress.rated = rated;
      if (stressUnit !== undefined) stress.unit = stressUnit;
      const k = `${category}|${String(stress.level)}|${String(stress.rated)}|${String(stress.unit)}`;
      if (!sc.stresses.has(k)) sc.stresses.set(k, stress);
    }
    if (value !== undefined) {
      if (sample !== undefined) {
        const prev = sc.samples.get(sample);
        if (prev === value) continue; // the same sample repeated on a second stress row
        if (prev !== undefined) {
          cur.notes.warnCell(cur.sheet, cur.letter('sample'), row.rowNumber, {
            key: 'ir.sampleRepeated',
            zh: `样品“${sample}”在${what}中出现多次且测量值不同，均已计入`,
            en: `sample "${sample}" appears more than once in scenario "${name}" with different values; all are counted`,
          });
        }
        sc.samples.set(sample, value);
      }
      sc.values.push(value);
      sc.rows.push(row.rowNumber);
    }
  }
  if (scenarios.size === 0) return undefined;
  const list: IrScenarioInput[] = [];
  [...scenarios.values()].forEach((sc, i) => {
    for (const key of PER_SCENARIO_REQUIRED) {
      if (sc.fields[key] === undefined) cur.missingInGroup(key, sc.firstRow, { zh: `场景“${sc.fields.name}”`, en: `scenario "${sc.fields.name}"` });
    }
    origins.recordColumn(`ir.scenarios[${i}].values`, { sheet: cur.sheet, column: cur.letter('value'), rows: sc.rows });
    const { limit, direction } = sc.fields;
    // A scenario lacking one of them has just been reported as an error, which already stops the reading.
    if (limit !== undefined && direction !== undefined) list.push({ ...sc.fields, limit, direction, stresses: [...sc.stresses.values()], values: sc.values });
  });
  return { scenarios: list };
}
