import { note, type Note } from '../i18n/note.js';
import type { PointRange, SourceRef } from './rubricSchema.js';

/**
 * The numeric rules of DB31/T 1368—2022 Table B.1 (质量攻关成效), as pure functions.
 *
 * All figures are for the 12 months after the breakthrough (表B.1 注; 7.4.2, 7.4.3), money in 万元.
 * Each function suggests a point band of the item and says why; a person scores within it.
 *
 * Boundaries: "≧10%" and "≧5%" are inclusive, "<10%" exclusive, exactly as printed. Growth and
 * reduction percentages are rounded to 9 decimals before comparing, so that float noise (e.g.
 * 9.999999999999998 for an exact 10 %) does not move a value across a boundary.
 */

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro';

export interface Db31RuleResult {
  /** Suggested point band, or null when the rule cannot be applied to the data. */
  band: PointRange | null;
  /** The number the rule looked at: growth %, total 万元, or reduction %; null when undefined. */
  value: number | null;
  /** Which rule placed it there and with which numbers (Chinese first). */
  reason: Note;
  /** False when the table has no row for the case (no growth, no data). */
  coveredByTable: boolean;
  source: SourceRef;
}

const SOURCE: SourceRef = { document: 'DB31/T 1368—2022', clause: '表B.1' };

const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

/** Formats a number for a reason text: at most 2 decimals, no trailing zeros. */
function fmt(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/**
 * Relative growth in percent, (after − before) / before × 100, or null when it is undefined:
 * a missing or non-finite figure, or a non-positive "before" (growth from zero or from a loss
 * has no meaningful relative value).
 */
export function relativeGrowthPercent(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before == null || after == null || !Number.isFinite(before) || !Number.isFinite(after)) return null;
  if (before <= 0) return null;
  return round9(((after - before) * 100) / before);
}

export interface DirectEconomicInput {
  /** 销售额, 12 months before / after (万元). */
  salesBefore?: number | null;
  salesAfter?: number | null;
  /** 利润, 12 months before / after (万元). */
  profitBefore?: number | null;
  profitAfter?: number | null;
}

/**
 * 直接经济效益 (10分): "与质量攻关成果直接关联的销售额或利润" — growth = the larger of sales growth
 * and profit growth (the table says "or", so the better of the two counts):
 *   ≥ 10 %         → 7–10
 *   ≥ 5 %, < 10 %  → 4–6
 *   > 0, < 5 %     → 3   ("略有增长")
 *   ≤ 0            → 0–3 — kekao's choice: the table has no row for no growth or a decline; its
 *                    lowest row (3分) requires some growth, so kekao suggests 0–3 and leaves the
 *                    score to the reviewer, saying that the table does not cover the case.
 * When neither growth is defined (missing figures, or a non-positive "before" for both), the band
 * is null and the reason says why.
 */
export function directEconomicBand(input: DirectEconomicInput): Db31RuleResult {
  const sales = relativeGrowthPercent(input.salesBefore, input.salesAfter);
  const profit = relativeGrowthPercent(input.profitBefore, input.profitAfter);
  const parts: string[] = [];
  const partsEn: string[] = [];
  if (sales !== null) {
    parts.push(`销售额增长 ${fmt(sales)}%`);
    partsEn.push(`sales growth ${fmt(sales)} %`);
  }
  if (profit !== null) {
    parts.push(`利润增长 ${fmt(profit)}%`);
    partsEn.push(`profit growth ${fmt(profit)} %`);
  }
  if (sales === null && profit === null) {
    return {
      band: null,
      value: null,
      coveredByTable: false,
      source: SOURCE,
      reason: note(
        'db31.directEconomic.undefined',
        '直接经济效益（表B.1）：无法计算销售额或利润增长率——缺少攻关前后 12 个月的数据，或攻关前数值不大于 0。',
        'Direct economic benefit (Table B.1): the growth of sales or profit cannot be computed — the 12-month figures before and after are missing, or the "before" figure is not greater than 0.',
      ),
    };
  }
  const g = Math.max(sales ?? -Infinity, profit ?? -Infinity);
  const basis = parts.join('，');
  const basisEn = partsEn.join(', ');
  const which = parts.length > 1 ? `，取较大者 ${fmt(g)}%` : '';
  const whichEn = partsEn.length > 1 ? `; the larger, ${fmt(g)} %, counts` : '';
  if (g >= 10) {
    return {
      band: { min: 7, max: 10 },
      value: g,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.directEconomic.atLeast10',
        `直接经济效益（表B.1）：${basis}${which}，≧10%，建议 7–10 分。`,
        `Direct economic benefit (Table B.1): ${basisEn}${whichEn}; ≥ 10 %, suggested 7–10 points.`,
      ),
    };
  }
  if (g >= 5) {
    return {
      band: { min: 4, max: 6 },
      value: g,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.directEconomic.atLeast5',
        `直接经济效益（表B.1）：${basis}${which}，≧5% 且 <10%，建议 4–6 分。`,
        `Direct economic benefit (Table B.1): ${basisEn}${whichEn}; ≥ 5 % and < 10 %, suggested 4–6 points.`,
      ),
    };
  }
  if (g > 0) {
    return {
      band: { min: 3, max: 3 },
      value: g,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.directEconomic.slight',
        `直接经济效益（表B.1）：${basis}${which}，大于 0 且 <5%，属“略有增长”，建议 3 分。`,
        `Direct economic benefit (Table B.1): ${basisEn}${whichEn}; above 0 and below 5 % ("grew slightly"), suggested 3 points.`,
      ),
    };
  }
  return {
    band: { min: 0, max: 3 },
    value: g,
    coveredByTable: false,
    source: SOURCE,
    reason: note(
      'db31.directEconomic.noGrowth',
      `直接经济效益（表B.1）：${basis}${which}，没有增长。表B.1 未规定无增长或下降的情形（最低档“略有增长”为 3 分），建议 0–3 分，由专家判定。`,
      `Direct economic benefit (Table B.1): ${basisEn}${whichEn}; no growth. Table B.1 does not cover no growth or a decline (its lowest row, "grew slightly", is 3 points); suggested 0–3 points, for the expert to decide.`,
    ),
  };
}

export interface IndirectEconomicInput {
  /** 降低生产成本 (节能降耗), 12 months after (万元). Missing counts as 0. */
  costReduction?: number | null;
  /** 节汇创汇, converted to RMB, 12 months after (万元). Missing counts as 0. */
  forexSaving?: number | null;
  size: EnterpriseSize;
}

/**
 * 间接经济效益 (10分): total = cost reduction + foreign exchange saved/earned (万元):
 *   large/medium: ≥ 500 → 7–10; ≥ 100 and < 500 → 4–6; otherwise → 3
 *   small/micro:  ≥ 100 → 7–10; ≥ 20 and < 100  → 4–6; otherwise → 3
 * The table's bottom row says "（小型企业<20万元）" while the other rows say 小微企业; kekao reads
 * all three rows as 小微企业 (small and micro alike), which is the only consistent reading.
 */
export function indirectEconomicBand(input: IndirectEconomicInput): Db31RuleResult {
  const c = input.costReduction ?? 0;
  const f = input.forexSaving ?? 0;
  if (!Number.isFinite(c) || !Number.isFinite(f)) {
    return {
      band: null,
      value: null,
      coveredByTable: false,
      source: SOURCE,
      reason: note(
        'db31.indirectEconomic.invalid',
        '间接经济效益（表B.1）：降低生产成本或节汇创汇金额不是有效数值。',
        'Indirect economic benefit (Table B.1): the cost reduction or foreign-exchange figure is not a valid number.',
      ),
    };
  }
  const total = round9(c + f);
  const smallOrMicro = input.size === 'small' || input.size === 'micro';
  const [high, mid] = smallOrMicro ? [100, 20] : [500, 100];
  const sizeZh = smallOrMicro ? '小微企业' : '大中型企业';
  const sizeEn = smallOrMicro ? 'small/micro enterprise' : 'large/medium enterprise';
  const basis = `降低生产成本 ${fmt(c)} 万元 + 节汇创汇 ${fmt(f)} 万元 = ${fmt(total)} 万元（${sizeZh}）`;
  const basisEn = `cost reduction ${fmt(c)} + foreign exchange ${fmt(f)} = ${fmt(total)} (10k yuan; ${sizeEn})`;
  if (total >= high) {
    return {
      band: { min: 7, max: 10 },
      value: total,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.indirectEconomic.high',
        `间接经济效益（表B.1）：${basis}，≧${high}万元，建议 7–10 分。`,
        `Indirect economic benefit (Table B.1): ${basisEn}; ≥ ${high}, suggested 7–10 points.`,
      ),
    };
  }
  if (total >= mid) {
    return {
      band: { min: 4, max: 6 },
      value: total,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.indirectEconomic.mid',
        `间接经济效益（表B.1）：${basis}，≧${mid}万元且 <${high}万元，建议 4–6 分。`,
        `Indirect economic benefit (Table B.1): ${basisEn}; ≥ ${mid} and < ${high}, suggested 4–6 points.`,
      ),
    };
  }
  return {
    band: { min: 3, max: 3 },
    value: total,
    coveredByTable: true,
    source: SOURCE,
    reason: note(
      'db31.indirectEconomic.low',
      `间接经济效益（表B.1）：${basis}，<${mid}万元，建议 3 分。`,
      `Indirect economic benefit (Table B.1): ${basisEn}; < ${mid}, suggested 3 points.`,
    ),
  };
}

/**
 * Reduction in percent, (before − after) / before × 100, of a resource-use / pollutant / carbon
 * figure; null when undefined (missing, non-finite, or a non-positive "before").
 */
export function reductionPercent(before: number | null | undefined, after: number | null | undefined): number | null {
  if (before == null || after == null || !Number.isFinite(before) || !Number.isFinite(after) || before <= 0) return null;
  return round9(((before - after) * 100) / before);
}

/**
 * 生态效益 (5分): reduction of resource use, pollutant emissions, carbon emissions …:
 *   ≥ 10 % → 4–5; ≥ 5 % and < 10 % → 2–3; < 5 % (including no reduction) → 1.
 */
export function ecologicalBand(reduction: number | null | undefined): Db31RuleResult {
  if (reduction == null || !Number.isFinite(reduction)) {
    return {
      band: null,
      value: null,
      coveredByTable: false,
      source: SOURCE,
      reason: note(
        'db31.ecological.undefined',
        '生态效益（表B.1）：无法计算下降比例——缺少攻关前后的数据，或攻关前数值不大于 0。',
        'Ecological benefit (Table B.1): the reduction cannot be computed — figures are missing or the "before" figure is not greater than 0.',
      ),
    };
  }
  const r = round9(reduction);
  if (r >= 10) {
    return {
      band: { min: 4, max: 5 },
      value: r,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.ecological.atLeast10',
        `生态效益（表B.1）：资源利用、污染物排放控制、碳排放等下降 ${fmt(r)}%，≧10%，建议 4–5 分。`,
        `Ecological benefit (Table B.1): reduction ${fmt(r)} %; ≥ 10 %, suggested 4–5 points.`,
      ),
    };
  }
  if (r >= 5) {
    return {
      band: { min: 2, max: 3 },
      value: r,
      coveredByTable: true,
      source: SOURCE,
      reason: note(
        'db31.ecological.atLeast5',
        `生态效益（表B.1）：资源利用、污染物排放控制、碳排放等下降 ${fmt(r)}%，≧5% 且 <10%，建议 2–3 分。`,
        `Ecological benefit (Table B.1): reduction ${fmt(r)} %; ≥ 5 % and < 10 %, suggested 2–3 points.`,
      ),
    };
  }
  return {
    band: { min: 1, max: 1 },
    value: r,
    coveredByTable: true,
    source: SOURCE,
    reason: note(
      'db31.ecological.below5',
      `生态效益（表B.1）：资源利用、污染物排放控制、碳排放等下降 ${fmt(r)}%，<5%，建议 1 分。`,
      `Ecological benefit (Table B.1): reduction ${fmt(r)} %; < 5 %, suggested 1 point.`,
    ),
  };
}
