import { assess } from '@kekao/core/scoring';
import { suggestBand, type IndicatorSummary } from '@kekao/core/scoring';
import { normalizeHeader } from '@kekao/core/workbook';
import { reliabilityIndicator } from '@kekao/core/rubrics';
import { BASIC_REQUIREMENT_KEYS, type ReliabilitySubmission } from '@kekao/core/submission';
import { CONTRACTS } from '@kekao/core/workbook';
import { columnLetter } from '@kekao/core/workbook';
import { tableToSubmission, type TableGrid } from '@kekao/core/workbook';
import { FunctionInputError, isBlank, readText, type CellOut } from '../cellInput.js';
import type { TableSpec } from '@kekao/core/workbook';

export const BAND_HEADER: CellOut[] = ['下限 min', '上限 max', '档次 level'];

const TABLE_OF: Record<string, string> = { ic: 'KekaoIc', id: 'KekaoId', ir: 'KekaoIr', w: 'KekaoW' };
const CODE_OF: Record<string, 'Ic' | 'Id' | 'Ir' | 'W'> = { ic: 'Ic', id: 'Id', ir: 'Ir', w: 'W' };

interface Figure {
  key: string;
  zh: string;
  kind: 'number' | 'count' | 'boolean';
  nullable: boolean;
}

/** The key figures suggestBand takes per indicator, in the order KEKAO.BAND reads them. */
export const BAND_FIGURES: Record<'Ic' | 'Id' | 'Ir' | 'W', Figure[]> = {
  Ic: [
    { key: 'cvInitial', zh: '出厂时（t=0）CV', kind: 'number', nullable: true },
    { key: 'cvLater', zh: '使用后（t>0）CV', kind: 'number', nullable: true },
  ],
  Id: [
    { key: 'worstDriftShare', zh: '额定寿命时最大漂移占比', kind: 'number', nullable: true },
    { key: 'effectiveModel', zh: '有效退化模型（TRUE/FALSE）', kind: 'boolean', nullable: false },
  ],
  Ir: [
    { key: 'passingScenarios', zh: '通过的极限场景数', kind: 'count', nullable: false },
    { key: 'categories', zh: '应力类别数', kind: 'count', nullable: false },
    { key: 'minSamples', zh: '每场景最少样品数', kind: 'count', nullable: false },
    { key: 'meanSeverity', zh: '平均严酷度', kind: 'number', nullable: true },
  ],
  W: [
    { key: 'reduction', zh: '故障率降幅', kind: 'number', nullable: false },
    { key: 'pValue', zh: '率比检验 p 值', kind: 'number', nullable: true },
  ],
};

function asRows(range: unknown): unknown[][] {
  return (Array.isArray(range) ? range : [[range]]).map((r) => (Array.isArray(r) ? r : [r])) as unknown[][];
}

/** Does the first row look like the header of the indicator's kekao table? */
function isTableHeader(row: readonly unknown[], spec: TableSpec): boolean {
  const names = new Set(row.filter((v) => typeof v === 'string').map((v) => normalizeHeader(v)));
  return spec.columns.filter((c) => names.has(normalizeHeader(c.header)) || names.has(normalizeHeader(c.key))).length >= 2;
}

function figureValue(f: Figure, v: unknown, code: string): number | boolean | null {
  if (isBlank(v)) {
    if (f.nullable) return null;
    throw new FunctionInputError('fn.missingFigure', `${code} 缺少${f.zh}（${f.key}）`, `${code}: ${f.key} is missing`);
  }
  if (f.kind === 'boolean') {
    if (typeof v === 'boolean') return v;
    const t = String(v).trim().toLowerCase();
    if (['true', '是', 'yes', '1'].includes(t)) return true;
    if (['false', '否', 'no', '0'].includes(t)) return false;
    throw new FunctionInputError(
      'fn.notBoolean',
      `${code} 的${f.zh} "${String(v)}" 应为 TRUE 或 FALSE`,
      `${code}: ${f.key} "${String(v)}" must be TRUE or FALSE`,
    );
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new FunctionInputError('fn.notNumeric', `${code} 的${f.zh} "${String(v)}" 不是数值`, `${code}: ${f.key} "${String(v)}" is not a number`);
  }
  if (f.kind === 'count' && !(Number.isInteger(v) && v >= 0)) {
    throw new FunctionInputError('fn.notCount', `${code} 的${f.zh}须为非负整数，收到 ${v}`, `${code}: ${f.key} must be a non-negative integer; got ${v}`);
  }
  return v;
}

/**
 * Key figures → IndicatorSummary: either two columns of [name, value] (the English key or the
 * Chinese label), or the values alone in BAND_FIGURES order (a row or a column).
 */
function summaryFrom(code: 'Ic' | 'Id' | 'Ir' | 'W', rows: unknown[][]): IndicatorSummary {
  const figures = BAND_FIGURES[code];
  const named = rows.every((r) => r.length >= 2 && (typeof r[0] === 'string' || isBlank(r[0]))) && rows.some((r) => typeof r[0] === 'string' && !isBlank(r[0]));
  const values = new Map<string, unknown>();
  if (named) {
    for (const r of rows) {
      if (isBlank(r[0])) continue;
      const name = normalizeHeader(r[0]);
      const f = figures.find((x) => normalizeHeader(x.key) === name || normalizeHeader(x.zh) === name);
      if (!f) {
        throw new FunctionInputError(
          'fn.unknownFigure',
          `${code} 没有名为 "${String(r[0])}" 的指标值（可用：${figures.map((x) => x.key).join('、')}）`,
          `${code} has no figure "${String(r[0])}" (use ${figures.map((x) => x.key).join(', ')})`,
        );
      }
      values.set(f.key, r[1]);
    }
  } else {
    const flat = rows.flat();
    while (flat.length && isBlank(flat[flat.length - 1])) flat.pop();
    if (flat.length > figures.length) {
      throw new FunctionInputError(
        'fn.tooManyFigures',
        `${code} 需要 ${figures.length} 个指标值（${figures.map((x) => x.zh).join('、')}），区域中有 ${flat.length} 个`,
        `${code} takes ${figures.length} figures (${figures.map((x) => x.key).join(', ')}); the range has ${flat.length}`,
      );
    }
    figures.forEach((f, i) => values.set(f.key, flat[i]));
  }
  const out: Record<string, unknown> = { code };
  for (const f of figures) out[f.key] = figureValue(f, values.get(f.key), code);
  return out as IndicatorSummary;
}

/**
 * KEKAO.BAND(indicator, figures[, family]): the suggested band (建议值，非官方) of Ic, Id, Ir or W.
 * `figures` is either
 *   - the indicator's key figures (core `suggestBand`, the rules `assess` applies): values in the
 *     order of BAND_FIGURES (Ic: CV at t=0, CV at t>0; Id: worst drift share, effective model;
 *     Ir: passing scenarios, categories, min samples, mean severity; W: reduction, p) or two
 *     columns of [name, value]; or
 *   - the indicator's whole kekao table, header row included (e.g. `KekaoIc[#All]`): read by the
 *     same converter as the workbook reader (tableToSubmission) and assessed by `assess` with the
 *     basic requirements taken as met — the band the data supports on its own (note (a)'s gate
 *     belongs to the whole entry; the task pane shows it).
 * Spills a header and [min, max, level].
 */
export function bandOf(indicator: unknown, table: unknown, family?: unknown): CellOut[][] {
  const raw = readText(indicator, { zh: '指标代码', en: 'indicator' }).toLowerCase();
  const code = CODE_OF[raw];
  if (!code) {
    throw new FunctionInputError(
      'fn.invalidIndicator',
      `指标代码 "${raw}" 无法识别，应为 Ic、Id、Ir 或 W`,
      `indicator "${raw}" is not recognised; use Ic, Id, Ir or W`,
    );
  }
  const fam = family === undefined || isBlank(Array.isArray(family) ? family[0]?.[0] : family) ? undefined : readText(family, { zh: '产品族', en: 'family' });
  const contract = CONTRACTS['best-practice'];
  const spec = contract.tables.find((t) => t.name === TABLE_OF[raw])!;
  const rows = asRows(table);
  if (!isTableHeader(rows[0] ?? [], spec)) {
    const sb = suggestBand(summaryFrom(code, rows), fam ? { family: fam } : {});
    const label = reliabilityIndicator(code).bands.find((b) => b.min === sb.band.min)?.label;
    return [BAND_HEADER, [sb.band.min, sb.band.max, label ? `${label.zh} ${label.en}` : '']];
  }
  return bandFromTable(code, spec, rows, fam);
}

function bandFromTable(code: 'Ic' | 'Id' | 'Ir' | 'W', spec: TableSpec, rows: unknown[][], fam: string | undefined): CellOut[][] {
  const contract = CONTRACTS['best-practice'];
  const body = rows.slice(1).filter((r) => !r.every(isBlank));
  if (rows.length < 2 || body.length === 0) {
    throw new FunctionInputError(
      'fn.tableTooSmall',
      `${spec.name} 区域须包含表头行和至少一行数据`,
      `the ${spec.name} range needs its header row and at least one data row`,
    );
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const grid: TableGrid = {
    sheet: '区域',
    table: spec.name,
    headerRow: 1,
    columns: Array.from({ length: width }, (_, i) => columnLetter(i + 1)),
    header: rows[0],
    rows: rows.slice(1).map((values, i) => ({ rowNumber: i + 2, values })),
  };
  // The form only has to name an enterprise and a product for the submission to be valid.
  const nameCell = contract.form.find((f) => f.key === 'enterpriseName')!;
  const productCell = contract.form.find((f) => f.key === 'productName')!;
  const familyCell = contract.form.find((f) => f.key === 'productFamily')!;
  const reading = tableToSubmission({
    kind: 'best-practice',
    sheetNames: [],
    form: {
      sheet: contract.formSheet,
      cells: {
        [nameCell.labelCell]: nameCell.label,
        [nameCell.cell]: 'KEKAO.BAND',
        [productCell.labelCell]: productCell.label,
        [productCell.cell]: 'KEKAO.BAND',
        ...(fam ? { [familyCell.labelCell]: familyCell.label, [familyCell.cell]: fam } : {}),
      },
    },
    tables: { [spec.name]: grid },
  });
  const error = reading.errors[0];
  if (error || !reading.submission) {
    if (error) {
      throw new FunctionInputError(
        error.key,
        `区域内 ${error.cell || ''}：${error.zh}`.replace('区域内 ：', '区域：'),
        `in the range ${error.cell || ''}: ${error.en}`,
      );
    }
    throw new FunctionInputError('fn.unreadable', '无法读取该区域', 'the range cannot be read');
  }
  const submission = {
    ...(reading.submission as ReliabilitySubmission),
    basicRequirements: Object.fromEntries(BASIC_REQUIREMENT_KEYS.map((k) => [k, true])),
  } as ReliabilitySubmission;
  const ind = assess(submission).indicators.find((i) => i.code === code)!;
  const band = ind.suggestedBand;
  if (!band) {
    const why = ind.reasons[0] ?? ind.warnings[0];
    throw new FunctionInputError(why?.key ?? 'fn.noBand', `没有建议分档：${why?.zh ?? '数据不足'}`, `no suggested band: ${why?.en ?? 'not enough data'}`);
  }
  const label = reliabilityIndicator(code).bands.find((b) => b.min === band.min)?.label;
  return [BAND_HEADER, [band.min, band.max, label ? `${label.zh} ${label.en}` : '']];
}
