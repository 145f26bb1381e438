import { z } from 'zod/v4';
import { note, type Note } from '../i18n/note.js';
import type { LocalizedText, SourceRef } from '../rubrics/rubricSchema.js';

/**
 * 工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿） (docs/sources/004_…): the triggers
 * and start rules of §7 (帮扶触发情形), the scope of term 3.1 (工业产品) and the Annex A.1
 * application form, as data and pure functions.
 *
 * Clause numbers: the extraction lost the guide's heading numbers. Following the seeds README
 * (7 = 工作程序), kekao numbers 7.1 工作流程, 7.2 帮扶触发情形, 7.2.1 监管触发, 7.2.2 经营主体申请触发.
 */

export const GUIDE = '工业产品质量技术帮扶和质量安全监管联动工作指南（征求意见稿）' as const;
const RECONSTRUCTED = 'clause number reconstructed: the extraction lost the headings\' numbers';
const src = (clause: string, remark?: string): SourceRef => (remark ? { document: GUIDE, clause, remark } : { document: GUIDE, clause });

export const SCOPE_SOURCE: SourceRef = src('3.1');
export const SUPERVISION_SOURCE: SourceRef = src('7.2.1', RECONSTRUCTED);
export const APPLICATION_SOURCE: SourceRef = src('7.2.2', RECONSTRUCTED);
export const FORM_SOURCE: SourceRef = src('附录A 表A.1');

type Option<V extends string> = { value: V; zh: string; en: string };

// ───────────────────────────────────────────── scope (3.1)

/** Term 3.1 工业产品, verbatim. */
export const industrialProductDefinition: LocalizedText = {
  zh: '经过工业化过程加工、制作，且用于销售的产品。不包括食品、药品、特种设备以及有特别法管理的产品。',
  en: 'A product processed or made by an industrial process and intended for sale. Excludes food, drugs, special equipment and products governed by special laws.',
};

export const PRODUCT_CATEGORIES = ['industrial', 'food', 'drug', 'special-equipment', 'special-law'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const productCategoryOptions: readonly Option<ProductCategory>[] = [
  { value: 'industrial', zh: '工业产品', en: 'Industrial product' },
  { value: 'food', zh: '食品', en: 'Food' },
  { value: 'drug', zh: '药品', en: 'Drug' },
  { value: 'special-equipment', zh: '特种设备', en: 'Special equipment' },
  { value: 'special-law', zh: '有特别法管理的产品', en: 'Product governed by a special law' },
];

// ───────────────────────────────────────────── supervision trigger (7.2.1)

export const SUPERVISION_TRIGGER_SOURCES = [
  'spot-check-failure',
  'cluster-common-problem',
  'emerging-industry-difficulty',
  'systemic-risk',
  'other',
] as const;
export type SupervisionTriggerSource = (typeof SUPERVISION_TRIGGER_SOURCES)[number];

/** 监管触发 — "通过监管措施，收集信息：" the five list items, verbatim. */
export const supervisionTriggerSources: readonly (Option<SupervisionTriggerSource> & { source: SourceRef })[] = [
  { value: 'spot-check-failure', zh: '监督抽查结果不合格的', en: 'Failed supervisory spot checks', source: SUPERVISION_SOURCE },
  {
    value: 'cluster-common-problem',
    zh: '发现产业集聚区普遍性质量问题或产业链共性质量瓶颈的',
    en: 'Widespread quality problems in an industrial cluster, or common quality bottlenecks in an industrial chain',
    source: SUPERVISION_SOURCE,
  },
  {
    value: 'emerging-industry-difficulty',
    zh: '新兴产业、新产品研发生产存在突出质量技术难题的',
    en: 'Prominent quality/technical difficulties in the R&D or production of emerging industries or new products',
    source: SUPERVISION_SOURCE,
  },
  {
    value: 'systemic-risk',
    zh: '发现区域性、行业性、系统性质量安全风险隐患的',
    en: 'Regional, industry-wide or systemic quality and safety risks',
    source: SUPERVISION_SOURCE,
  },
  { value: 'other', zh: '其他通过监管措施收集的信息', en: 'Other information collected through supervision', source: SUPERVISION_SOURCE },
];

export const HIGH_RISK_FACTORS = ['personal-health', 'property-safety', 'ecological-safety', 'systemic', 'industry-wide', 'regional'] as const;
export const LOW_RISK_FACTORS = ['occasional', 'minor-nonconformity'] as const;
export const RISK_FACTORS = [...HIGH_RISK_FACTORS, ...LOW_RISK_FACTORS] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type RiskGrade = 'high' | 'low';

/** The factors named in the start rules, each with the grade it implies. */
export const riskFactors: readonly (Option<RiskFactor> & { grade: RiskGrade })[] = [
  { value: 'personal-health', grade: 'high', zh: '人身健康', en: 'Personal health' },
  { value: 'property-safety', grade: 'high', zh: '财产安全', en: 'Property safety' },
  { value: 'ecological-safety', grade: 'high', zh: '生态环境安全', en: 'Ecological and environmental safety' },
  { value: 'systemic', grade: 'high', zh: '系统性风险', en: 'Systemic risk' },
  { value: 'industry-wide', grade: 'high', zh: '行业性', en: 'Industry-wide' },
  { value: 'regional', grade: 'high', zh: '区域性', en: 'Regional' },
  { value: 'occasional', grade: 'low', zh: '偶发的', en: 'Occasional' },
  { value: 'minor-nonconformity', grade: 'low', zh: '轻微不合格', en: 'Minor nonconformity' },
];

/** 风险等级评估, verbatim. */
export const riskAssessmentRule: { text: LocalizedText; source: SourceRef } = {
  text: {
    zh: '依据问题严重程度、影响范围、扩散风险等，将质量问题划分为高风险、低风险两类。',
    en: 'By severity, scope of impact and risk of spreading, quality problems are graded as high risk or low risk.',
  },
  source: SUPERVISION_SOURCE,
};

export interface StartRule {
  id: string;
  trigger: 'supervision' | 'application';
  decision: 'started' | 'not-started';
  /** Verbatim text of the start rule. */
  text: LocalizedText;
  source: SourceRef;
}

/** 启动判定 of both triggers, verbatim. */
export const startRules: readonly StartRule[] = [
  {
    id: 'supervision-low-risk',
    trigger: 'supervision',
    decision: 'not-started',
    text: {
      zh: '低风险问题。对于出现偶发的、轻微不合格的情况，按常规监管流程督促整改，不启动帮扶；',
      en: 'Low-risk problems. For occasional, minor nonconformities, urge rectification through the normal supervision process; assistance is not started;',
    },
    source: SUPERVISION_SOURCE,
  },
  {
    id: 'supervision-high-risk',
    trigger: 'supervision',
    decision: 'started',
    text: {
      zh: '高风险问题。涉及人身健康、财产安全、生态环境安全、系统性风险、行业性或区域性等问题的，对明确愿意配合整改，主动寻求质量提升的，启动质量技术帮扶。',
      en: 'High-risk problems. Where the problem concerns personal health, property safety, ecological and environmental safety, systemic risk, or is industry-wide or regional, quality and technical assistance is started for operators that clearly agree to cooperate with rectification and actively seek quality improvement.',
    },
    source: SUPERVISION_SOURCE,
  },
  {
    id: 'application-start',
    trigger: 'application',
    decision: 'started',
    text: {
      zh: '存在质量问题、技术瓶颈或质量提升需求，且经营主体具备改进意愿的，启动帮扶；',
      en: 'Where there is a quality problem, a technical bottleneck or a quality-improvement need, and the operator is willing to improve, assistance is started;',
    },
    source: APPLICATION_SOURCE,
  },
  {
    id: 'application-reject',
    trigger: 'application',
    decision: 'not-started',
    text: {
      zh: '对申请内容失实，或属于市场竞争、经营决策等非质量技术类问题，以及其他不属于帮扶范围的情况，不启动帮扶。',
      en: 'Assistance is not started where the application is untrue, concerns non-quality/technical matters such as market competition or business decisions, or is otherwise outside the scope of assistance.',
    },
    source: APPLICATION_SOURCE,
  },
];

// ───────────────────────────────────────────── application trigger (7.2.2) and Annex A.1

export const PROBLEM_TYPES = [
  'spot-check-failure',
  'process-fluctuation',
  'system-incomplete',
  'technical-bottleneck',
  'industry-common',
  'other',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** A.1 "1. 质量问题描述" check boxes, verbatim. */
export const problemTypeOptions: readonly Option<ProblemType>[] = [
  { value: 'spot-check-failure', zh: '监督抽查不合格', en: 'Failed supervisory spot check' },
  { value: 'process-fluctuation', zh: '生产过程质量波动', en: 'Quality fluctuation in production' },
  { value: 'system-incomplete', zh: '体系建设不完善', en: 'Incomplete management system' },
  { value: 'technical-bottleneck', zh: '技术瓶颈（如设计 / 工艺 / 检测）', en: 'Technical bottleneck (e.g. design / process / testing)' },
  { value: 'industry-common', zh: '行业共性问题', en: 'Industry-wide common problem' },
  { value: 'other', zh: '其他', en: 'Other' },
];

export const NEED_TYPES = ['diagnosis', 'qms-setup', 'standards', 'testing-training', 'improvement-plan', 'other'] as const;
export type NeedType = (typeof NEED_TYPES)[number];

/** A.1 "2. 帮扶核心诉求" check boxes, verbatim. */
export const needOptions: readonly Option<NeedType>[] = [
  { value: 'diagnosis', zh: '现场诊断与问题溯源', en: 'On-site diagnosis and root-cause tracing' },
  { value: 'qms-setup', zh: '质量管理体系搭建', en: 'Setting up a quality management system' },
  { value: 'standards', zh: '标准解读与应用', en: 'Interpreting and applying standards' },
  { value: 'testing-training', zh: '检测技能培训', en: 'Testing-skills training' },
  { value: 'improvement-plan', zh: '定制化改进方案', en: 'Tailored improvement plan' },
  { value: 'other', zh: '其他', en: 'Other' },
];

export const NON_QUALITY_MATTERS = ['market-competition', 'business-decision', 'other-non-quality', 'other-out-of-scope'] as const;
export type NonQualityMatter = (typeof NON_QUALITY_MATTERS)[number];

export const nonQualityMatterOptions: readonly Option<NonQualityMatter>[] = [
  { value: 'market-competition', zh: '市场竞争', en: 'Market competition' },
  { value: 'business-decision', zh: '经营决策', en: 'Business decision' },
  { value: 'other-non-quality', zh: '其他非质量技术类问题', en: 'Other non-quality/technical matter' },
  { value: 'other-out-of-scope', zh: '其他不属于帮扶范围的情况', en: 'Otherwise outside the scope of assistance' },
];

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSizeValue = (typeof ENTERPRISE_SIZES)[number];

/** A.1 企业规模: □ 大型 □ 中型 □ 小型 □ 微型. */
export const enterpriseSizeOptions: readonly Option<EnterpriseSizeValue>[] = [
  { value: 'large', zh: '大型', en: 'Large' },
  { value: 'medium', zh: '中型', en: 'Medium' },
  { value: 'small', zh: '小型', en: 'Small' },
  { value: 'micro', zh: '微型', en: 'Micro' },
];

export type FormFieldType = 'text' | 'phone' | 'select' | 'multiselect' | 'boolean';

export interface AssistanceFormField {
  key: string;
  /** Label as printed on the form (zh) and its translation. */
  zh: string;
  en: string;
  required: boolean;
  type: FormFieldType;
  options?: readonly Option<string>[];
  /** Multi-line free text. */
  multiline?: boolean;
  /** Only asked when this other field has this value among its answers (e.g. 其他 ticked). */
  askWhen?: { field: string; includes: string };
  section: 'basic' | 'problem' | 'commitment' | 'remarks';
  /** 'A.1' = on the printed form; 'kekao' = added for the triage (not on the form). */
  origin: 'A.1' | 'kekao';
}

/**
 * Annex A.1 质量技术帮扶申请表 as questionnaire fields, in form order. The 质量问题及帮扶诉求 section
 * is marked 核心必填 on the form. `productCategory` is not on the form; kekao asks it because the
 * scope of term 3.1 decides whether the request can be taken at all.
 */
export const assistanceApplicationFields: readonly AssistanceFormField[] = [
  { key: 'orgName', zh: '单位名称（全称）', en: 'Organisation name (full)', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'address', zh: '生产 / 经营地址', en: 'Production / business address', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'contact', zh: '联系人/职务', en: 'Contact person / position', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'phone', zh: '联系电话', en: 'Phone', required: true, type: 'phone', section: 'basic', origin: 'A.1' },
  { key: 'industry', zh: '所属行业', en: 'Industry', required: true, type: 'text', section: 'basic', origin: 'A.1' },
  { key: 'size', zh: '企业规模', en: 'Enterprise size', required: true, type: 'select', options: enterpriseSizeOptions, section: 'basic', origin: 'A.1' },
  {
    key: 'productCategory',
    zh: '产品类别',
    en: 'Product category',
    required: true,
    type: 'select',
    options: productCategoryOptions,
    section: 'basic',
    origin: 'kekao',
  },
  {
    key: 'problemTypes',
    zh: '质量问题描述',
    en: 'Quality problem',
    required: true,
    type: 'multiselect',
    options: problemTypeOptions,
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'problemOther',
    zh: '其他（质量问题）',
    en: 'Other (quality problem)',
    required: false,
    type: 'text',
    askWhen: { field: 'problemTypes', includes: 'other' },
    section: 'problem',
    origin: 'A.1',
  },
  { key: 'problemDetails', zh: '具体表现', en: 'Details', required: true, type: 'text', multiline: true, section: 'problem', origin: 'A.1' },
  { key: 'needs', zh: '帮扶核心诉求', en: 'Core assistance needs', required: true, type: 'multiselect', options: needOptions, section: 'problem', origin: 'A.1' },
  {
    key: 'needOther',
    zh: '其他（帮扶诉求）',
    en: 'Other (need)',
    required: false,
    type: 'text',
    askWhen: { field: 'needs', includes: 'other' },
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'measuresTaken',
    zh: '已采取的自查 / 整改措施（如有）',
    en: 'Self-inspection / rectification measures already taken (if any)',
    required: false,
    type: 'text',
    multiline: true,
    section: 'problem',
    origin: 'A.1',
  },
  {
    key: 'willing',
    zh: '是否自愿配合帮扶工作并落实整改措施',
    en: 'Willing to cooperate with the assistance and carry out the rectification measures',
    required: true,
    type: 'boolean',
    section: 'commitment',
    origin: 'A.1',
  },
  {
    key: 'commitment',
    zh: '承诺：本单位所填信息真实有效，愿意提供必要的生产经营资料、配合现场核查及帮扶活动开展，执行帮扶方案中的改进要求。',
    en: 'Commitment: the information given is true and valid; we will provide the necessary production and business materials, cooperate with on-site verification and assistance activities, and carry out the improvement requirements of the assistance plan.',
    required: true,
    type: 'boolean',
    section: 'commitment',
    origin: 'A.1',
  },
  {
    key: 'evidence',
    zh: '附佐证材料清单（如检测报告、不合格通知书、企业自查报告等）',
    en: 'List of supporting evidence (e.g. test reports, nonconformity notices, self-inspection reports)',
    required: false,
    type: 'text',
    multiline: true,
    section: 'remarks',
    origin: 'A.1',
  },
];

/** Mainland China phone: mobile (1xxxxxxxxxx) or landline with area code, optional extension (*, -, 转). */
export function isChinesePhone(s: string): boolean {
  return /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}((\*|转|-|ext\.?)\d{1,6})?)$/.test(s.replace(/\s+/g, ''));
}

const requiredText = (label: string) => z.string().trim().min(1, `${label}不能为空 / ${label} is required`);

/** A completed A.1 application (validated answers to `assistanceApplicationFields`). */
export const assistanceApplicationSchema = z
  .object({
    orgName: requiredText('单位名称'),
    address: requiredText('生产/经营地址'),
    contact: requiredText('联系人/职务'),
    phone: z.string().refine(isChinesePhone, '联系电话格式不正确 / invalid phone number'),
    industry: requiredText('所属行业'),
    size: z.enum(ENTERPRISE_SIZES),
    productCategory: z.enum(PRODUCT_CATEGORIES),
    problemTypes: z.array(z.enum(PROBLEM_TYPES)).min(1, '请至少选择一项质量问题 / choose at least one quality problem'),
    problemOther: z.string().optional(),
    problemDetails: requiredText('具体表现'),
    needs: z.array(z.enum(NEED_TYPES)).min(1, '请至少选择一项帮扶诉求 / choose at least one need'),
    needOther: z.string().optional(),
    measuresTaken: z.string().optional(),
    willing: z.boolean(),
    commitment: z.boolean().refine((v) => v, '须确认承诺 / the commitment must be confirmed'),
    evidence: z.string().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.problemTypes.includes('other') && !a.problemOther?.trim()) {
      ctx.addIssue({ code: 'custom', message: '选择“其他”时须说明质量问题 / describe the other quality problem', path: ['problemOther'] });
    }
    if (a.needs.includes('other') && !a.needOther?.trim()) {
      ctx.addIssue({ code: 'custom', message: '选择“其他”时须说明帮扶诉求 / describe the other need', path: ['needOther'] });
    }
  });
export type AssistanceApplication = z.infer<typeof assistanceApplicationSchema>;

// ───────────────────────────────────────────── triage

export const assistanceTriageInputSchema = z
  .object({
    trigger: z.enum(['supervision', 'application']),
    productCategory: z.enum(PRODUCT_CATEGORIES),
    /** Supervision: where the information came from (the five 监管触发 items). */
    supervisionSources: z.array(z.enum(SUPERVISION_TRIGGER_SOURCES)).default([]),
    /** Supervision: the factors found; any high factor makes the problem high risk. */
    riskFactors: z.array(z.enum(RISK_FACTORS)).default([]),
    /** Supervision: the officer's grade (风险等级评估). */
    riskGrade: z.enum(['high', 'low']).optional(),
    /** Willing to cooperate with rectification / to improve (A.1 是否自愿配合…). */
    willing: z.boolean(),
    problemTypes: z.array(z.enum(PROBLEM_TYPES)).default([]),
    needs: z.array(z.enum(NEED_TYPES)).default([]),
    /** Application: the request concerns a non-quality matter or is otherwise out of scope. */
    nonQualityMatter: z.enum(NON_QUALITY_MATTERS).optional(),
    /** Application: result of checking the application (false = 申请内容失实); undefined = not yet checked. */
    claimsVerified: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.trigger === 'supervision' && v.riskGrade === undefined && v.riskFactors.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: '监管触发须给出风险等级或风险因素 / a supervision trigger needs a risk grade or risk factors',
        path: ['riskGrade'],
      });
    }
  });
export type AssistanceTriageInput = z.input<typeof assistanceTriageInputSchema>;
export type AssistanceTriageParsed = z.infer<typeof assistanceTriageInputSchema>;

export type TriageDecision = 'started' | 'not-started' | 'out-of-scope';

export interface AssistanceTriageResult {
  decision: TriageDecision;
  /** Why (the rule applied and the facts it used). Chinese first. */
  reasons: Note[];
  /** Points to check that do not change the decision. */
  warnings: Note[];
  /** The guide's clause that decided: '3.1', '7.2.1' or '7.2.2'. */
  clause: string;
  source: SourceRef;
  /** Supervision only: the grade used. */
  riskGrade?: RiskGrade;
}

const labelOf = <V extends string>(opts: readonly Option<V>[], v: V) => opts.find((o) => o.value === v) ?? { zh: v, en: v };
const listZh = <V extends string>(opts: readonly Option<V>[], vs: readonly V[]) => vs.map((v) => labelOf(opts, v).zh).join('、');
const listEn = <V extends string>(opts: readonly Option<V>[], vs: readonly V[]) => vs.map((v) => labelOf(opts, v).en).join(', ');

/**
 * Decides whether quality and technical assistance (帮扶) starts.
 *
 * 1. Scope (3.1): a product that is not an industrial product (food, drug, special equipment,
 *    product under a special law) is out of scope, whatever the trigger.
 * 2. Supervision trigger (7.2.1): grade = high when any high-risk factor is present (even if the
 *    officer graded it low — a warning says so), otherwise the officer's grade, otherwise low.
 *    Low → not started (按常规监管流程督促整改). High and willing → started. High but not
 *    willing → not started: the guide starts assistance only for operators that clearly agree to
 *    cooperate; the problem stays with supervision.
 * 3. Application trigger (7.2.2): not started when the application is untrue (claimsVerified
 *    false), concerns a non-quality matter or is otherwise out of scope, states no problem or need,
 *    or the operator is not willing; otherwise started. All failing conditions are reported.
 *
 * Throws a ZodError for invalid input.
 */
export function triageAssistance(input: AssistanceTriageInput): AssistanceTriageResult {
  const v = assistanceTriageInputSchema.parse(input);
  const warnings: Note[] = [];

  if (v.productCategory !== 'industrial') {
    const cat = labelOf(productCategoryOptions, v.productCategory);
    return {
      decision: 'out-of-scope',
      reasons: [
        note(
          'assistance.outOfScope.notIndustrial',
          `产品类别为“${cat.zh}”，不属于本指南所称工业产品（术语3.1：不包括食品、药品、特种设备以及有特别法管理的产品），不适用质量技术帮扶。`,
          `The product category is "${cat.en}", which is not an industrial product under the guide (term 3.1 excludes food, drugs, special equipment and products governed by special laws); assistance does not apply.`,
        ),
      ],
      warnings,
      clause: '3.1',
      source: SCOPE_SOURCE,
    };
  }

  if (v.trigger === 'supervision') {
    const high = v.riskFactors.filter((f): f is (typeof HIGH_RISK_FACTORS)[number] => (HIGH_RISK_FACTORS as readonly string[]).includes(f));
    let grade: RiskGrade;
    if (high.length > 0) {
      grade = 'high';
      if (v.riskGrade === 'low') {
        warnings.push(
          note(
            'assistance.risk.gradeRaised',
            `评估为低风险，但问题涉及${listZh(riskFactors, high)}，按启动判定属于高风险问题，已按高风险处理，请复核风险等级。`,
            `Graded low risk, but the problem concerns ${listEn(riskFactors, high)}, which the start rule treats as high risk; handled as high risk — please review the grade.`,
          ),
        );
      }
    } else {
      grade = v.riskGrade ?? 'low';
    }
    const factorsZh = high.length > 0 ? `（涉及${listZh(riskFactors, high)}）` : '';
    const factorsEn = high.length > 0 ? ` (concerns ${listEn(riskFactors, high)})` : '';
    if (grade === 'low') {
      return {
        decision: 'not-started',
        reasons: [
          note(
            'assistance.supervision.lowRisk',
            '低风险问题（偶发的、轻微不合格的情况）：按常规监管流程督促整改，不启动帮扶。',
            'Low-risk problem (occasional, minor nonconformity): urge rectification through the normal supervision process; assistance is not started.',
          ),
        ],
        warnings,
        clause: '7.2.1',
        source: SUPERVISION_SOURCE,
        riskGrade: grade,
      };
    }
    if (v.willing) {
      return {
        decision: 'started',
        reasons: [
          note(
            'assistance.supervision.highRiskWilling',
            `高风险问题${factorsZh}，经营主体明确愿意配合整改、主动寻求质量提升：启动质量技术帮扶。`,
            `High-risk problem${factorsEn}, and the operator clearly agrees to cooperate with rectification and seeks quality improvement: quality and technical assistance is started.`,
          ),
        ],
        warnings,
        clause: '7.2.1',
        source: SUPERVISION_SOURCE,
        riskGrade: grade,
      };
    }
    return {
      decision: 'not-started',
      reasons: [
        note(
          'assistance.supervision.highRiskUnwilling',
          `高风险问题${factorsZh}，但经营主体未明确愿意配合整改、主动寻求质量提升：指南仅对愿意配合的经营主体启动质量技术帮扶，该问题继续按监管程序处理。`,
          `High-risk problem${factorsEn}, but the operator has not clearly agreed to cooperate with rectification: the guide starts assistance only for operators willing to cooperate, so the problem stays with the supervision process.`,
        ),
      ],
      warnings,
      clause: '7.2.1',
      source: SUPERVISION_SOURCE,
      riskGrade: grade,
    };
  }

  // Application trigger.
  const blocking: Note[] = [];
  if (v.claimsVerified === false) {
    blocking.push(
      note(
        'assistance.application.untrue',
        '经审核，申请内容失实：不启动帮扶。',
        'On review, the application is untrue: assistance is not started.',
      ),
    );
  }
  if (v.nonQualityMatter) {
    const m = labelOf(nonQualityMatterOptions, v.nonQualityMatter);
    blocking.push(
      v.nonQualityMatter === 'other-out-of-scope'
        ? note(
            'assistance.application.outOfScope',
            '申请事项不属于帮扶范围：不启动帮扶。',
            'The request is outside the scope of assistance: assistance is not started.',
          )
        : note(
            'assistance.application.nonQuality',
            `申请事项属于“${m.zh}”等非质量技术类问题：不启动帮扶。`,
            `The request concerns "${m.en}", a non-quality/technical matter: assistance is not started.`,
          ),
    );
  }
  const hasNeed = v.problemTypes.length > 0 || v.needs.length > 0;
  if (!hasNeed) {
    blocking.push(
      note(
        'assistance.application.noNeed',
        '申请未说明质量问题、技术瓶颈或质量提升需求：不启动帮扶。',
        'The application states no quality problem, technical bottleneck or quality-improvement need: assistance is not started.',
      ),
    );
  }
  if (!v.willing) {
    blocking.push(
      note(
        'assistance.application.unwilling',
        '经营主体不具备改进意愿（未选择自愿配合帮扶工作并落实整改措施）：不启动帮扶。',
        'The operator is not willing to improve (did not agree to cooperate and carry out rectification): assistance is not started.',
      ),
    );
  }
  if (blocking.length > 0) {
    return { decision: 'not-started', reasons: blocking, warnings, clause: '7.2.2', source: APPLICATION_SOURCE };
  }
  if (v.claimsVerified === undefined) {
    warnings.push(
      note(
        'assistance.application.unverified',
        '申请材料尚未审核：启动前请核实申请内容是否属实。',
        'The application has not been reviewed yet: verify that its content is true before starting.',
      ),
    );
  }
  const what: string[] = [];
  const whatEn: string[] = [];
  if (v.problemTypes.length > 0) {
    what.push(`质量问题：${listZh(problemTypeOptions, v.problemTypes)}`);
    whatEn.push(`problems: ${listEn(problemTypeOptions, v.problemTypes)}`);
  }
  if (v.needs.length > 0) {
    what.push(`帮扶诉求：${listZh(needOptions, v.needs)}`);
    whatEn.push(`needs: ${listEn(needOptions, v.needs)}`);
  }
  return {
    decision: 'started',
    reasons: [
      note(
        'assistance.application.started',
        `存在质量问题、技术瓶颈或质量提升需求（${what.join('；')}），且经营主体具备改进意愿：启动帮扶。`,
        `There is a quality problem, technical bottleneck or quality-improvement need (${whatEn.join('; ')}), and the operator is willing to improve: assistance is started.`,
      ),
    ],
    warnings,
    clause: '7.2.2',
    source: APPLICATION_SOURCE,
  };
}

/** The triage input for a validated A.1 application, plus what the officer found on review. */
export function triageInputFromApplication(
  app: AssistanceApplication,
  review: { claimsVerified?: boolean; nonQualityMatter?: NonQualityMatter } = {},
): AssistanceTriageInput {
  return {
    trigger: 'application',
    productCategory: app.productCategory,
    willing: app.willing,
    problemTypes: app.problemTypes,
    needs: app.needs,
    ...(review.claimsVerified !== undefined ? { claimsVerified: review.claimsVerified } : {}),
    ...(review.nonQualityMatter !== undefined ? { nonQualityMatter: review.nonQualityMatter } : {}),
  };
}
