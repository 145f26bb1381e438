/**
 * Plain cell grids → a submission (issue 3 point 4; DESIGN §3.2). Pure: the file side builds the
 * grids with exceljs, the Excel add-in with office.js (`range.values`), and both call this.
 *
 * A table grid is one Excel table (or a header row found by its headers) and the rows under it,
 * each row an array of values aligned with `columns` (the column letters). Cells are addressed
 * only when a note is written, so 70 000 rows cost no per-cell address strings.
 *
 * Every repair is a warning naming sheet!cell; what cannot be read is an error naming sheet!cell.
 * When there is any error, no submission is returned: scoring half-read data would mislead.
 */
import { bilingualZodError, submissionSchema, type Submission } from '../submission/index.js';
import {
  CONTRACTS,
  RUBRIC_OF_KIND,
  TEAM_MAX_MEMBERS,
  YES_NO_OPTIONS,
  type ColumnSpec,
  type FormFieldSpec,
  type TableSpec,
  type WorkbookContract,
  type WorkbookKind,
} from './contract.js';
import { reliability2024 } from '../rubrics/reliability2024.js';
import {
  checkMin,
  flattenCellValue,
  isBlank,
  normalizeToken,
  parseRange,
  readBoolean,
  readDate,
  readEnum,
  readInteger,
  readNumber,
  readText,
  toHalfWidth,
  type CellProblem,
  type CellRead,
} from './cellValue.js';
import { CellNoteCollector, type CellNote } from './cellNotes.js';
import { validateUscc } from './uscc.js';

export type { CellNote } from './cellNotes.js';

export interface GridRow {
  rowNumber: number;
  values: readonly unknown[];
}

export interface TableGrid {
  sheet: string;
  /** ListObject name when the table was found by name. */
  table?: string;
  headerRow: number;
  /** Column letter of each index of `header` and `values`. */
  columns: readonly string[];
  header: readonly unknown[];
  /** Rows below the header (blank rows may be included or left out). */
  rows: readonly GridRow[];
  /** Merged ranges of the sheet ('B5:B8'). */
  merges?: readonly string[];
}

/** Cells of a layout sheet (推荐表, 评分表) by A1 address. */
export interface SheetCells {
  sheet: string;
  cells: Readonly<Record<string, unknown>>;
  merges?: readonly string[];
}

export interface WorkbookCells {
  kind: WorkbookKind;
  sheetNames: readonly string[];
  form?: SheetCells;
  score?: SheetCells;
  /** By table name (KekaoIc …); undefined when neither the table nor its sheet was found. */
  tables: Readonly<Record<string, TableGrid | undefined>>;
}

export interface WorkbookReading {
  kind: WorkbookKind;
  submission?: Submission;
  /** Every form field as display text (contact, phone … for the 推荐汇总表). */
  form: Record<string, string>;
  warnings: CellNote[];
  errors: CellNote[];
}

// ───────────────────────────────────────────── header matching

export function normalizeHeader(s: unknown): string {
  return toHalfWidth(String(s ?? ''))
    .replace(/\s+/g, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '')
    .toLowerCase();
}

function stripBracket(s: string): string {
  return s.replace(/\([^()]*\)$/, '').replace(/\[[^\]]*\]$/, '');
}

const candidateCache = new WeakMap<ColumnSpec, { exact: Set<string>; stripped: Set<string> }>();
function candidates(c: ColumnSpec): { exact: Set<string>; stripped: Set<string> } {
  let e = candidateCache.get(c);
  if (!e) {
    const exact = new Set([c.header, c.key, ...c.aliases].map(normalizeHeader));
    e = { exact, stripped: new Set([...exact].map(stripBracket)) };
    candidateCache.set(c, e);
  }
  return e;
}

export interface ColumnMatch {
  /** Index in the grid of each matched column key. */
  indexOf: Map<string, number>;
  extra: number[];
  duplicate: number[];
  missingRequired: ColumnSpec[];
  /** Required columns found (used to find a header row when there is no table). */
  requiredFound: number;
}

/** Matches header cells to the contract's columns by header, English key or alias, in any order. */
export function matchColumns(spec: TableSpec, header: readonly unknown[]): ColumnMatch {
  const indexOf = new Map<string, number>();
  const extra: number[] = [];
  const duplicate: number[] = [];
  header.forEach((h, i) => {
    const v = flattenCellValue(h);
    if (isBlank(v)) return;
    const n = normalizeHeader(v);
    const found =
      spec.columns.find((c) => candidates(c).exact.has(n)) ??
      spec.columns.find((c) => candidates(c).stripped.has(stripBracket(n)));
    if (!found) extra.push(i);
    else if (indexOf.has(found.key)) duplicate.push(i);
    else indexOf.set(found.key, i);
  });
  const missingRequired = spec.columns.filter((c) => c.required && !indexOf.has(c.key));
  return { indexOf, extra, duplicate, missingRequired, requiredFound: spec.columns.filter((c) => c.required).length - missingRequired.length };
}

// ───────────────────────────────────────────── reading one table

const INVALID = Symbol('invalid');
type Cell<T> = T | null | typeof INVALID;

/** Where a submission path came from, for mapping schema problems back to cells. */
interface PathOrigin {
  sheet: string;
  cell: string;
}
interface ValueOrigin {
  sheet: string;
  column: string;
  rows: number[];
}

class Origins {
  private readonly nodes = new Map<string, PathOrigin>();
  private readonly arrays = new Map<string, ValueOrigin>();
  node(path: string, o: PathOrigin): void {
    if (!this.nodes.has(path)) this.nodes.set(path, o);
  }
  array(path: string, o: ValueOrigin): void {
    this.arrays.set(path, o);
  }
  /** The most specific known origin of a path such as ic.parameters.0.stages.1.values.3. */
  locate(path: readonly PropertyKey[]): PathOrigin | undefined {
    const parts = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    for (let k = parts.length; k > 0; k--) {
      const key = parts.slice(0, k).join('').replace(/^\./, '');
      const last = path[k];
      const arr = this.arrays.get(key);
      if (arr && typeof last === 'number' && arr.rows[last] !== undefined) return { sheet: arr.sheet, cell: `${arr.column}${arr.rows[last]}` };
      const n = this.nodes.get(key);
      if (n) return n;
    }
    return undefined;
  }
}

class TableCursor {
  readonly ok: boolean;
  private readonly idx = new Map<string, number>();
  private readonly specs = new Map<string, ColumnSpec>();
  private readonly letters: readonly string[];
  rows: GridRow[] = [];

  constructor(
    readonly spec: TableSpec,
    readonly grid: TableGrid,
    readonly notes: CellNoteCollector,
  ) {
    for (const c of spec.columns) this.specs.set(c.key, c);
    this.letters = grid.columns;
    const m = matchColumns(spec, grid.header);
    for (const [k, i] of m.indexOf) this.idx.set(k, i);
    for (const i of m.extra) {
      notes.warn(grid.sheet, `${grid.columns[i]}${grid.headerRow}`, {
        key: 'table.extraColumn',
        zh: `多余的列“${String(flattenCellValue(grid.header[i]))}”已忽略`,
        en: `extra column "${String(flattenCellValue(grid.header[i]))}" ignored`,
      });
    }
    for (const i of m.duplicate) {
      notes.warn(grid.sheet, `${grid.columns[i]}${grid.headerRow}`, {
        key: 'table.duplicateColumn',
        zh: `重复的列“${String(flattenCellValue(grid.header[i]))}”已忽略，使用第一列`,
        en: `duplicate column "${String(flattenCellValue(grid.header[i]))}" ignored; the first is used`,
      });
    }
    const order = spec.columns.map((c) => this.idx.get(c.key)).filter((i): i is number => i !== undefined);
    if (order.some((v, k) => k > 0 && v < order[k - 1]!)) {
      notes.warn(grid.sheet, `A${grid.headerRow}`, {
        key: 'table.reorderedColumns',
        zh: '列顺序与模板不同，已按表头匹配',
        en: 'columns are in a different order than the template; matched by header',
      });
    }
    for (const c of m.missingRequired) {
      notes.error(grid.sheet, `${grid.columns[0] ?? 'A'}${grid.headerRow}`, {
        key: 'table.missingColumn',
        zh: `缺少必需的列“${c.header}”`,
        en: `the required column "${c.header}" (${c.key}) is missing`,
      });
    }
    this.ok = m.missingRequired.length === 0;
    if (this.ok) this.rows = this.prepareRows();
  }

  has(key: string): boolean {
    return this.idx.has(key);
  }

  letter(key: string): string {
    const i = this.idx.get(key);
    return i === undefined ? '' : this.letters[i]!;
  }

  private header(key: string): string {
    return this.specs.get(key)!.header;
  }

  /** Applies merged ranges (value of the top-left cell), drops blank rows, warns once about inner blank rows. */
  private prepareRows(): GridRow[] {
    const g = this.grid;
    let rows: GridRow[] = g.rows as GridRow[];
    if (g.merges && g.merges.length) {
      const colIndex = new Map<number, number>();
      g.columns.forEach((l, i) => colIndex.set(letterToNumber(l), i));
      const byNumber = new Map<number, number>();
      rows.forEach((r, i) => byNumber.set(r.rowNumber, i));
      let copied = false;
      for (const m of g.merges) {
        const r = parseRange(m);
        if (!r || r.bottom <= g.headerRow) continue;
        const topIdx = byNumber.get(r.top);
        if (r.top <= g.headerRow || topIdx === undefined) continue;
        if (!copied) {
          rows = rows.map((x) => ({ rowNumber: x.rowNumber, values: x.values }));
          copied = true;
        }
        let touched = false;
        for (let c = r.left; c <= r.right; c++) {
          const ci = colIndex.get(c);
          if (ci === undefined) continue;
          const v = rows[topIdx]!.values[ci];
          for (let rn = r.top; rn <= r.bottom; rn++) {
            const ri = byNumber.get(rn);
            if (ri === undefined) continue;
            const vals = [...rows[ri]!.values];
            vals[ci] = v;
            rows[ri] = { rowNumber: rn, values: vals };
            touched = true;
          }
        }
        if (touched) {
          this.notes.warn(g.sheet, m, {
            key: 'cell.merged',
            zh: `合并单元格 ${m} 的每一行都取左上角的值`,
            en: `merged cells ${m}: every row takes the top-left value`,
          });
        }
      }
    }
    const kept: GridRow[] = [];
    let blankInside = 0;
    let firstBlank = 0;
    let pendingBlank: number[] = [];
    let expected = g.headerRow + 1;
    for (const r of rows) {
      // Rows the grid left out because they were empty count as blank too.
      for (let n = expected; n < r.rowNumber; n++) pendingBlank.push(n);
      expected = r.rowNumber + 1;
      let blank = true;
      for (let i = 0; i < r.values.length; i++) {
        const v = r.values[i];
        if (!(v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) {
          blank = false;
          break;
        }
      }
      if (blank) {
        pendingBlank.push(r.rowNumber);
        continue;
      }
      if (pendingBlank.length && kept.length) {
        blankInside += pendingBlank.length;
        if (!firstBlank) firstBlank = pendingBlank[0]!;
      }
      pendingBlank = [];
      kept.push(r);
    }
    if (blankInside) {
      this.notes.warn(g.sheet, `${g.columns[0] ?? 'A'}${firstBlank}`, {
        key: 'table.blankRows',
        zh: `跳过 ${blankInside} 个空行（自第 ${firstBlank} 行起）`,
        en: `${blankInside} blank row(s) skipped (first: row ${firstBlank})`,
      });
    }
    return kept;
  }

  private raw(row: GridRow, key: string): unknown {
    const i = this.idx.get(key);
    if (i === undefined) return null;
    const v = row.values[i];
    return typeof v === 'object' && v !== null && !(v instanceof Date) ? flattenCellValue(v) : v;
  }

  isBlank(row: GridRow, key: string): boolean {
    return isBlank(this.raw(row, key));
  }

  private handle<T>(row: GridRow, key: string, r: CellRead<T>): Cell<T> {
    if (r.ok) {
      if (r.warning) this.notes.warnCell(this.grid.sheet, this.letter(key), row.rowNumber, r.warning);
      return r.value;
    }
    this.notes.error(this.grid.sheet, `${this.letter(key)}${row.rowNumber}`, r.error);
    return INVALID;
  }

  private blank(row: GridRow, key: string, required: boolean): null | typeof INVALID {
    if (!required) return null;
    this.notes.error(this.grid.sheet, `${this.letter(key) || 'A'}${row.rowNumber}`, {
      key: 'cell.required',
      zh: `必填项“${this.header(key)}”为空`,
      en: `the required cell "${this.header(key)}" (${key}) is empty`,
    });
    return INVALID;
  }

  text(row: GridRow, key: string, required = false): Cell<string> {
    const v = this.raw(row, key);
    if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') return t;
    }
    if (isBlank(v)) return this.blank(row, key, required);
    return this.handle(row, key, readText(v));
  }

  num(row: GridRow, key: string, required = false, unitKey?: string): Cell<number> {
    const v = this.raw(row, key);
    let n: Cell<number>;
    if (typeof v === 'number' && Number.isFinite(v)) n = v;
    else if (isBlank(v)) return this.blank(row, key, required);
    else {
      const unit = unitKey ? this.raw(row, unitKey) : undefined;
      const expectedUnit = typeof unit === 'string' && unit.trim() ? unit.trim() : undefined;
      const spec = this.specs.get(key)!;
      n = this.handle(row, key, spec.type === 'integer' ? readInteger(v, { expectedUnit }) : readNumber(v, { expectedUnit }));
    }
    if (n === INVALID || n === null) return n;
    const spec = this.specs.get(key)!;
    if (spec.type === 'integer' && !Number.isInteger(n)) {
      this.notes.error(this.grid.sheet, `${this.letter(key)}${row.rowNumber}`, { key: 'cell.notInteger', zh: `“${n}”不是整数`, en: `"${n}" is not an integer` });
      return INVALID;
    }
    if (spec.min !== undefined) {
      const p = checkMin(n, spec.min, spec.minExclusive ?? false);
      if (p) {
        this.notes.error(this.grid.sheet, `${this.letter(key)}${row.rowNumber}`, p);
        return INVALID;
      }
    }
    return n;
  }

  choice(row: GridRow, key: string, required = false): Cell<string> {
    const v = this.raw(row, key);
    if (isBlank(v)) return this.blank(row, key, required);
    const spec = this.specs.get(key)!;
    return this.handle(row, key, readEnum(v, spec.enumValues ?? []));
  }

  bool(row: GridRow, key: string): Cell<boolean> {
    const v = this.raw(row, key);
    if (isBlank(v)) return null;
    return this.handle(row, key, readBoolean(v, YES_NO_OPTIONS));
  }

  date(row: GridRow, key: string): Cell<string> {
    const v = this.raw(row, key);
    if (isBlank(v)) return null;
    return this.handle(row, key, readDate(v));
  }

  at(row: GridRow, key: string): string {
    return `${this.letter(key) || this.letters[0] || 'A'}${row.rowNumber}`;
  }

  conflict(row: GridRow, key: string, what: string, first: unknown, now: unknown): void {
    this.notes.warnCell(this.grid.sheet, this.letter(key), row.rowNumber, {
      key: 'table.inconsistentValue',
      zh: `${what}的“${this.header(key)}”前后不一致（先为 ${String(first)}，此处为 ${String(now)}），采用第一个值`,
      en: `"${key}" of ${what} differs between rows (first ${String(first)}, here ${String(now)}); the first is used`,
    });
  }
}

function letterToNumber(l: string): number {
  let n = 0;
  for (const ch of l) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const T0_SPELLINGS = new Set(['t0', 't=0', '0', '出厂', '出厂时', '出厂时(t=0)', '出厂时t=0', 't0(出厂时)', 'to']);

/** 't0' for every spelling of 出厂时（t＝0）; other stage labels are kept as written. */
export function normalizeStage(s: string): string {
  const n = normalizeToken(s);
  return T0_SPELLINGS.has(n) ? 't0' : toHalfWidth(s).trim();
}

// ───────────────────────────────────────────── sections

type Json = Record<string, unknown>;

function readIc(cur: TableCursor, origins: Origins): Json | undefined {
  const params = new Map<string, { p: Json; stages: Map<string, { s: Json; values: number[]; rows: number[] }> }>();
  for (const row of cur.rows) {
    const name = cur.text(row, 'parameter', true);
    const stageText = cur.text(row, 'stage', true);
    const value = cur.num(row, 'value', true, 'unit');
    const unit = cur.text(row, 'unit');
    const usage = cur.num(row, 'usageHours');
    const resolution = cur.num(row, 'resolution');
    cur.text(row, 'sample');
    if (name === INVALID || name === null || stageText === INVALID || stageText === null || value === INVALID || value === null) continue;
    let entry = params.get(name);
    if (!entry) {
      entry = { p: { name }, stages: new Map() };
      params.set(name, entry);
      origins.node(`ic.parameters[${params.size - 1}]`, { sheet: cur.grid.sheet, cell: cur.at(row, 'parameter') });
    }
    const p = entry.p;
    if (typeof unit === 'string') {
      if (p.unit === undefined) p.unit = unit;
      else if (p.unit !== unit) cur.conflict(row, 'unit', `参数“${name}”`, p.unit, unit);
    }
    if (typeof resolution === 'number' && p.resolution === undefined) p.resolution = resolution;
    const stage = normalizeStage(stageText);
    let st = entry.stages.get(stage);
    if (!st) {
      st = { s: { stage }, values: [], rows: [] };
      entry.stages.set(stage, st);
    }
    if (typeof usage === 'number') {
      if (st.s.usageHours === undefined) st.s.usageHours = usage;
      else if (st.s.usageHours !== usage) cur.conflict(row, 'usageHours', `参数“${name}”阶段 ${stage}`, st.s.usageHours, usage);
    }
    st.values.push(value);
    st.rows.push(row.rowNumber);
  }
  if (params.size === 0) return undefined;
  const column = cur.letter('value');
  const parameters = [...params.values()].map((e, i) => ({
    ...e.p,
    stages: [...e.stages.values()].map((st, j) => {
      origins.node(`ic.parameters[${i}].stages[${j}]`, { sheet: cur.grid.sheet, cell: `${cur.letter('stage')}${st.rows[0]}` });
      origins.array(`ic.parameters[${i}].stages[${j}].values`, { sheet: cur.grid.sheet, column, rows: st.rows });
      return { ...st.s, values: st.values };
    }),
  }));
  return { parameters };
}

function readId(cur: TableCursor, origins: Origins): Json | undefined {
  type Unit = { id: string; times: number[]; values: number[]; rows: number[] };
  const params = new Map<string, { p: Json; units: Map<string, Unit>; firstRow: number }>();
  const settle = (row: GridRow, p: Json, key: string, value: unknown, what: string) => {
    if (value === null || value === INVALID) return;
    if (p[key] === undefined) p[key] = value;
    else if (p[key] !== value) cur.conflict(row, key, what, p[key], value);
  };
  for (const row of cur.rows) {
    const name = cur.text(row, 'parameter', true);
    const unitId = cur.text(row, 'unitId', true);
    const time = cur.num(row, 'time', true);
    const value = cur.num(row, 'value', true, 'unit');
    const unit = cur.text(row, 'unit');
    const limit = cur.num(row, 'limit');
    const direction = cur.choice(row, 'direction');
    const ratedLife = cur.num(row, 'ratedLife');
    const model = cur.choice(row, 'model');
    const baseline = cur.num(row, 'baseline');
    const resolution = cur.num(row, 'resolution');
    if (name === INVALID || name === null || unitId === INVALID || unitId === null || time === INVALID || time === null || value === INVALID || value === null) continue;
    let entry = params.get(name);
    if (!entry) {
      entry = { p: { name }, units: new Map(), firstRow: row.rowNumber };
      params.set(name, entry);
      origins.node(`id.parameters[${params.size - 1}]`, { sheet: cur.grid.sheet, cell: cur.at(row, 'parameter') });
    }
    const what = `参数“${name}”`;
    settle(row, entry.p, 'unit', unit, what);
    settle(row, entry.p, 'limit', limit, what);
    settle(row, entry.p, 'direction', direction, what);
    settle(row, entry.p, 'ratedLife', ratedLife, what);
    settle(row, entry.p, 'model', model, what);
    settle(row, entry.p, 'baseline', baseline, what);
    settle(row, entry.p, 'resolution', resolution, what);
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
  const sheet = cur.grid.sheet;
  const parameters = [...params.values()].map((e, i) => {
    // Limit, direction and rated life are required per parameter, not on every row.
    for (const key of ['limit', 'direction', 'ratedLife'] as const) {
      if (e.p[key] === undefined) {
        const spec = cur.spec.columns.find((c) => c.key === key)!;
        cur.notes.error(sheet, `${cur.letter(key)}${e.firstRow}`, {
          key: 'cell.required',
          zh: `参数“${String(e.p.name)}”缺少“${spec.header}”`,
          en: `parameter "${String(e.p.name)}" has no "${spec.header}" (${key})`,
        });
      }
    }
    return {
      ...e.p,
      units: [...e.units.values()].map((u, j) => {
        origins.node(`id.parameters[${i}].units[${j}]`, { sheet, cell: `${cur.letter('unitId')}${u.rows[0]}` });
        origins.array(`id.parameters[${i}].units[${j}].values`, { sheet, column: cur.letter('value'), rows: u.rows });
        origins.array(`id.parameters[${i}].units[${j}].times`, { sheet, column: cur.letter('time'), rows: u.rows });
        return { id: u.id, times: u.times, values: u.values };
      }),
    };
  });
  return { parameters };
}

function readIr(cur: TableCursor, origins: Origins): Json | undefined {
  type Sc = { s: Json; stresses: Map<string, Json>; values: number[]; rows: number[]; samples: Map<string, number>; firstRow: number };
  const scenarios = new Map<string, Sc>();
  for (const row of cur.rows) {
    const name = cur.text(row, 'scenario', true);
    const categoryCell = cur.choice(row, 'category');
    const level = cur.num(row, 'level', false, 'stressUnit');
    const rated = cur.num(row, 'rated', false, 'stressUnit');
    const stressUnit = cur.text(row, 'stressUnit');
    const parameter = cur.text(row, 'parameter');
    const unit = cur.text(row, 'unit');
    const sample = cur.text(row, 'sample');
    const limit = cur.num(row, 'limit');
    const direction = cur.choice(row, 'direction');
    const resolution = cur.num(row, 'resolution');
    // A row that only adds a stress to its scenario may leave the value empty.
    const valueBlank = cur.isBlank(row, 'value');
    const value = valueBlank && categoryCell !== null ? null : cur.num(row, 'value', true, 'unit');
    if (name === INVALID || name === null || value === INVALID) continue;
    let sc = scenarios.get(name);
    if (!sc) {
      sc = { s: { name }, stresses: new Map(), values: [], rows: [], samples: new Map(), firstRow: row.rowNumber };
      scenarios.set(name, sc);
      origins.node(`ir.scenarios[${scenarios.size - 1}]`, { sheet: cur.grid.sheet, cell: cur.at(row, 'scenario') });
    }
    const what = `场景“${name}”`;
    for (const [key, v] of [
      ['limit', limit],
      ['direction', direction],
      ['parameter', parameter],
      ['unit', unit],
      ['resolution', resolution],
    ] as const) {
      if (v === null || v === INVALID) continue;
      if (sc.s[key] === undefined) sc.s[key] = v;
      else if (sc.s[key] !== v) cur.conflict(row, key, what, sc.s[key], v);
    }
    let category = categoryCell;
    if (category === null && (typeof level === 'number' || typeof rated === 'number')) {
      cur.notes.warnCell(cur.grid.sheet, cur.letter('category') || 'A', row.rowNumber, {
        key: 'ir.categoryMissing',
        zh: '给出了应力水平但没有应力类别，按“其他”处理',
        en: 'a stress level without a stress category; treated as "other"',
      });
      category = 'other';
    }
    if (typeof category === 'string') {
      const stress: Json = { category };
      if (typeof level === 'number') stress.level = level;
      if (typeof rated === 'number') stress.rated = rated;
      if (typeof stressUnit === 'string') stress.unit = stressUnit;
      const k = `${category}|${String(stress.level)}|${String(stress.rated)}|${String(stress.unit)}`;
      if (!sc.stresses.has(k)) sc.stresses.set(k, stress);
    }
    if (typeof value === 'number') {
      if (typeof sample === 'string') {
        const prev = sc.samples.get(sample);
        if (prev === value) continue; // the same sample repeated on a second stress row
        if (prev !== undefined) {
          cur.notes.warnCell(cur.grid.sheet, cur.letter('sample'), row.rowNumber, {
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
  const sheet = cur.grid.sheet;
  const list = [...scenarios.values()].map((sc, i) => {
    for (const key of ['limit', 'direction'] as const) {
      if (sc.s[key] === undefined) {
        const spec = cur.spec.columns.find((c) => c.key === key)!;
        cur.notes.error(sheet, `${cur.letter(key)}${sc.firstRow}`, {
          key: 'cell.required',
          zh: `场景“${String(sc.s.name)}”缺少“${spec.header}”`,
          en: `scenario "${String(sc.s.name)}" has no "${spec.header}" (${key})`,
        });
      }
    }
    origins.array(`ir.scenarios[${i}].values`, { sheet, column: cur.letter('value'), rows: sc.rows });
    return { ...sc.s, stresses: [...sc.stresses.values()], values: sc.values };
  });
  return { scenarios: list };
}

function readW(cur: TableCursor, origins: Origins, notes: CellNoteCollector): Json | undefined {
  const periods: Record<string, Json> = {};
  for (const row of cur.rows) {
    const period = cur.choice(row, 'period', true);
    const label = cur.text(row, 'label');
    const start = cur.date(row, 'start');
    const end = cur.date(row, 'end');
    const failures = cur.num(row, 'failures', true);
    const exposure = cur.num(row, 'exposure', true);
    const exposureUnit = cur.choice(row, 'exposureUnit', true);
    if (period === INVALID || period === null) continue;
    if (periods[period]) {
      notes.error(cur.grid.sheet, cur.at(row, 'period'), {
        key: 'w.duplicatePeriod',
        zh: `“${period === 'before' ? '改进前' : '改进后'}”出现了两次`,
        en: `the period "${period}" appears twice`,
      });
      continue;
    }
    if (failures === INVALID || exposure === INVALID || exposureUnit === INVALID || failures === null || exposure === null || exposureUnit === null) {
      periods[period] = { invalid: true };
      continue;
    }
    const p: Json = { failures, exposure, exposureUnit };
    const dates = typeof start === 'string' || typeof end === 'string' ? `${typeof start === 'string' ? start : ''}～${typeof end === 'string' ? end : ''}` : undefined;
    if (typeof label === 'string') p.label = label;
    else if (dates) p.label = dates;
    periods[period] = p;
    origins.node(`w.${period}`, { sheet: cur.grid.sheet, cell: cur.at(row, 'period') });
  }
  const { before, after } = periods;
  if (!before && !after) return undefined;
  if (!before || !after) {
    notes.warn(cur.grid.sheet, '', {
      key: 'w.missingPeriod',
      zh: `售后故障数据缺少“${before ? '改进后' : '改进前'}”一行，W 无法比较`,
      en: `W data lacks the "${before ? 'after' : 'before'}" row; W cannot be compared`,
    });
    return undefined;
  }
  if (before.invalid || after.invalid) return undefined;
  return { before, after };
}

function readBasic(cur: TableCursor, notes: CellNoteCollector): Json | undefined {
  const out: Json = {};
  const byText = new Map(reliability2024.basicRequirements.map((b) => [normalizeToken(b.text.zh), b.key]));
  for (const row of cur.rows) {
    const keyText = cur.text(row, 'key');
    const reqText = cur.text(row, 'requirement');
    const met = cur.bool(row, 'met');
    let key: string | undefined;
    if (typeof keyText === 'string' && reliability2024.basicRequirements.some((b) => b.key === keyText)) key = keyText;
    else if (typeof reqText === 'string') key = byText.get(normalizeToken(reqText));
    if (!key) {
      notes.warn(cur.grid.sheet, cur.at(row, 'key'), {
        key: 'basic.unknownRequirement',
        zh: `未知的基本要求“${String(keyText ?? reqText ?? '')}”，已忽略`,
        en: `unknown basic requirement "${String(keyText ?? reqText ?? '')}" ignored`,
      });
      continue;
    }
    if (typeof met === 'boolean') out[key] = met;
  }
  return Object.keys(out).length ? out : undefined;
}

function readFinance(cur: TableCursor, notes: CellNoteCollector): Json | undefined {
  const periods: Record<string, Json> = {};
  for (const row of cur.rows) {
    const period = cur.choice(row, 'period', true);
    const figures: Json = {};
    for (const key of ['sales', 'profit', 'costReduction', 'forexSaving', 'other']) {
      const v = cur.num(row, key);
      if (typeof v === 'number') figures[key] = v;
    }
    if (period === INVALID || period === null) continue;
    if (periods[period]) {
      notes.error(cur.grid.sheet, cur.at(row, 'period'), { key: 'finance.duplicatePeriod', zh: '同一时期出现了两次', en: `the period "${period}" appears twice` });
      continue;
    }
    periods[period] = figures;
  }
  if (!periods.before && !periods.after) return undefined;
  return { before: periods.before ?? {}, after: periods.after ?? {} };
}

function readEcology(cur: TableCursor, notes: CellNoteCollector): Json | undefined {
  let out: Json | undefined;
  for (const row of cur.rows) {
    const indicator = cur.text(row, 'indicator', true);
    const unit = cur.text(row, 'unit');
    const before = cur.num(row, 'before', true, 'unit');
    const after = cur.num(row, 'after', true, 'unit');
    if (out) {
      notes.warn(cur.grid.sheet, cur.at(row, 'indicator'), {
        key: 'ecology.extraRows',
        zh: '生态效益只评一个指标，已使用第一行',
        en: 'only one ecological indicator is assessed; the first row is used',
      });
      break;
    }
    if (typeof before !== 'number' || typeof after !== 'number') continue;
    out = { before, after };
    if (typeof indicator === 'string') out.indicator = typeof unit === 'string' ? `${indicator}（${unit}）` : indicator;
  }
  return out;
}

function readTeam(cur: TableCursor, notes: CellNoteCollector): void {
  const named = cur.rows.filter((r) => typeof cur.text(r, 'name') === 'string');
  if (named.length > TEAM_MAX_MEMBERS) {
    notes.warn(cur.grid.sheet, cur.at(named[TEAM_MAX_MEMBERS]!, 'name'), {
      key: 'team.tooMany',
      zh: `主要攻关人员最多 ${TEAM_MAX_MEMBERS} 名（表A.1 填表说明5），实有 ${named.length} 名`,
      en: `at most ${TEAM_MAX_MEMBERS} main members (Table A.1 note 5); found ${named.length}`,
    });
  }
}

// ───────────────────────────────────────────── form and score sheets

function setPath(obj: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const k = parts[i]!;
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Json;
  }
  o[parts[parts.length - 1]!] = value;
}

function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Finds the value cell of a field: at its contract address when the label is there, else by its label in column A. */
function locateField(cells: SheetCells, f: FormFieldSpec): string | undefined {
  const labelAt = (addr: string) => {
    const v = flattenCellValue(cells.cells[addr]);
    return typeof v === 'string' && normalizeHeader(v).replace(/[:：]$/, '') === normalizeHeader(f.label);
  };
  if (labelAt(f.labelCell)) return f.cell;
  for (const addr of Object.keys(cells.cells)) {
    const m = /^A(\d+)$/.exec(addr);
    if (m && labelAt(addr)) return `B${m[1]}`;
  }
  return undefined;
}

function readForm(contract: WorkbookContract, cells: SheetCells | undefined, candidate: Json, form: Record<string, string>, notes: CellNoteCollector, origins: Origins): void {
  const sheet = contract.formSheet;
  if (!cells) {
    notes.error(sheet, '', { key: 'sheet.missing', zh: `缺少工作表“${sheet}”`, en: `the sheet "${sheet}" is missing` });
    return;
  }
  for (const f of contract.form) {
    const addr = locateField(cells, f);
    if (addr && addr !== f.cell) {
      notes.warn(sheet, addr, { key: 'form.moved', zh: `“${f.label}”不在模板位置 ${f.cell}，按标签找到`, en: `"${f.labelEn}" is not at ${f.cell}; found by its label` });
    }
    const raw = addr ? flattenCellValue(cells.cells[addr]) : null;
    if (f.target) origins.node(f.target, { sheet, cell: addr ?? f.cell });
    if (isBlank(raw)) {
      if (f.required) {
        notes.error(sheet, addr ?? f.cell, { key: 'form.required', zh: `必填项“${f.label}”为空`, en: `the required field "${f.labelEn}" is empty` });
      }
      continue;
    }
    const where = addr ?? f.cell;
    const take = <T>(r: CellRead<T>): T | undefined => {
      if (r.ok) {
        if (r.warning) notes.warn(sheet, where, r.warning);
        return r.value;
      }
      notes.error(sheet, where, r.error);
      return undefined;
    };
    let value: unknown;
    let display: string | undefined;
    switch (f.type) {
      case 'number':
        value = take(readNumber(raw));
        if (typeof value === 'number') {
          const p = checkMin(value, 0, false);
          if (p) {
            notes.error(sheet, where, p);
            value = undefined;
          }
        }
        display = value === undefined ? undefined : String(value);
        break;
      case 'date':
        value = take(readDate(raw));
        display = value as string | undefined;
        break;
      case 'enum':
        value = take(readEnum(raw, f.enumValues ?? []));
        display = f.enumValues?.find((o) => o.value === value)?.label;
        break;
      case 'boolean':
        value = take(readBoolean(raw, f.enumValues ?? YES_NO_OPTIONS));
        display = value === undefined ? undefined : value ? '是' : '否';
        break;
      case 'uscc': {
        let code = toHalfWidth(String(raw)).replace(/\s+/g, '');
        if (code !== code.toUpperCase()) {
          notes.warn(sheet, where, { key: 'uscc.lowercase', zh: '统一社会信用代码中的小写字母已改为大写', en: 'lower-case letters of the code were capitalised' });
          code = code.toUpperCase();
        }
        const r = validateUscc(code);
        if (!r.ok) notes.warn(sheet, where, { key: r.key, zh: r.zh, en: r.en });
        value = code;
        display = code;
        break;
      }
      default: {
        const t = take(readText(raw));
        value = t;
        display = t;
        if (typeof t === 'string' && f.maxLength !== undefined) {
          const n = charCount(t);
          if (n > f.maxLength) {
            const p: CellProblem = {
              key: 'form.tooLong',
              zh: `“${f.label}”不超过${f.maxLength}字，实为${n}字`,
              en: `"${f.labelEn}" is limited to ${f.maxLength} characters; it has ${n}`,
            };
            // A limit the submission schema enforces is an error; the others are the form's advice.
            if (f.target) notes.error(sheet, where, p);
            else notes.warn(sheet, where, p);
          }
        }
      }
    }
    if (display !== undefined) form[f.key] = display;
    if (value !== undefined && f.target) setPath(candidate, f.target, value);
  }
}

function readScores(contract: WorkbookContract, cells: SheetCells | undefined, candidate: Json, notes: CellNoteCollector, origins: Origins): void {
  const spec = contract.score;
  if (!cells) {
    notes.warn(spec.sheet, '', { key: 'sheet.missing', zh: `缺少工作表“${spec.sheet}”，没有读取原始得分`, en: `the sheet "${spec.sheet}" is missing; no raw scores read` });
    return;
  }
  const scores: Json = {};
  const fraud: Json = {};
  const get = (addr: string) => flattenCellValue(cells.cells[addr]);
  for (const r of spec.rows) {
    const raw = get(r.rawCell);
    origins.node(`scores.${r.id}`, { sheet: spec.sheet, cell: r.rawCell });
    if (r.fraudCell) {
      const fv = get(r.fraudCell);
      if (!isBlank(fv)) {
        const b = readBoolean(fv, YES_NO_OPTIONS);
        if (!b.ok) notes.error(spec.sheet, r.fraudCell, b.error);
        else if (b.value) fraud[r.id] = true;
      }
    }
    if (isBlank(raw)) continue;
    const n = readNumber(raw);
    if (!n.ok) {
      notes.error(spec.sheet, r.rawCell, n.error);
      continue;
    }
    if (n.warning) notes.warn(spec.sheet, r.rawCell, n.warning);
    if (n.value < 0) {
      notes.error(spec.sheet, r.rawCell, { key: 'score.negative', zh: `得分 ${n.value} 不能为负`, en: `score ${n.value} must not be negative` });
      continue;
    }
    const entry: Json = { raw: n.value };
    const reason = get(r.reasonCell);
    if (!isBlank(reason)) entry.reason = String(reason).trim();
    scores[r.id] = entry;
  }
  if (Object.keys(scores).length) candidate.scores = scores;
  if (spec.fraudCell) {
    const fv = get(spec.fraudCell);
    if (!isBlank(fv)) {
      const b = readBoolean(fv, YES_NO_OPTIONS);
      if (!b.ok) notes.error(spec.sheet, spec.fraudCell, b.error);
      else candidate.fraud = b.value;
    }
  } else if (Object.keys(fraud).length) candidate.fraud = fraud;
}

// ───────────────────────────────────────────── entry point

function cursorFor(spec: TableSpec, cells: WorkbookCells, notes: CellNoteCollector, required: boolean): TableCursor | undefined {
  const grid = cells.tables[spec.name];
  if (!grid) {
    const p = { key: 'sheet.missing', zh: `缺少工作表“${spec.sheet}”（表格 ${spec.name}）`, en: `the sheet "${spec.sheet}" (table ${spec.name}) is missing` };
    if (required) notes.error(spec.sheet, '', p);
    else notes.warn(spec.sheet, '', p);
    return undefined;
  }
  const cur = new TableCursor(spec, grid, notes);
  return cur.ok ? cur : undefined;
}

/** Zod's bilingual messages are written "中文 / English". */
function splitMessage(m: string): { zh: string; en: string } {
  const i = m.indexOf(' / ');
  return i > 0 ? { zh: m.slice(0, i), en: m.slice(i + 3) } : { zh: m, en: m };
}

export function tableToSubmission(cells: WorkbookCells): WorkbookReading {
  const contract = CONTRACTS[cells.kind];
  const notes = new CellNoteCollector();
  const origins = new Origins();
  const form: Record<string, string> = {};
  const candidate: Json = { rubric: RUBRIC_OF_KIND[cells.kind], enterprise: {} };
  if (cells.kind === 'best-practice') candidate.product = {};
  if (cells.kind === 'fmea') candidate.case = {};
  if (cells.kind === 'breakthrough') candidate.project = {};

  readForm(contract, cells.form, candidate, form, notes, origins);

  const byName = new Map(contract.tables.map((t) => [t.name, t]));
  if (cells.kind === 'best-practice') {
    const basic = cursorFor(byName.get('KekaoBasic')!, cells, notes, false);
    if (basic) {
      const b = readBasic(basic, notes);
      if (b) candidate.basicRequirements = b;
    }
    const ic = cursorFor(byName.get('KekaoIc')!, cells, notes, false);
    if (ic) {
      const v = readIc(ic, origins);
      if (v) candidate.ic = v;
    }
    const id = cursorFor(byName.get('KekaoId')!, cells, notes, false);
    if (id) {
      const v = readId(id, origins);
      if (v) candidate.id = v;
    }
    const ir = cursorFor(byName.get('KekaoIr')!, cells, notes, false);
    if (ir) {
      const v = readIr(ir, origins);
      if (v) candidate.ir = v;
    }
    const w = cursorFor(byName.get('KekaoW')!, cells, notes, false);
    if (w) {
      const v = readW(w, origins, notes);
      if (v) candidate.w = v;
    }
    const narrative = candidate.narrative as Json | undefined;
    if (narrative && Object.keys(narrative).length === 0) delete candidate.narrative;
  } else if (cells.kind === 'breakthrough') {
    const fin = cursorFor(byName.get('KekaoFinance')!, cells, notes, false);
    if (fin) {
      const v = readFinance(fin, notes);
      if (v) candidate.financials = v;
    }
    const eco = cursorFor(byName.get('KekaoEcology')!, cells, notes, false);
    if (eco) {
      const v = readEcology(eco, notes);
      if (v) candidate.ecology = v;
    }
    const team = cursorFor(byName.get('KekaoTeam')!, cells, notes, false);
    if (team) readTeam(team, notes);
  }

  readScores(contract, cells.score, candidate, notes, origins);
  notes.finish();

  if (notes.errors.length) return { kind: cells.kind, form, warnings: notes.warnings, errors: notes.errors };

  const parsed = submissionSchema.safeParse(candidate, { error: bilingualZodError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const at = origins.locate(issue.path as PropertyKey[]);
      const { zh, en } = splitMessage(issue.message);
      const path = issue.path.map(String).join('.');
      notes.errors.push({ sheet: at?.sheet ?? '', cell: at?.cell ?? '', key: 'submission.invalid', zh: `${zh}（${path}）`, en: `${en} (${path})` });
    }
    return { kind: cells.kind, form, warnings: notes.warnings, errors: notes.errors };
  }
  // The contact person is not part of the scored submission; the 推荐汇总表 (Annexes 5/6) needs it.
  const contact: Record<string, string> = {};
  for (const [from, to] of [['contact', 'name'], ['phone', 'phone'], ['mobile', 'mobile'], ['email', 'email'], ['position', 'title']] as const) {
    if (form[from]) contact[to] = form[from]!;
  }
  const submission = Object.keys(contact).length ? (Object.assign(parsed.data, { contact }) as Submission) : parsed.data;
  return { kind: cells.kind, submission, form, warnings: notes.warnings, errors: notes.errors };
}

/** Finds the most likely workbook kind from its sheet names and form labels (when the document property is absent). */
export function guessKind(sheetNames: readonly string[], formLabels: readonly string[]): WorkbookKind | undefined {
  const labels = new Set(formLabels.map((l) => normalizeHeader(l)));
  if (labels.has(normalizeHeader('案例名称'))) return 'fmea';
  if (labels.has(normalizeHeader('项目名称'))) return 'breakthrough';
  if (labels.has(normalizeHeader('推荐产品'))) return 'best-practice';
  const names = new Set(sheetNames);
  if (names.has('Ic数据') || names.has('Id数据') || names.has('Ir数据')) return 'best-practice';
  if (names.has('经济效益')) return 'breakthrough';
  return undefined;
}
