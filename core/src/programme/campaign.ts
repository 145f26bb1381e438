import { z } from 'zod/v4';
import { note, type Note } from '../i18n/note.js';
import { localizedTextSchema, sourceRefSchema } from '../rubrics/rubricSchema.js';

/**
 * A yearly recommendation campaign (推荐通知) as data: a new year is a new `Campaign` object
 * parsed by `campaignSchema`, not new code.
 */

export const CAMPAIGN_KINDS = ['best-practice', 'fmea'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, '不存在的日期 / no such date');

export const campaignMaterialSchema = z.object({
  id: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Number of copies, e.g. 一式两份 → 2. */
  copies: z.number().int().positive().optional(),
  /** Must carry the official seal (加盖公章). */
  sealed: z.boolean().optional(),
  /** The kinds this material applies to; all kinds when absent. */
  kinds: z.array(z.enum(CAMPAIGN_KINDS)).optional(),
  source: sourceRefSchema,
});
export type CampaignMaterial = z.infer<typeof campaignMaterialSchema>;

export const campaignStageSchema = z.object({
  id: z.string().min(1),
  order: z.number().int().positive(),
  label: localizedTextSchema,
  /** Who acts at this stage. */
  actor: localizedTextSchema,
  /** The sentence of the notice the stage comes from (verbatim). */
  quote: z.string().min(1),
  source: sourceRefSchema,
});
export type CampaignStage = z.infer<typeof campaignStageSchema>;

export const eligibilityConditionSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CAMPAIGN_KINDS),
  text: localizedTextSchema,
  source: sourceRefSchema,
});
export type EligibilityCondition = z.infer<typeof eligibilityConditionSchema>;

export const campaignFormSchema = z.object({
  /** Annex number of the notice (附件N). */
  annex: z.number().int().positive(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: localizedTextSchema,
  role: z.enum(['rubric', 'recommendation-form', 'summary-table']),
});
export type CampaignForm = z.infer<typeof campaignFormSchema>;

export const campaignSchema = z
  .object({
    id: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    title: localizedTextSchema,
    kinds: z.array(z.enum(CAMPAIGN_KINDS)).min(1),
    /** Per kind: what is recommended (推荐对象). */
    targets: z.array(z.object({ kind: z.enum(CAMPAIGN_KINDS), text: localizedTextSchema, source: sourceRefSchema })),
    /** The rubric each kind is scored by (a RUBRICS id). */
    rubricByKind: z.partialRecord(z.enum(CAMPAIGN_KINDS), z.string().min(1)),
    /** Last day to submit (inclusive), Beijing time. */
    deadline: isoDate,
    announcedOn: isoDate,
    issuer: localizedTextSchema,
    /** The body that sealed the notice on the issuer's behalf, if any (代章). */
    sealedBy: localizedTextSchema.optional(),
    materials: z.array(campaignMaterialSchema).min(1),
    forms: z.array(campaignFormSchema),
    /** General requirement on the materials' content. */
    materialsRequirement: localizedTextSchema.optional(),
    stages: z.array(campaignStageSchema).min(1),
    eligibility: z.array(eligibilityConditionSchema),
    source: sourceRefSchema,
  })
  .superRefine((c, ctx) => {
    if (c.announcedOn > c.deadline) ctx.addIssue({ code: 'custom', message: '发布日期晚于截止日期 / announced after the deadline', path: ['announcedOn'] });
    if (Number(c.deadline.slice(0, 4)) < c.year)
      ctx.addIssue({ code: 'custom', message: '截止日期早于年度 / deadline before the campaign year', path: ['deadline'] });
    c.stages.forEach((s, i) => {
      if (s.order !== i + 1) ctx.addIssue({ code: 'custom', message: '流程顺序须从 1 连续编号 / stage order must run 1, 2, …', path: ['stages', i, 'order'] });
    });
    for (const k of c.kinds) {
      if (!c.rubricByKind[k]) ctx.addIssue({ code: 'custom', message: `缺少 ${k} 的评价要求 / missing rubric for ${k}`, path: ['rubricByKind'] });
    }
    const ids = new Set<string>();
    c.materials.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', message: `重复的材料 ${m.id} / duplicate material`, path: ['materials', i, 'id'] });
      ids.add(m.id);
    });
  });
export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignInput = z.input<typeof campaignSchema>;

const N = (clause: string) => ({ document: '2025年推荐通知' as const, clause });

/** 关于组织推荐2025年度产品质量可靠性创新“最佳实践”和FMEA应用典型案例的通知 (2025-06-09). */
export const campaign2025: Campaign = campaignSchema.parse({
  id: '2025',
  year: 2025,
  title: {
    zh: '关于组织推荐2025年度产品质量可靠性创新“最佳实践”和FMEA应用典型案例的通知',
    en: 'Notice on recommending the 2025 product quality reliability innovation "best practices" and FMEA application typical cases',
  },
  kinds: ['best-practice', 'fmea'],
  targets: [
    {
      kind: 'best-practice',
      text: {
        zh: '聚焦制造过程中广泛应用可靠性技术、质量可靠性指标优异的产品，总结提炼具有行业示范价值的先进经验和创新做法。',
        en: 'Products that apply reliability techniques widely in manufacturing and have excellent quality-reliability indicators; summarise advanced experience and innovative practice of demonstration value to the industry.',
      },
      source: N('一、推荐对象（一）'),
    },
    {
      kind: 'fmea',
      text: {
        zh: '重点征集设计FMEA（DFMEA）和工艺FMEA（PFMEA）应用案例，突出技术工艺创新性、解决方案有效性及实施成效。',
        en: 'Mainly design FMEA (DFMEA) and process FMEA (PFMEA) application cases, highlighting technical and process innovation, effective solutions and results.',
      },
      source: N('一、推荐对象（二）'),
    },
  ],
  rubricByKind: { 'best-practice': 'reliability-2024', fmea: 'fmea-case-2025' },
  deadline: '2025-09-30',
  announcedOn: '2025-06-09',
  issuer: {
    zh: '京津沪渝冀闽赣鲁产品质量可靠性创新实践合作机制秘书处',
    en: 'Secretariat of the Beijing–Tianjin–Shanghai–Chongqing–Hebei–Fujian–Jiangxi–Shandong product quality reliability innovation practice cooperation mechanism',
  },
  sealedBy: { zh: '天津市市场监督管理委员会（代章）', en: 'Tianjin Market Supervision and Administration Commission (seal on behalf)' },
  materials: [
    {
      id: 'paper-form',
      zh: '纸质版推荐表一式两份（加盖公章）',
      en: 'Paper recommendation form, two copies (with the official seal)',
      copies: 2,
      sealed: true,
      source: N('四、推荐流程（二）'),
    },
    {
      id: 'summary-table',
      zh: '推荐汇总表（附件5、6）',
      en: 'Recommendation summary table (Annexes 5 and 6)',
      source: N('四、推荐流程（二）'),
    },
    {
      id: 'electronic',
      zh: '上述材料电子版（Word及盖章PDF扫描件）',
      en: 'Electronic versions of the above (Word, and a scanned PDF with the seal)',
      source: N('四、推荐流程（二）'),
    },
  ],
  materialsRequirement: {
    zh: '推荐材料要求内容详实、数据准确、重点突出、注重经验总结和提炼。',
    en: 'The materials shall be detailed, with accurate data and clear focus, and shall summarise and distil the experience.',
  },
  forms: [
    {
      annex: 1,
      kind: 'best-practice',
      role: 'rubric',
      title: { zh: '产品质量可靠性评价通用要求', en: 'General Requirements for Product Quality Reliability Evaluation' },
    },
    {
      annex: 2,
      kind: 'best-practice',
      role: 'recommendation-form',
      title: { zh: '产品质量可靠性创新“最佳实践”推荐表', en: 'Recommendation form: reliability innovation "best practice"' },
    },
    { annex: 3, kind: 'fmea', role: 'rubric', title: { zh: 'FMEA应用典型案例评价要求', en: 'Evaluation Requirements for FMEA Application Typical Cases' } },
    { annex: 4, kind: 'fmea', role: 'recommendation-form', title: { zh: 'FMEA应用典型案例推荐表', en: 'Recommendation form: FMEA application typical case' } },
    {
      annex: 5,
      kind: 'best-practice',
      role: 'summary-table',
      title: { zh: '产品质量可靠性创新“最佳实践”推荐汇总表', en: 'Summary table: reliability innovation "best practice" recommendations' },
    },
    { annex: 6, kind: 'fmea', role: 'summary-table', title: { zh: 'FMEA应用典型案例推荐汇总表', en: 'Summary table: FMEA typical case recommendations' } },
  ],
  // Bottom-up flow: 四、推荐流程（一） and 五、评定公布（一）（二）.
  stages: [
    {
      id: 'local-recommendation',
      order: 1,
      label: { zh: '各地市场监管部门组织推荐', en: 'Local market-regulation bureaus organise recommendations' },
      actor: { zh: '各地（区、县）市场监管部门', en: 'Local (district/county) market-regulation bureaus' },
      quote: '采取自下而上方式，由各地市场监管部门组织推荐，对申报材料初审后逐级报送至省级市场监管部门。',
      source: N('四、推荐流程（一）'),
    },
    {
      id: 'screen-and-forward',
      order: 2,
      label: { zh: '初审后逐级报送至省级', en: 'Preliminary screening, then forwarded level by level to the province' },
      actor: { zh: '各地市场监管部门', en: 'Local market-regulation bureaus' },
      quote: '采取自下而上方式，由各地市场监管部门组织推荐，对申报材料初审后逐级报送至省级市场监管部门。',
      source: N('四、推荐流程（一）'),
    },
    {
      id: 'expert-review',
      order: 3,
      label: { zh: '省级组织专家综合评审形成拟评定名单', en: 'Province convenes experts for a comprehensive review and draws up the proposed list' },
      actor: { zh: '各省（市）市场监管部门', en: 'Provincial market-regulation authorities' },
      quote: '各省（市）市市场监管部门根据推荐情况，组织专家对申报材料进行综合评审，形成拟评定对象名单。',
      source: N('五、评定公布（一）'),
    },
    {
      id: 'publicity',
      order: 4,
      label: { zh: '上海市市场监督管理局汇总公示', en: 'Shanghai Administration for Market Regulation consolidates and publishes the list for public comment' },
      actor: { zh: '上海市市场监督管理局', en: 'Shanghai Administration for Market Regulation' },
      quote: '拟评定对象名单由上海市市场监督管理局汇总后予以公示，接受社会监督。',
      source: N('五、评定公布（二）'),
    },
    {
      id: 'recognition',
      order: 5,
      label: { zh: '公示期满无异议认定', en: 'Recognised when the publicity period ends without objection' },
      actor: { zh: '合作机制秘书处', en: 'Cooperation-mechanism secretariat' },
      quote: '公示期满无异议或者经核实异议不成立的，认定为2025年度产品质量可靠性创新“最佳实践”和FMEA应用典型案例。',
      source: N('五、评定公布（二）'),
    },
  ],
  eligibility: [
    {
      id: 'bp-enterprise',
      kind: 'best-practice',
      text: {
        zh: '被推荐主体为各省（市）行政区域内从事新能源汽车、电子信息、高端装备等重点产业的生产企业，可以适当兼顾其他产业，经营和信用记录良好，符合产业政策要求，三年内无重大违法记录，有推广经验做法的意愿和能力。',
        en: 'The nominee is a manufacturer in the province (municipality) in a key industry such as new-energy vehicles, electronic information or high-end equipment (other industries may also be considered), with a good business and credit record, compliant with industrial policy, with no major violation in three years, and willing and able to share its experience.',
      },
      source: N('二、推荐条件（一）1'),
    },
    {
      id: 'bp-product',
      kind: 'best-practice',
      text: {
        zh: '被推荐产品应用的可靠性技术应具有较强的系统性、创新性、先进性和可推广性，能充分体现行业产品质量可靠性技术特点，对相关行业具有较强借鉴意义和推广价值。',
        en: "The reliability techniques applied to the product shall be systematic, innovative, advanced and promotable, fully reflect the reliability characteristics of the industry's products, and offer strong lessons and promotion value to related industries.",
      },
      source: N('二、推荐条件（一）2'),
    },
    {
      id: 'fmea-enterprise',
      kind: 'fmea',
      text: {
        zh: '被推荐主体为各省（市）行政区域内的企业，优先支持新能源汽车、电子信息、高端装备等重点产业。',
        en: 'The nominee is an enterprise in the province (municipality); key industries such as new-energy vehicles, electronic information and high-end equipment are preferred.',
      },
      source: N('二、推荐条件（二）1'),
    },
    {
      id: 'fmea-case',
      kind: 'fmea',
      text: {
        zh: '被推荐案例应为近两年内开展的应用实践，具有技术工艺特点鲜明，解决方案有效，实施效果显著，符合现代化产业体系发展方向的创新经验做法。',
        en: 'The case shall be an application carried out within the last two years, with distinct technical/process features, an effective solution and marked results, and be innovative practice in line with the development of a modern industrial system.',
      },
      source: N('二、推荐条件（二）2'),
    },
  ],
  source: N('正文'),
} satisfies CampaignInput);

/** Campaigns known to kekao, newest first. Add a year by adding a parsed object here. */
export const CAMPAIGNS: readonly Campaign[] = [campaign2025];

export function campaignById(id: string): Campaign | undefined {
  return CAMPAIGNS.find((c) => c.id === id);
}

// ───────────────────────────────────────────── days left

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function dayNumber(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export interface DaysLeft {
  /** Calendar days from today (Beijing time) to the deadline day: 0 on the deadline day, negative after it. */
  days: number;
  /** True once the deadline day is over (Beijing time). The deadline day itself still counts as open. */
  passed: boolean;
  /** Today is the deadline day. */
  isDeadlineDay: boolean;
  /** Today's date in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  deadline: string;
  message: Note;
}

/**
 * Days left until a campaign's deadline, in calendar days of Asia/Shanghai. The deadline day is
 * inclusive: on 2025-09-30 `days` is 0 and `passed` is false; on 2025-10-01 `days` is −1 and
 * `passed` is true.
 */
export function daysLeft(campaign: Pick<Campaign, 'deadline'>, today: Date): DaysLeft {
  const t = shanghaiDate(today);
  const days = dayNumber(campaign.deadline) - dayNumber(t);
  const [y, m, d] = campaign.deadline.split('-').map(Number);
  const dl = `${y}年${m}月${d}日`;
  let message: Note;
  if (days > 0) {
    message = note('campaign.daysLeft', `距推荐截止时间（${dl}）还有 ${days} 天。`, `${days} day(s) left until the deadline (${campaign.deadline}).`);
  } else if (days === 0) {
    message = note('campaign.deadlineToday', `今天（${dl}）是推荐截止日。`, `Today (${campaign.deadline}) is the deadline.`);
  } else {
    message = note('campaign.deadlinePassed', `推荐截止时间（${dl}）已过 ${-days} 天。`, `The deadline (${campaign.deadline}) passed ${-days} day(s) ago.`);
  }
  return { days, passed: days < 0, isDeadlineDay: days === 0, today: t, deadline: campaign.deadline, message };
}

/** Materials that apply to a campaign kind. */
export function materialsFor(campaign: Campaign, kind: CampaignKind): CampaignMaterial[] {
  return campaign.materials.filter((m) => !m.kinds || m.kinds.includes(kind));
}
