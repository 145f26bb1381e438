import { z } from 'zod/v4';
import { note, type Note } from '../i18n/note.js';
import { significant } from '../i18n/numberText.js';
import { processCapability } from './capability.js';

/**
 * Assistance (帮扶) effect indicators of the draft guide 《工业产品质量技术帮扶和质量安全监管联动工作指南》,
 * Annex D, table D.2 (量化指标示例参考表): each indicator with the guide's formula, computed from
 * counts, dates and scores, and judged against a target. Default targets are the guide's examples
 * in the same table; every target can be overridden.
 *
 * Rates are fractions (0.95 = 95 %). A KPI whose input is absent is null with the reason 未提供数据;
 * a zero denominator is null with its own reason. The input is validated with
 * `assistanceKpiInputSchema` (counts are non-negative integers, numerators do not exceed their
 * denominators, dates are ISO calendar dates, scores are within 1–5).
 */

export const ASSISTANCE_KPI_KEYS = [
  'taskCompletionRate',
  'timelinessRate',
  'rectificationCompletionRate',
  'closureCycleDays',
  'samplingPassRate',
  'trainingCoverage',
  'examPassRate',
  'satisfaction',
  'keyProcessCpk',
] as const;
export type AssistanceKpiKey = (typeof ASSISTANCE_KPI_KEYS)[number];

export interface KpiTarget {
  op: '>=' | '<=';
  value: number;
}

/** Table D.2 example targets. */
export const DEFAULT_TARGETS: Readonly<Record<AssistanceKpiKey, KpiTarget>> = {
  taskCompletionRate: { op: '>=', value: 0.9 }, // 帮扶任务完成率≥90%
  timelinessRate: { op: '>=', value: 0.95 }, // 帮扶工作及时率≥95%
  rectificationCompletionRate: { op: '>=', value: 0.95 }, // 质量问题整改完成率≥95%
  closureCycleDays: { op: '<=', value: 60 }, // 整改闭环周期≤60天
  samplingPassRate: { op: '>=', value: 0.95 }, // 监督抽查批次合格率≥95%
  trainingCoverage: { op: '>=', value: 1 }, // 质量培训覆盖率100%（关键岗位）
  examPassRate: { op: '>=', value: 0.9 }, // 培训后考核合格率≥90%
  satisfaction: { op: '>=', value: 4 }, // 质量意识满意度评分≥4分（5分制）
  keyProcessCpk: { op: '>=', value: 1.33 }, // 关键工序CPK提升至≥1.33
};

const count = z.number().int('须为整数 / must be an integer').nonnegative('不能为负数 / must not be negative');
const finite = z.number().refine(Number.isFinite, { message: '必须是有限数值 / must be a finite number' });
const isoDate = z.iso.date('须为 YYYY-MM-DD 格式的有效日期 / must be a valid YYYY-MM-DD date');

/** A fraction numerator/denominator whose numerator cannot exceed its denominator. */
function fraction<N extends string, D extends string>(num: N, den: D, zh: string, en: string) {
  return z
    .object({ [num]: count, [den]: count } as Record<N | D, typeof count>)
    .refine((v) => (v as Record<string, number>)[num] <= (v as Record<string, number>)[den], {
      message: `${zh} / ${en}`,
      path: [num],
    });
}

export const assistanceKpiInputSchema = z.object({
  /** 帮扶任务完成率: 完成任务数 / 总任务数. */
  tasks: fraction('completed', 'total', '完成任务数不能超过总任务数', 'completed tasks cannot exceed the total').optional(),
  /** 帮扶工作及时率: 按时完成节点数 / 总节点数. */
  nodes: fraction('onTime', 'total', '按时完成节点数不能超过总节点数', 'on-time nodes cannot exceed the total').optional(),
  /** 质量问题整改完成率: 已闭环问题数 / 清单总问题数. */
  issues: fraction('closed', 'total', '已闭环问题数不能超过总问题数', 'closed issues cannot exceed the total').optional(),
  /** 整改闭环周期: one pair per closed issue, rectification start → acceptance passed. */
  closures: z
    .array(
      z.object({ start: isoDate, accepted: isoDate }).refine((p) => p.accepted >= p.start, {
        message: '验收日期不能早于整改启动日期 / the acceptance date cannot precede the start date',
        path: ['accepted'],
      }),
    )
    .optional(),
  /** 抽样检测合格率: 抽样检测合格件数 / 总抽样件数. */
  sampling: fraction('passed', 'sampled', '合格件数不能超过抽样件数', 'passed items cannot exceed the sampled items').optional(),
  /**
   * 质量培训覆盖率 = 参训人数 / 应训人数 (trained may exceed required: the rate is then above 100 %);
   * 培训后考核合格率 = 考核合格人数 / 参训人数.
   */
  training: z
    .object({ required: count.optional(), trained: count, examPassed: count.optional() })
    .refine((t) => t.examPassed === undefined || t.examPassed <= t.trained, {
      message: '考核合格人数不能超过参训人数 / exam passes cannot exceed the number trained',
      path: ['examPassed'],
    })
    .optional(),
  /** 满意度评分 (5-point scale), one score per respondent. */
  satisfaction: z.array(finite.refine((v) => v >= 1 && v <= 5, { message: '评分须在 1–5 之间 / scores must be within 1–5' })).optional(),
  /**
   * 关键工序 Cpk after assistance (and optionally before, for the improvement); or the process data
   * to compute it from (`processCapability`).
   */
  keyProcessCpk: z
    .object({
      before: finite.optional(),
      after: finite.optional(),
      data: z
        .object({
          values: z.array(finite),
          lsl: finite.optional(),
          usl: finite.optional(),
          subgroupSize: z.number().int().positive().optional(),
        })
        .optional(),
    })
    .optional(),
});

export type AssistanceKpiInput = z.input<typeof assistanceKpiInputSchema>;

export interface AssistanceKpi {
  key: AssistanceKpiKey;
  zh: string;
  en: string;
  /** 'ratio': a fraction (0.95 = 95 %); 'days': natural days; 'score': 1–5; 'index': Cpk. */
  unit: 'ratio' | 'days' | 'score' | 'index';
  value: number | null;
  target: KpiTarget;
  met: boolean | null;
  /** The guide's formula (table D.2), in Chinese. */
  formula: string;
  /** Supporting figures (e.g. mean and longest closure cycle). */
  detail?: Note;
  reason?: Note;
}

interface KpiDefinition {
  zh: string;
  en: string;
  unit: AssistanceKpi['unit'];
  formula: string;
}

const DEFINITIONS: Record<AssistanceKpiKey, KpiDefinition> = {
  taskCompletionRate: { zh: '帮扶任务完成率', en: 'Task completion rate', unit: 'ratio', formula: '完成任务数/总任务数×100%' },
  timelinessRate: { zh: '帮扶工作及时率', en: 'Timeliness rate', unit: 'ratio', formula: '按时完成节点数/总节点数×100%' },
  rectificationCompletionRate: {
    zh: '质量问题整改完成率',
    en: 'Rectification completion rate',
    unit: 'ratio',
    formula: '已闭环问题数/清单总问题数×100%',
  },
  closureCycleDays: { zh: '整改闭环周期', en: 'Rectification closure cycle', unit: 'days', formula: '从整改启动到验收通过的自然日' },
  samplingPassRate: { zh: '抽样检测合格率', en: 'Sampling pass rate', unit: 'ratio', formula: '抽样检测合格件数/总抽样件数×100%' },
  trainingCoverage: { zh: '质量培训覆盖率', en: 'Training coverage', unit: 'ratio', formula: '参训人数/应训人数×100%' },
  examPassRate: { zh: '培训后考核合格率', en: 'Post-training exam pass rate', unit: 'ratio', formula: '考核合格人数/参训人数×100%' },
  // Table D.2 gives the target (≥4分（5分制）) and the method (问卷调查) but no formula: the mean score.
  satisfaction: { zh: '满意度评分', en: 'Satisfaction score', unit: 'score', formula: '问卷满意度评分的算术平均值（5分制）' },
  // Table D.2 writes "CPK=(USL-LSL)/6σ", which is Cp; kekao computes Cpk proper.
  keyProcessCpk: {
    zh: '关键工序Cpk',
    en: 'Key-process Cpk',
    unit: 'index',
    formula: 'Cpk=min(USL−μ, μ−LSL)/3σ（表D.2所列“CPK=(USL-LSL)/6σ”实为Cp的公式）',
  },
};

const MS_PER_DAY = 86_400_000;

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export interface ClosureCycle {
  /** Per issue: natural days elapsed from the start date to the acceptance date (same day = 0). */
  days: number[];
  mean: number | null;
  max: number | null;
}

/** 整改闭环周期: natural (calendar) days from rectification start to acceptance, per issue. */
export function closureCycleDays(pairs: readonly { start: string; accepted: string }[]): ClosureCycle {
  const days = pairs.map((p) => dayNumber(p.accepted) - dayNumber(p.start));
  if (days.length === 0) return { days, mean: null, max: null };
  let sum = 0;
  let max = -Infinity;
  for (const d of days) {
    sum += d;
    if (d > max) max = d;
  }
  return { days, mean: sum / days.length, max };
}

const NO_DATA = note('kpi.noData', '未提供数据', 'No data provided');

function zeroDenominator(what: string, whatEn: string): Note {
  return note('kpi.zeroDenominator', `${what}为 0，比率无定义`, `${whatEn} is 0: the rate is undefined`);
}

/** Target comparison with a 1e-12 relative allowance for rounding in means and ratios. */
function meets(value: number, target: KpiTarget): boolean {
  const slack = 1e-12 * Math.max(1, Math.abs(target.value));
  return target.op === '>=' ? value >= target.value - slack : value <= target.value + slack;
}

type Computed = { value: number | null; reason?: Note; detail?: Note };

function ratio(num: number, den: number, denZh: string, denEn: string): Computed {
  if (den === 0) return { value: null, reason: zeroDenominator(denZh, denEn) };
  return { value: num / den };
}

export function assistanceKpis(input: AssistanceKpiInput, targets: Partial<Record<AssistanceKpiKey, KpiTarget>> = DEFAULT_TARGETS): AssistanceKpi[] {
  const data = assistanceKpiInputSchema.parse(input);

  const computed: Record<AssistanceKpiKey, () => Computed> = {
    taskCompletionRate: () => (data.tasks ? ratio(data.tasks.completed, data.tasks.total, '总任务数', 'The total number of tasks') : { value: null }),
    timelinessRate: () => (data.nodes ? ratio(data.nodes.onTime, data.nodes.total, '总节点数', 'The total number of nodes') : { value: null }),
    rectificationCompletionRate: () =>
      data.issues ? ratio(data.issues.closed, data.issues.total, '清单总问题数', 'The total number of listed issues') : { value: null },
    closureCycleDays: () => {
      if (!data.closures || data.closures.length === 0) return { value: null };
      const c = closureCycleDays(data.closures);
      // The target applies to every issue, so the KPI value is the longest cycle.
      return {
        value: c.max,
        detail: note(
          'kpi.closureCycle.detail',
          `共 ${c.days.length} 个问题，平均 ${significant(c.mean!)} 天，最长 ${c.max} 天`,
          `${c.days.length} issues, mean ${significant(c.mean!)} days, longest ${c.max} days`,
        ),
      };
    },
    samplingPassRate: () => (data.sampling ? ratio(data.sampling.passed, data.sampling.sampled, '总抽样件数', 'The number of sampled items') : { value: null }),
    trainingCoverage: () =>
      data.training?.required !== undefined
        ? ratio(data.training.trained, data.training.required, '应训人数', 'The number required to be trained')
        : { value: null },
    examPassRate: () =>
      data.training?.examPassed !== undefined ? ratio(data.training.examPassed, data.training.trained, '参训人数', 'The number trained') : { value: null },
    satisfaction: () => {
      const scores = data.satisfaction;
      if (!scores || scores.length === 0) return { value: null };
      let sum = 0;
      for (const s of scores) sum += s;
      return {
        value: sum / scores.length,
        detail: note('kpi.satisfaction.detail', `${scores.length} 份评分`, `${scores.length} scores`),
      };
    },
    keyProcessCpk: () => {
      const k = data.keyProcessCpk;
      if (!k) return { value: null };
      let after: number | null = k.after ?? null;
      if (after === null && k.data) {
        const capability = processCapability(k.data);
        after = capability.cpk;
        if (after === null) return { value: null, reason: capability.reasons[0] ?? NO_DATA };
        // σ_within and σ_overall disagree: the Cpk is shown with the warning beside it.
        if (capability.warnings.length > 0) return { value: after, detail: capability.warnings[0]! };
      }
      if (after === null) return { value: null };
      const detail =
        k.before !== undefined
          ? note(
              'kpi.keyProcessCpk.detail',
              `Cpk 由 ${significant(k.before)} 提升至 ${significant(after)}`,
              `Cpk from ${significant(k.before)} to ${significant(after)}`,
            )
          : undefined;
      return { value: after, ...(detail ? { detail } : {}) };
    },
  };

  return ASSISTANCE_KPI_KEYS.map((key) => {
    const def = DEFINITIONS[key];
    const target = targets[key] ?? DEFAULT_TARGETS[key];
    const c = computed[key]();
    const kpi: AssistanceKpi = {
      key,
      zh: def.zh,
      en: def.en,
      unit: def.unit,
      value: c.value,
      target,
      met: c.value === null ? null : meets(c.value, target),
      formula: def.formula,
    };
    if (c.detail) kpi.detail = c.detail;
    if (c.value === null) kpi.reason = c.reason ?? NO_DATA;
    return kpi;
  });
}
