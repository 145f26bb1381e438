/**
 * KEKAO.* custom functions: the JSDoc here is the source of functions.json (custom-functions-
 * metadata reads it at build time; the namespace KEKAO comes from the manifest). Each function is a
 * thin binding: the pure logic lives in ./logic and ./cellInput, testable without the Office global.
 * Every parameter is `unknown` so that text and blanks reach the checks and come back as an Excel
 * error with a message instead of an unexplained #VALUE!.
 *
 * Names: Excel requires function ids and names of at least three characters (Microsoft, "Custom
 * functions naming and localization"), so the sample CV is KEKAO.CV.S (after STDEV.S) and Cp/Pp
 * come with Cpk/Ppk in the spilled KEKAO.CAPABILITY; KEKAO.CPK and KEKAO.PPK stay scalar.
 */
import { cvIntervalOf, cvOf } from './logic/consistency.js';
import { degradationTable } from './logic/degradation.js';
import { worstMargin } from './logic/margin.js';
import { capabilityIndex, capabilityTable } from './logic/capability.js';
import { rateRatioTable } from './logic/rateRatio.js';
import { bandOf } from './logic/band.js';
import { weightedTotal } from './logic/total.js';
import { customFunctionsApi, toExcel, type CustomFunctionsApi } from './excelErrors.js';

function api(): CustomFunctionsApi {
  const cf = customFunctionsApi();
  if (!cf) throw new Error('CustomFunctions is not available outside Excel');
  return cf;
}

/**
 * 变异系数 CV = 样本标准差 / 均值（n−1，同 STDEV.S）。Sample coefficient of variation s / mean (n−1, as STDEV.S).
 * @customfunction CV.S
 * @param values 测量值区域（末尾空白忽略）/ measured values
 * @returns 变异系数 / coefficient of variation
 */
export function cv(values: unknown[][]): number {
  return toExcel(api(), () => cvOf(values));
}

/**
 * 变异系数及 Vangel 置信区间，溢出为表头与 [CV, 下限, 上限, n]。CV with Vangel's interval; spills a header and [CV, lower, upper, n].
 * @customfunction CVINTERVAL
 * @param values 测量值区域 / measured values
 * @param [confidence] 置信水平，默认 0.95 / confidence level, default 0.95
 * @returns 表头与结果行 / header and result row
 */
export function cvInterval(values: unknown[][], confidence?: unknown): unknown[][] {
  return toExcel(api(), () => cvIntervalOf(values, confidence));
}

/**
 * 退化路径拟合：每个样品的模型、R² 与伪失效时间（溢出表格）。Degradation path fit per unit: model, R² and pseudo-failure time.
 * @customfunction DEGRADATION
 * @param unitIds 样品编号区域 / unit ids
 * @param times 时间区域 / times
 * @param values 测量值区域 / measured values
 * @param limit 规格限 / spec limit
 * @param direction "max"（值须≤限值）或 "min"（值须≥限值）/ "max" or "min"
 * @param ratedLife 额定寿命 / rated life
 * @param [model] auto、linear、exponential、power、logarithmic，默认 auto / path model
 * @param [minR2] 有效模型的 R² 下限，默认 0.9 / minimum R²
 * @returns 每个样品一行 / one row per unit
 */
export function degradation(
  unitIds: unknown[][],
  times: unknown[][],
  values: unknown[][],
  limit: unknown,
  direction: unknown,
  ratedLife: unknown,
  model?: unknown,
  minR2?: unknown,
): unknown[][] {
  return toExcel(api(), () => degradationTable(unitIds, times, values, limit, direction, ratedLife, model, minR2));
}

/**
 * 最小相对裕量 (x−L)/|L| 或 (U−x)/|U|，大于 0 表示全部样品在限值内。Worst relative margin to the limit; above 0 means every sample is within it.
 * @customfunction MARGIN
 * @param values 样品测量值区域 / sample values
 * @param limit 限值 / limit
 * @param direction "max"（上限）或 "min"（下限）/ "max" or "min"
 * @returns 最小相对裕量 / worst relative margin
 */
export function margin(values: unknown[][], limit: unknown, direction: unknown): number {
  return toExcel(api(), () => worstMargin(values, limit, direction));
}

/**
 * 过程能力与性能指数，溢出为表头与 [Cp, Cpk, Pp, Ppk]。Capability and performance indices; spills a header and [Cp, Cpk, Pp, Ppk].
 * @customfunction CAPABILITY
 * @param values 测量值区域 / values
 * @param lsl 规格下限（可空）/ lower spec limit
 * @param usl 规格上限（可空）/ upper spec limit
 * @param [subgroupSize] 子组大小，默认 1（移动极差）/ subgroup size
 * @returns 表头与结果行 / header and result row
 */
export function capability(values: unknown[][], lsl: unknown, usl: unknown, subgroupSize?: unknown): unknown[][] {
  return toExcel(api(), () => capabilityTable(values, lsl, usl, subgroupSize));
}

/**
 * 过程能力指数 Cpk = min(USL−μ, μ−LSL)/(3σ组内)。Process capability Cpk (within-subgroup σ).
 * @customfunction CPK
 * @param values 测量值区域 / values
 * @param lsl 规格下限（可空）/ lower spec limit
 * @param usl 规格上限（可空）/ upper spec limit
 * @param [subgroupSize] 子组大小，默认 1（移动极差）/ subgroup size
 * @returns Cpk
 */
export function cpk(values: unknown[][], lsl: unknown, usl: unknown, subgroupSize?: unknown): number {
  return toExcel(api(), () => capabilityIndex('cpk', values, lsl, usl, subgroupSize));
}

/**
 * 过程性能指数 Ppk = min(USL−μ, μ−LSL)/(3σ总体)。Process performance Ppk (overall σ).
 * @customfunction PPK
 * @param values 测量值区域 / values
 * @param lsl 规格下限（可空）/ lower spec limit
 * @param usl 规格上限（可空）/ upper spec limit
 * @returns Ppk
 */
export function ppk(values: unknown[][], lsl: unknown, usl: unknown): number {
  return toExcel(api(), () => capabilityIndex('ppk', values, lsl, usl));
}

/**
 * 故障率之比（后/前），溢出为表头与 [比值, 下限, 上限, p]。Failure-rate ratio after/before; spills a header and [ratio, lower, upper, p].
 * @customfunction RATERATIO
 * @param failuresBefore 改进前故障数 / failures before
 * @param exposureBefore 改进前暴露量（销量或运行时间）/ exposure before
 * @param failuresAfter 改进后故障数 / failures after
 * @param exposureAfter 改进后暴露量 / exposure after
 * @param [confidence] 置信水平，默认 0.95 / confidence level
 * @returns 表头与结果行 / header and result row
 */
export function rateRatio(failuresBefore: unknown, exposureBefore: unknown, failuresAfter: unknown, exposureAfter: unknown, confidence?: unknown): unknown[][] {
  return toExcel(api(), () => rateRatioTable(failuresBefore, exposureBefore, failuresAfter, exposureAfter, confidence));
}

/**
 * 指标的建议分档（非官方），溢出为表头与 [下限, 上限, 档次]。Suggested band (unofficial) of an indicator; spills a header and [min, max, level].
 * @customfunction BAND
 * @param indicator 指标代码 Ic、Id、Ir 或 W / indicator code
 * @param figures Ic：出厂CV、使用后CV；Id：最大漂移占比、有效模型；Ir：场景数、应力类别数、最少样品数、平均严酷度；W：降幅、p值；或含表头的表格 / key figures or the table
 * @param [family] 产品族（建议口径），默认 general / product family
 * @returns 建议分档 / suggested band
 */
export function band(indicator: unknown, figures: unknown[][], family?: unknown): unknown[][] {
  return toExcel(api(), () => bandOf(indicator, figures, family));
}

/**
 * 加权总分 = Σ 原始得分 × 权重（依次 Ic、Id、Ir、W、C、G）。Weighted total: Σ raw score × weight (Ic, Id, Ir, W, C, G in order).
 * @customfunction TOTAL
 * @param scores 六个原始得分（一行或一列）/ six raw scores
 * @returns 加权总分 / weighted total
 */
export function total(scores: unknown[][]): number {
  return toExcel(api(), () => weightedTotal(scores));
}

/** Function id (as in functions.json) → implementation. */
export const FUNCTION_BINDINGS: Record<string, (...args: never[]) => unknown> = {
  'CV.S': cv,
  CVINTERVAL: cvInterval,
  DEGRADATION: degradation,
  MARGIN: margin,
  CAPABILITY: capability,
  CPK: cpk,
  PPK: ppk,
  RATERATIO: rateRatio,
  BAND: band,
  TOTAL: total,
};

/** Binds every function to its id; a no-op outside Excel (preview mode). Returns the ids bound. */
export function registerCustomFunctions(): string[] {
  const cf = customFunctionsApi();
  if (!cf) return [];
  for (const [id, fn] of Object.entries(FUNCTION_BINDINGS)) cf.associate(id, fn);
  return Object.keys(FUNCTION_BINDINGS);
}
