import { z } from 'zod/v4';
import { BASIC_REQUIREMENT_KEYS, INDICATOR_CODES } from '../submission/reliabilitySubmission.js';

/**
 * Zod schemas for kekao's rubric data (docs/architecture.md §3 "Rubrics are data").
 *
 * Three rubric kinds share the building blocks below:
 *   - `reliability`          — 产品质量可靠性评分表 (沪市监产质〔2024〕124号 附表 = 2025年推荐通知 附件1)
 *   - `fmea-case`            — FMEA应用典型案例评价要求 (2025年推荐通知 附件3)
 *   - `quality-breakthrough` — 重点产品质量攻关成果评分表 (DB31/T 1368—2022 表B.1)
 *
 * Every invariant the documents imply is checked with `.superRefine` so a typo in the data
 * fails at module load (each rubric module parses its data through these schemas).
 */

// ───────────────────────────────────────────── building blocks

/** A text in Chinese (primary) and English. */
export const localizedTextSchema = z.object({
  zh: z.string().min(1, '中文文本不能为空 / Chinese text is required'),
  en: z.string().min(1, '英文文本不能为空 / English text is required'),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The source documents kekao transcribes (see docs/sources/README.md). */
export const SOURCE_DOCUMENTS = [
  '沪市监产质〔2024〕124号',
  '2025年推荐通知',
  'DB31/T 1368—2022',
  '工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿）',
] as const;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[number];

/** Where a rubric item or rule comes from: document and clause (e.g. '附表', '附件3', '表B.1', '7.2'). */
export const sourceRefSchema = z.object({
  document: z.enum(SOURCE_DOCUMENTS),
  clause: z.string().min(1),
  /** Optional remark (e.g. that the clause number was reconstructed). */
  remark: z.string().optional(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

const nonNegativeInt = z.number().int().nonnegative();
const probability = z.number().refine((v) => Number.isFinite(v) && v > 0 && v <= 1, {
  message: '权重须在 (0, 1] 之间 / weight must be within (0, 1]',
});

/** A closed integer range of points (or percent), `min ≤ max`. */
export const pointRangeSchema = z
  .object({ min: nonNegativeInt, max: nonNegativeInt })
  .refine((r) => r.min <= r.max, { message: '区间下限不能大于上限 / min must not exceed max' });
export type PointRange = z.infer<typeof pointRangeSchema>;

/** One score band with a label and the official criterion text. */
export const scoreBandSchema = z
  .object({
    min: nonNegativeInt,
    max: nonNegativeInt,
    label: localizedTextSchema,
    criterion: localizedTextSchema,
  })
  .refine((b) => b.min <= b.max, { message: '分档下限不能大于上限 / band min must not exceed max' });
export type ScoreBand = z.infer<typeof scoreBandSchema>;

type Issue = { message: string; path: (string | number)[] };

/**
 * Checks that integer bands are contiguous, non-overlapping and cover `lo..hi` exactly
 * (sorted ascending: first.min = lo, next.min = prev.max + 1, last.max = hi).
 * Returns the problems found (empty when fine). Bands may be given in any order.
 */
export function checkBandCoverage(bands: readonly PointRange[], lo: number, hi: number): string[] {
  const problems: string[] = [];
  if (bands.length === 0) return ['没有分档 / no bands'];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  if (sorted[0].min !== lo) problems.push(`分档未从 ${lo} 开始 / bands do not start at ${lo}`);
  if (sorted[sorted.length - 1].max !== hi) problems.push(`分档未到 ${hi} 结束 / bands do not end at ${hi}`);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur.min <= prev.max) {
      problems.push(`分档重叠：${prev.min}–${prev.max} 与 ${cur.min}–${cur.max} / overlapping bands`);
    } else if (cur.min !== prev.max + 1) {
      problems.push(`分档之间有空缺：${prev.max} 与 ${cur.min} 之间 / gap between bands`);
    }
  }
  return problems;
}

/** Checks that bands do not overlap and lie within `lo..hi` (gaps allowed). */
export function checkBandsWithin(bands: readonly PointRange[], lo: number, hi: number): string[] {
  const problems: string[] = [];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  for (const b of sorted) {
    if (b.min < lo || b.max > hi) problems.push(`分档 ${b.min}–${b.max} 超出 ${lo}–${hi} / band outside ${lo}–${hi}`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min <= sorted[i - 1].max) {
      problems.push(`分档重叠：${sorted[i - 1].min}–${sorted[i - 1].max} 与 ${sorted[i].min}–${sorted[i].max} / overlapping bands`);
    }
  }
  return problems;
}

/**
 * The band a score falls in: the band with the largest `min ≤ score`, provided the score does
 * not exceed the top band's max. Integer bands leave gaps for fractional scores (90.5 lies
 * between 71–90 and 91–100); such a score belongs to the lower band, because it has not reached
 * the next band's minimum. Returns undefined for scores outside the covered range or non-finite.
 */
export function bandOf<B extends PointRange>(bands: readonly B[], score: number): B | undefined {
  if (!Number.isFinite(score)) return undefined;
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  if (sorted.length === 0 || score < sorted[0].min || score > sorted[sorted.length - 1].max) return undefined;
  let found: B | undefined;
  for (const b of sorted) if (b.min <= score) found = b;
  return found;
}

function uniqueIssues<T>(items: readonly T[], key: (t: T) => string, path: string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  items.forEach((t, i) => {
    const k = key(t);
    if (seen.has(k)) issues.push({ message: `重复的标识 ${k} / duplicate id ${k}`, path: [path, i] });
    seen.add(k);
  });
  return issues;
}

// ───────────────────────────────────────────── reliability-2024

export const indicatorCodeSchema = z.enum(INDICATOR_CODES);
export const indicatorGroupSchema = z.enum(['professional', 'benefit']);
export type IndicatorGroup = z.infer<typeof indicatorGroupSchema>;

export const reliabilityIndicatorSchema = z.object({
  code: indicatorCodeSchema,
  /** Name as in the 评分表, e.g. 关键性能一致性. */
  name: localizedTextSchema,
  group: indicatorGroupSchema,
  /** Weight as a fraction (0.20 = 20 %). */
  weight: probability,
  /** The definition paragraph of 二、评价内容. */
  definition: localizedTextSchema,
  definitionSource: sourceRefSchema,
  /** Four bands (91–100, 71–90, 41–70, 0–40) with the 评分表 criterion of each. */
  bands: z.array(scoreBandSchema).min(1),
  source: sourceRefSchema,
});
export type ReliabilityIndicator = z.infer<typeof reliabilityIndicatorSchema>;

export const indicatorGroupInfoSchema = z.object({
  id: indicatorGroupSchema,
  name: localizedTextSchema,
  /** The group's paragraph in 二、评价内容 (what it is and which factors to consider). */
  description: localizedTextSchema,
  source: sourceRefSchema,
});

export const basicRequirementSchema = z.object({
  key: z.enum(BASIC_REQUIREMENT_KEYS),
  text: localizedTextSchema,
  source: sourceRefSchema,
});
export type BasicRequirement = z.infer<typeof basicRequirementSchema>;

/** Machine meaning of the 评分说明 notes (a)–(d). */
export const scoringNoteEffectSchema = z.discriminatedUnion('kind', [
  /** (a): when a basic requirement is unmet, the listed indicators are capped to `band`. */
  z.object({
    kind: z.literal('basic-requirements-gate'),
    indicators: z.array(indicatorCodeSchema).min(1),
    band: pointRangeSchema,
  }),
  /** (b): each raw score is out of `max`. */
  z.object({ kind: z.literal('raw-score-max'), max: z.number().positive() }),
  /** (c): total = Σ weighted scores (weighted = raw × weight). */
  z.object({ kind: z.literal('total-is-sum-of-weighted') }),
  /** (d): data or information fraud sets the affected indicator's score to `score`. */
  z.object({ kind: z.literal('fraud-zeroes-indicator'), score: z.number() }),
]);
export type ScoringNoteEffect = z.infer<typeof scoringNoteEffectSchema>;

export const scoringNoteSchema = z.object({
  id: z.enum(['a', 'b', 'c', 'd']),
  /** Verbatim text of the note, including its marker （a）． */
  text: localizedTextSchema,
  effect: scoringNoteEffectSchema,
  source: sourceRefSchema,
});
export type ScoringNote = z.infer<typeof scoringNoteSchema>;

export const principleSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  text: localizedTextSchema,
  source: sourceRefSchema,
});
export type Principle = z.infer<typeof principleSchema>;

export const reliabilityRubricSchema = z
  .object({
    kind: z.literal('reliability'),
    id: z.string().min(1),
    title: localizedTextSchema,
    source: sourceRefSchema,
    /** Where the text was transcribed from when it differs from `source` (full-width punctuation edition). */
    transcribedFrom: sourceRefSchema.optional(),
    /** Raw score range of every indicator (note b). */
    rawScoreMax: z.number().positive(),
    principles: z.array(principleSchema),
    groups: z.array(indicatorGroupInfoSchema),
    indicators: z.array(reliabilityIndicatorSchema).min(1),
    basicRequirements: z.array(basicRequirementSchema),
    notes: z.array(scoringNoteSchema),
    /** The total formula, 三、评价总分. */
    totalFormula: localizedTextSchema,
  })
  .superRefine((r, ctx) => {
    const add = (i: Issue) => ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    // Weights sum to 100 %.
    const sum = r.indicators.reduce((s, i) => s + i.weight, 0);
    if (Math.abs(sum - 1) > 1e-9) {
      add({ message: `权重之和须为 100%，实为 ${(sum * 100).toFixed(4)}% / weights must sum to 100 %`, path: ['indicators'] });
    }
    uniqueIssues(r.indicators, (i) => i.code, 'indicators').forEach(add);
    // Each indicator's bands are contiguous, non-overlapping and cover 0..rawScoreMax.
    r.indicators.forEach((ind, k) => {
      for (const p of checkBandCoverage(ind.bands, 0, r.rawScoreMax)) add({ message: `${ind.code}: ${p}`, path: ['indicators', k, 'bands'] });
      if (!r.groups.some((g) => g.id === ind.group)) add({ message: `${ind.code}: 未知的指标组 / unknown group`, path: ['indicators', k, 'group'] });
    });
    // Basic requirements: every key exactly once.
    uniqueIssues(r.basicRequirements, (b) => b.key, 'basicRequirements').forEach(add);
    for (const key of BASIC_REQUIREMENT_KEYS) {
      if (!r.basicRequirements.some((b) => b.key === key)) add({ message: `缺少基本要求 ${key} / missing basic requirement`, path: ['basicRequirements'] });
    }
    // Notes a–d exactly once; effects consistent with the rubric.
    uniqueIssues(r.notes, (n) => n.id, 'notes').forEach(add);
    r.notes.forEach((n, k) => {
      const e = n.effect;
      if (e.kind === 'basic-requirements-gate') {
        for (const code of e.indicators) {
          if (!r.indicators.some((i) => i.code === code)) add({ message: `说明(${n.id})引用了未知指标 ${code} / unknown indicator`, path: ['notes', k] });
        }
        if (e.band.max > r.rawScoreMax) add({ message: `说明(${n.id})的分档超出满分 / gate band exceeds max`, path: ['notes', k] });
      }
      if (e.kind === 'raw-score-max' && e.max !== r.rawScoreMax) {
        add({ message: `说明(${n.id})的满分与 rawScoreMax 不一致 / raw-score max mismatch`, path: ['notes', k] });
      }
    });
  });
export type ReliabilityRubric = z.infer<typeof reliabilityRubricSchema>;

// ───────────────────────────────────────────── fmea-case-2025

/** A percentage band of an item's standard score (评分说明). */
export const percentBandSchema = scoreBandSchema;
export type PercentBand = ScoreBand;

export const fmeaItemSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  /** 标准分: the item's maximum points. */
  standardScore: z.number().int().positive(),
  /** 评价准则, verbatim (numbered points separated by a line break). */
  criterion: localizedTextSchema,
  source: sourceRefSchema,
});
export type FmeaItem = z.infer<typeof fmeaItemSchema>;

export const fmeaGroupSchema = z.object({
  id: z.string().min(1),
  name: localizedTextSchema,
  /** The group's total points, e.g. 案例策划（20分）. */
  total: z.number().int().positive(),
  items: z.array(fmeaItemSchema).min(1),
  source: sourceRefSchema,
});
export type FmeaGroup = z.infer<typeof fmeaGroupSchema>;

export const fmeaRubricSchema = z
  .object({
    kind: z.literal('fmea-case'),
    id: z.string().min(1),
    title: localizedTextSchema,
    source: sourceRefSchema,
    totalPoints: z.number().int().positive(),
    groups: z.array(fmeaGroupSchema).min(1),
    /** 评分说明: the percentage bands applied to each item's standard score (min/max in %). */
    bands: z.array(percentBandSchema).min(1),
    bandsSource: sourceRefSchema,
  })
  .superRefine((r, ctx) => {
    const add = (i: Issue) => ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    uniqueIssues(r.groups, (g) => g.id, 'groups').forEach(add);
    uniqueIssues(
      r.groups.flatMap((g) => g.items),
      (i) => i.id,
      'items',
    ).forEach(add);
    r.groups.forEach((g, k) => {
      const s = g.items.reduce((a, i) => a + i.standardScore, 0);
      if (s !== g.total)
        add({ message: `${g.id}: 小项标准分之和 ${s} ≠ ${g.total} / item scores do not sum to the group total`, path: ['groups', k, 'total'] });
    });
    const total = r.groups.reduce((a, g) => a + g.total, 0);
    if (total !== r.totalPoints) add({ message: `各组分值之和 ${total} ≠ ${r.totalPoints} / group totals do not sum to the total`, path: ['groups'] });
    if (r.totalPoints !== 100) add({ message: `总分须为 100 / total must be 100`, path: ['totalPoints'] });
    for (const p of checkBandCoverage(r.bands, 0, 100)) add({ message: `评分说明: ${p}`, path: ['bands'] });
  });
export type FmeaRubric = z.infer<typeof fmeaRubricSchema>;

// ───────────────────────────────────────────── db31-1368-2022

/** A point band of a DB31/T 1368 item (e.g. 7–10分). */
export const pointBandSchema = z
  .object({
    min: nonNegativeInt,
    max: nonNegativeInt,
    criterion: localizedTextSchema,
  })
  .refine((b) => b.min <= b.max, { message: '分档下限不能大于上限 / band min must not exceed max' });
export type PointBand = z.infer<typeof pointBandSchema>;

export const db31ItemSchema = z.object({
  id: z.string().min(1),
  /** 评价内容 (without the "（10分）" suffix). */
  name: localizedTextSchema,
  /** Maximum points of the item. */
  points: z.number().int().positive(),
  /** 指标 / 分值 rows, highest first. They need not reach 0: the table's lowest band starts at 1–3. */
  bands: z.array(pointBandSchema).min(1),
  source: sourceRefSchema,
  /** The body clause that explains the item (7.2.2 …). */
  clause: sourceRefSchema.optional(),
});
export type Db31Item = z.infer<typeof db31ItemSchema>;

export const db31GroupSchema = z.object({
  id: z.string().min(1),
  /** 序号 in Table B.1. */
  seq: z.number().int().positive(),
  /** 评价要点. */
  name: localizedTextSchema,
  points: z.number().int().positive(),
  items: z.array(db31ItemSchema).min(1),
  source: sourceRefSchema,
});
export type Db31Group = z.infer<typeof db31GroupSchema>;

export const db31RubricSchema = z
  .object({
    kind: z.literal('quality-breakthrough'),
    id: z.string().min(1),
    title: localizedTextSchema,
    source: sourceRefSchema,
    totalPoints: z.number().int().positive(),
    groups: z.array(db31GroupSchema).min(1),
    notes: z.array(z.object({ id: z.string().min(1), text: localizedTextSchema, source: sourceRefSchema })),
  })
  .superRefine((r, ctx) => {
    const add = (i: Issue) => ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
    uniqueIssues(r.groups, (g) => g.id, 'groups').forEach(add);
    uniqueIssues(
      r.groups.flatMap((g) => g.items),
      (i) => i.id,
      'items',
    ).forEach(add);
    let all = 0;
    r.groups.forEach((g, k) => {
      const s = g.items.reduce((a, i) => a + i.points, 0);
      all += s;
      if (s !== g.points)
        add({ message: `${g.id}: 各项分值之和 ${s} ≠ ${g.points} / item points do not sum to the group points`, path: ['groups', k, 'points'] });
      g.items.forEach((it, j) => {
        for (const p of checkBandsWithin(it.bands, 0, it.points)) add({ message: `${it.id}: ${p}`, path: ['groups', k, 'items', j, 'bands'] });
        const top = Math.max(...it.bands.map((b) => b.max));
        if (top !== it.points)
          add({ message: `${it.id}: 最高分档 ${top} ≠ 分值 ${it.points} / top band does not reach the item points`, path: ['groups', k, 'items', j, 'bands'] });
      });
    });
    if (all !== r.totalPoints) add({ message: `各项分值之和 ${all} ≠ ${r.totalPoints} / item points do not sum to the total`, path: ['groups'] });
    if (r.totalPoints !== 100) add({ message: `总分须为 100 / total must be 100`, path: ['totalPoints'] });
  });
export type Db31Rubric = z.infer<typeof db31RubricSchema>;

// ───────────────────────────────────────────── any rubric

export const rubricSchema = z.discriminatedUnion('kind', [reliabilityRubricSchema, fmeaRubricSchema, db31RubricSchema]);
export type Rubric = z.infer<typeof rubricSchema>;
export type RubricKind = Rubric['kind'];
